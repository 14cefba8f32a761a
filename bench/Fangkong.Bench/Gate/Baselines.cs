using System.Data.Common;
using Fangkong.Core.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Bench.Gate;

/// <summary>
/// The two baselines measured beside the gate in the same run: a bare Kestrel JSON endpoint, and the
/// obvious durable endpoint that does one INSERT (one commit) per request into the same kind of store.
/// </summary>
internal static class Baselines
{
    public sealed record NaiveBody(string? IdempotencyKey, string? IdNumber, decimal? Temperature);

    public static async Task<(WebApplication App, string Url)> StartAsync(StorageOptions storage)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/bare", (NaiveBody body) => Results.Ok(new { outcome = "Admit", idNumber = body.IdNumber }));
        // For benchmarks of GET endpoints: the same bare JSON answer, without a body to read.
        app.MapGet("/bare", () => Results.Ok(new { outcome = "Admit" }));
        app.MapPost("/naive", async (NaiveBody body) =>
        {
            await using var c = Open(storage);
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO naive_visits (key, id_number, temperature, entered_at) VALUES (@k, @n, @t, @e)";
            Add(cmd, "@k", body.IdempotencyKey ?? "");
            Add(cmd, "@n", body.IdNumber ?? "");
            Add(cmd, "@t", (double)(body.Temperature ?? 0));
            Add(cmd, "@e", DateTime.UtcNow.Ticks);
            await cmd.ExecuteNonQueryAsync();
            return Results.Ok(new { outcome = "Admit" });
        });
        await using (var c = Open(storage))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE naive_visits (id INTEGER PRIMARY KEY " + (storage.Provider == StorageProvider.Postgres ? "GENERATED ALWAYS AS IDENTITY" : "AUTOINCREMENT") +
                              ", key TEXT NOT NULL UNIQUE, id_number TEXT NOT NULL, temperature DOUBLE PRECISION, entered_at BIGINT NOT NULL)";
            await cmd.ExecuteNonQueryAsync();
        }
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static DbConnection Open(StorageOptions s) =>
        s.Provider == StorageProvider.Postgres ? new NpgsqlConnection(s.ConnectionString) : new SqliteConnection(s.ConnectionString);

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

using System.Globalization;
using Fangkong.Core.Data;
using Npgsql;

namespace Fangkong.Bench;

/// <summary>"--name value" options and fresh scratch stores for each measured run.</summary>
internal sealed class BenchArgs(string[] args)
{
    public string Get(string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public IEnumerable<StorageProvider> Providers()
    {
        var p = Get("provider", Environment.GetEnvironmentVariable("FANGKONG_TEST_POSTGRES") is null ? "sqlite" : "both");
        if (p is "sqlite" or "both") yield return StorageProvider.Sqlite;
        if (p is "postgres" or "both") yield return StorageProvider.Postgres;
    }

    public string PostgresServer => Get("postgres", Environment.GetEnvironmentVariable("FANGKONG_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres");

    /// <summary>A new empty database: a temp SQLite file, or a freshly created PostgreSQL database.</summary>
    public async Task<StorageOptions> FreshStoreAsync(StorageProvider provider, string label)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), $"fk-bench-{label}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            return new StorageOptions { Provider = provider, ConnectionString = $"Data Source={dir}/bench.db" };
        }
        var name = $"fk_bench_{label}_{Guid.NewGuid():N}";
        await using var c = new NpgsqlConnection(PostgresServer);
        await c.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c)) await cmd.ExecuteNonQueryAsync();
        return new StorageOptions { Provider = provider, ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, MaxPoolSize = 90 }.ConnectionString };
    }
}

using System.Data.Common;
using Fangkong.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Bench.Lists;

/// <summary>A contact line as plain SQL reads it, unmasked.</summary>
internal sealed record SqlContact(long Id, long CaseId, long PersonId, string Name, string DocumentNumber, string? Phone, string? Venue);

/// <summary>
/// The contact list's join (contacts, their person, the venue's name) in plain SQL on one open connection: a page by
/// OFFSET, which keyset paging replaces, and the same page by key, for the baseline of the deep page.
/// </summary>
internal sealed class ListSql(DbConnection connection) : IAsyncDisposable
{
    private const string Join = """
        SELECT c."Id", c."CaseId", c."PersonId", p."Name", p."DocumentNumber", p."Phone", v."Name"
        FROM contact_proposals c JOIN persons p ON p."Id" = c."PersonId" LEFT JOIN venues v ON v."Id" = c."VenueId"
        """;

    public static async Task<ListSql> OpenAsync(StorageOptions storage)
    {
        var postgres = storage.Provider == StorageProvider.Postgres;
        // Prepared statements on PostgreSQL, as the product's own connections have them (StorageOptions).
        DbConnection c = postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { MaxAutoPrepare = 64 }.ConnectionString)
            : new SqliteConnection(storage.ConnectionString);
        await c.OpenAsync();
        if (postgres)
        {
            // No JIT for the baseline: its compilation (~100 ms) would be charged to OFFSET and flatter keyset paging.
            await using var setup = c.CreateCommand();
            setup.CommandText = "SET jit = off";
            await setup.ExecuteNonQueryAsync();
        }
        return new ListSql(c);
    }

    /// <summary>The key of the row at 1-based <paramref name="position"/> of the unfiltered list, newest first.</summary>
    public async Task<long> KeyAtAsync(int position)
    {
        await using var cmd = Command("""SELECT "Id" FROM contact_proposals ORDER BY "Id" DESC LIMIT 1 OFFSET @skip""", ("@skip", position - 1));
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Rows <paramref name="skip"/> + 1 … <paramref name="skip"/> + <paramref name="size"/>, newest first.</summary>
    public Task<List<SqlContact>> OffsetAsync(int skip, int size) =>
        ReadAsync(Command(Join + """ ORDER BY c."Id" DESC LIMIT @size OFFSET @skip""", ("@size", size), ("@skip", skip)));

    /// <summary>The <paramref name="size"/> rows below key <paramref name="after"/>, newest first.</summary>
    public Task<List<SqlContact>> AfterAsync(long after, int size) =>
        ReadAsync(Command(Join + """ WHERE c."Id" < @after ORDER BY c."Id" DESC LIMIT @size""", ("@after", after), ("@size", size)));

    private DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static async Task<List<SqlContact>> ReadAsync(DbCommand cmd)
    {
        await using (cmd)
        {
            await using var r = await cmd.ExecuteReaderAsync();
            var rows = new List<SqlContact>();
            while (await r.ReadAsync())
                rows.Add(new SqlContact(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
            return rows;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

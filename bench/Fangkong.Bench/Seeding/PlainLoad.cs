using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Bench.Seeding;

/// <summary>
/// The baseline: bare rows loaded the fastest plain way into the real tables of a fresh store — binary COPY
/// with typed writes on PostgreSQL, one prepared INSERT in one transaction on SQLite (same PRAGMA
/// synchronous=OFF as the seeder's loader). Values are pre-formatted before the clock starts.
/// </summary>
internal static class PlainLoad
{
    public static async Task<TimeSpan> PersonsAsync(StorageOptions store, BareRows.Person[] rows)
    {
        var (table, columns) = Columns<Person>(store, "Id", "DocumentType", "DocumentNumber", "Name", "Sex", "BirthDate", "Phone", "HouseholdId", "Token", "CreatedAtUtc");
        var created = DateTime.UtcNow;
        if (store.Provider == StorageProvider.Postgres)
        {
            return await CopyAsync(store, table, columns, rows, (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Bigint); w.Write(1, NpgsqlDbType.Integer); w.Write(r.DocumentNumber, NpgsqlDbType.Text);
                w.Write(r.Name, NpgsqlDbType.Text); w.Write(r.Sex, NpgsqlDbType.Integer); w.Write(r.BirthDate, NpgsqlDbType.Date);
                w.Write(r.Phone, NpgsqlDbType.Text); w.Write(r.HouseholdId, NpgsqlDbType.Bigint); w.Write(r.Token, NpgsqlDbType.Text);
                w.Write(created, NpgsqlDbType.TimestampTz);
            });
        }
        var createdText = SqliteTime(created);
        var values = rows.Select(r => new object[] { r.Id, 1, r.DocumentNumber, r.Name, r.Sex, r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Phone, r.HouseholdId, r.Token, createdText }).ToArray();
        return InsertAll(store, table, columns, values);
    }

    public static async Task<TimeSpan> VisitsAsync(StorageOptions store, BareRows.Visit[] rows)
    {
        var (table, columns) = Columns<Visit>(store, "Id", "PersonId", "VenueId", "EntryDeviceId", "EnteredAtUtc", "ExitedAtUtc", "ExitInferred", "Method", "Temperature");
        if (store.Provider == StorageProvider.Postgres)
        {
            return await CopyAsync(store, table, columns, rows, (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Bigint); w.Write(r.PersonId, NpgsqlDbType.Bigint); w.Write(r.VenueId, NpgsqlDbType.Bigint);
                w.Write(r.DeviceId, NpgsqlDbType.Bigint); w.Write(r.EnteredUtc, NpgsqlDbType.TimestampTz); w.Write(r.ExitedUtc, NpgsqlDbType.TimestampTz);
                w.Write(false, NpgsqlDbType.Boolean); w.Write(r.Method, NpgsqlDbType.Integer); w.Write(r.Temperature, NpgsqlDbType.Numeric);
            });
        }
        var values = rows.Select(r => new object[] { r.Id, r.PersonId, r.VenueId, r.DeviceId, SqliteTime(r.EnteredUtc), SqliteTime(r.ExitedUtc), 0, r.Method, "36.5" }).ToArray();
        return InsertAll(store, table, columns, values);
    }

    private static async Task<TimeSpan> CopyAsync<T>(StorageOptions store, string table, string[] columns, T[] rows, Action<NpgsqlBinaryImporter, T> write)
    {
        await using var c = new NpgsqlConnection(store.ConnectionString);
        await c.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using (var importer = await c.BeginBinaryImportAsync($"COPY \"{table}\" ({string.Join(", ", columns.Select(x => $"\"{x}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                write(importer, row);
            }
            await importer.CompleteAsync();
        }
        return clock.Elapsed;
    }

    private static TimeSpan InsertAll(StorageOptions store, string table, string[] columns, object[][] rows)
    {
        using var c = new SqliteConnection(store.ConnectionString);
        c.Open();
        using (var pragma = c.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }
        var clock = Stopwatch.StartNew();
        using var tx = c.BeginTransaction();
        using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(x => $"\"{x}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i];
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        return clock.Elapsed;
    }

    private static (string Table, string[] Columns) Columns<T>(StorageOptions store, params string[] properties)
    {
        using var db = new FangkongDb(store.BuildOptions());
        return BulkLoader.Mapping<T>(db, properties);
    }

    private static string SqliteTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}

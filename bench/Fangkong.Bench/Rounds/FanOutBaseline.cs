using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Bench.Rounds;

/// <summary>
/// The least a fan-out can write, in the same run on the same store: a result row per swab of the round (the same
/// columns as test_results), written the fastest way each store has — one binary COPY on PostgreSQL, one prepared
/// INSERT reused in one transaction on SQLite — into a scratch table with test_results' own keys and indexes.
/// The rows are read from the store first; only the write is timed.
/// </summary>
internal static class FanOutBaseline
{
    public sealed record Row(long Id, long PersonId, DateTime SampledAtUtc, string Barcode);

    public static async Task<(long Rows, TimeSpan Elapsed)> CopyAsync(StorageOptions storage, long roundId)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        var rows = await (from s in db.Samples.AsNoTracking()
                          join t in db.Tubes on s.TubeId equals t.Id
                          where t.RoundId == roundId
                          select new Row(s.Id, s.PersonId, s.AtUtc, t.Barcode)).ToListAsync();
        var resultAt = DateTime.UtcNow;
        var c = db.Database.GetDbConnection();
        await c.OpenAsync();
        await CreateScratchAsync(c, db.Database.IsNpgsql());
        var watch = Stopwatch.StartNew();
        long n = 0;
        await using var tx = await c.BeginTransactionAsync();
        if (c is NpgsqlConnection npgsql)
        {
            await using var copy = await npgsql.BeginBinaryImportAsync("COPY bench_copy (\"Id\", \"PersonId\", \"SampledAtUtc\", \"ResultAtUtc\", \"Outcome\", \"Source\") FROM STDIN (FORMAT BINARY)");
            foreach (var r in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(r.PersonId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(r.SampledAtUtc, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(resultAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync("tube:" + r.Barcode, NpgsqlDbType.Text);
                n++;
            }
            await copy.CompleteAsync();
        }
        else
        {
            await using var insert = (SqliteCommand)c.CreateCommand();
            insert.Transaction = (SqliteTransaction)tx;
            insert.CommandText = "INSERT INTO bench_copy (\"Id\", \"PersonId\", \"SampledAtUtc\", \"ResultAtUtc\", \"Outcome\", \"Source\") VALUES ($a, $b, $c, $d, $e, $f)";
            var p = new[] { "$a", "$b", "$c", "$d", "$e", "$f" }.Select(name => insert.Parameters.Add(new SqliteParameter(name, null))).ToArray();
            insert.Prepare();
            var at = SqliteTime(resultAt);
            foreach (var r in rows)
            {
                p[0].Value = r.Id;
                p[1].Value = r.PersonId;
                p[2].Value = SqliteTime(r.SampledAtUtc);
                p[3].Value = at;
                p[4].Value = 1;
                p[5].Value = "tube:" + r.Barcode;
                n += insert.ExecuteNonQuery();
            }
        }
        await tx.CommitAsync();
        watch.Stop();
        return (n, watch.Elapsed);
    }

    /// <summary>An empty table shaped as test_results, with its primary key and indexes.</summary>
    private static async Task CreateScratchAsync(DbConnection c, bool postgres)
    {
        if (postgres)
        {
            await ExecAsync(c, "CREATE TABLE bench_copy (LIKE test_results INCLUDING ALL)");
            return;
        }
        var statements = new List<string>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'test_results' AND sql IS NOT NULL ORDER BY type DESC";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) statements.Add(reader.GetString(0));
        }
        foreach (var sql in statements) await ExecAsync(c, sql.Replace("test_results", "bench_copy", StringComparison.Ordinal));
    }

    private static async Task ExecAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A time as EF Core writes it to SQLite.</summary>
    private static string SqliteTime(DateTime d) => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}

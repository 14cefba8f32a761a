using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>
/// The fan-out's heavy rows as a few set statements inside the caller's transaction, in the store, with no rows through
/// the process (ADR 0034): the tubes are staged once in a temporary table, then one INSERT … SELECT writes a result per
/// person and one UPDATE … FROM per outcome stamps the roster. The same SQL runs on both stores (SQLite ≥ 3.35 has
/// UPDATE … FROM and upsert); only the staging statement differs. Only numbers and the model's constants reach the SQL
/// text; the time is a parameter.
/// </summary>
internal static class FanOutStatements
{
    private const string Staged = "fanout_tubes";

    /// <summary>The tubes of this fan-out: the staged ids joined to their tubes and swabs.</summary>
    private const string Swabs = $"""
        FROM {Staged} f JOIN tubes t ON t."Id" = f."Id" JOIN samples s ON s."TubeId" = t."Id"
        """;

    /// <summary>Stages the tube ids in a temporary table of this connection, dropped by <see cref="DropAsync"/> or with the transaction.</summary>
    public static async Task StageAsync(FangkongDb db, IReadOnlyCollection<long> tubeIds, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Dropped at commit or rollback whatever happens; ANALYZE because no autovacuum sees a temporary table.
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS pg_temp.{Staged}", ct);
            await db.Database.ExecuteSqlRawAsync($"CREATE TEMPORARY TABLE {Staged} (\"Id\" bigint PRIMARY KEY) ON COMMIT DROP", ct);
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO {Staged} SELECT DISTINCT unnest({{0}})", [tubeIds.ToArray()], ct);
            await db.Database.ExecuteSqlRawAsync($"ANALYZE {Staged}", ct);
            return;
        }
        // A pooled SQLite connection keeps its temporary tables: one left by a failed run is replaced.
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS temp.{Staged}", ct);
        // A round's file rewrites a million roster rows and their index entries: with SQLite's default 2 MB page cache
        // the same B-tree pages are evicted and read back again and again. This connection gets 256 MB until DropAsync.
        if (tubeIds.Count >= LargeFile) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-262144", ct);
        await db.Database.ExecuteSqlRawAsync($"CREATE TEMPORARY TABLE {Staged} (\"Id\" INTEGER PRIMARY KEY)", ct);
        await db.Database.ExecuteSqlRawAsync($"INSERT OR IGNORE INTO temp.{Staged} SELECT value FROM json_each({{0}})",
            ["[" + string.Join(",", tubeIds.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]"], ct);
    }

    /// <summary>
    /// Drops the staged tubes and gives the connection its usual page cache back (SQLite; works after a failed statement too).
    /// On PostgreSQL the table goes with the transaction, and a failed transaction accepts no statement before its rollback.
    /// </summary>
    public static async Task DropAsync(FangkongDb db, int tubes, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) return;
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS temp.{Staged}", ct);
        if (tubes >= LargeFile) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000", ct);
    }

    /// <summary>Tubes from which a fan-out is given a large page cache (SQLite): about 100,000 roster rows.</summary>
    private const int LargeFile = 10_000;

    /// <summary>
    /// A result row per member of a negative tube and per person of a positive single tube. The row reuses the sample's
    /// id — one sample, one result — so a replay inserts nothing.
    /// </summary>
    public static Task<int> InsertResultsAsync(FangkongDb db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(InsertResults, ct);

    private static readonly string InsertResults = $"""
        INSERT INTO test_results ("Id", "PersonId", "SampledAtUtc", "ResultAtUtc", "Outcome", "Source")
        SELECT s."Id", s."PersonId", s."AtUtc", t."ResultAtUtc", t."Outcome", 'tube:' || t."Barcode"
        {Swabs}
        WHERE t."Outcome" IS NOT NULL AND (t."Outcome" = {(int)TubeOutcome.Negative} OR t."Count" = 1)
        ON CONFLICT ("Id") DO NOTHING
        """;

    /// <summary>
    /// Stamps the roster row of every member of the staged tubes with one outcome: one statement, by the roster's key. No
    /// DISTINCT: a row met twice is updated once by both stores, and sorting a million members spilled to disk.
    /// </summary>
    public static Task<int> MarkRosterAsync(FangkongDb db, PersonOutcome outcome, DateTime now, CancellationToken ct)
    {
        var tubes = outcome switch
        {
            PersonOutcome.Negative => $"t.\"Outcome\" = {(int)TubeOutcome.Negative}",
            PersonOutcome.PoolPositive => $"t.\"Outcome\" = {(int)TubeOutcome.Positive} AND t.\"Count\" > 1",
            _ => $"t.\"Outcome\" = {(int)TubeOutcome.Positive} AND t.\"Count\" = 1",
        };
        var sql = $$"""
            UPDATE round_residents SET "Outcome" = {{(int)outcome}}, "ResultAtUtc" = COALESCE(round_residents."ResultAtUtc", {0})
            FROM (SELECT s."RoundId", s."PersonId" {{Swabs}} WHERE {{tubes}}) m
            WHERE round_residents."RoundId" = m."RoundId" AND round_residents."PersonId" = m."PersonId"
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [now], ct);
    }

    /// <summary>Members of negative tubes whose code is not green (fever, missed round, pool awaiting re-test): their colour may change.</summary>
    public static Task<List<long>> NotGreenNegativesAsync(FangkongDb db, CancellationToken ct) => db.Database.SqlQueryRaw<long>($"""
        SELECT DISTINCT s."PersonId" AS "Value"
        {Swabs} JOIN health_codes h ON h."PersonId" = s."PersonId"
        WHERE t."Outcome" = {(int)TubeOutcome.Negative} AND h."Colour" <> {(int)CodeColour.Green}
        """).ToListAsync(ct);
}

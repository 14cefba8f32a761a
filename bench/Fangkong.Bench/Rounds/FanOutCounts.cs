using System.Data.Common;
using System.Globalization;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Rounds;

/// <summary>What a fan-out wrote, counted in the store: the benchmark compares these before and after each import.</summary>
internal sealed record FanOutCounts(long Results, long RosterResulted, long TubesResulted, long PoolTasks, long ColourChanges, long AuditEntries, long Cases)
{
    public static async Task<FanOutCounts> ReadAsync(StorageOptions storage, long roundId)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        var c = db.Database.GetDbConnection();
        await c.OpenAsync();
        var r = roundId.ToString(CultureInfo.InvariantCulture);
        return new FanOutCounts(
            await CountAsync(c, "SELECT COUNT(*) FROM test_results"),
            await CountAsync(c, $"SELECT COUNT(*) FROM round_residents WHERE \"RoundId\" = {r} AND \"Outcome\" IS NOT NULL"),
            await CountAsync(c, $"SELECT COUNT(*) FROM tubes WHERE \"RoundId\" = {r} AND \"Outcome\" IS NOT NULL"),
            await CountAsync(c, $"SELECT COUNT(*) FROM resample_tasks WHERE \"RoundId\" = {r} AND \"Reason\" = 1"),
            await CountAsync(c, "SELECT COUNT(*) FROM health_code_changes"),
            await CountAsync(c, "SELECT COUNT(*) FROM audit_entries"),
            await CountAsync(c, "SELECT COUNT(*) FROM cases"));
    }

    public FanOutCounts Minus(FanOutCounts b) => new(Results - b.Results, RosterResulted - b.RosterResulted, TubesResulted - b.TubesResulted,
        PoolTasks - b.PoolTasks, ColourChanges - b.ColourChanges, AuditEntries - b.AuditEntries, Cases - b.Cases);

    private static async Task<long> CountAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

using Fangkong.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

/// <summary>
/// Background work that must run once across the cluster (ADR 0047) claims its period here before it runs: the conditional
/// update <c>SET period = p WHERE name = n AND period &lt; p</c> is atomic on both stores (PostgreSQL re-checks the condition
/// after waiting for a concurrent claimer's row lock; SQLite has one writer), and a missing row is inserted, its primary key
/// deciding a race. A lock would only keep two runs apart; a claimed period also stops the second instance running it after
/// the first has finished. On SQLite there is one instance and every claim it makes succeeds once per period.
/// </summary>
public sealed class ClusterLeases(IDbContextFactory<FangkongDb> dbs, CityClock clock)
{
    /// <summary>This instance, as it signs its claims.</summary>
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>True when this instance claimed <paramref name="period"/> of <paramref name="name"/> and should run it; false when another did.</summary>
    public async Task<bool> TryClaimAsync(string name, long period, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var moved = await db.ClusterLeases.Where(l => l.Name == name && l.Period < period)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Period, period).SetProperty(l => l.Holder, Instance).SetProperty(l => l.ClaimedAtUtc, now), ct);
        if (moved == 1) return true;
        if (await db.ClusterLeases.AnyAsync(l => l.Name == name, ct)) return false;
        db.ClusterLeases.Add(new ClusterLease { Name = name, Period = period, Holder = Instance, ClaimedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance inserted the first row at the same moment: theirs is the claim
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> when this instance claims the period, and gives the claim back when the work fails, so the next
    /// tick (here or on another instance) tries again as a single instance's loop did. Returns whether it ran.
    /// </summary>
    public async Task<bool> RunOnceAsync(string name, long period, Func<Task> work, CancellationToken ct)
    {
        if (!await TryClaimAsync(name, period, ct)) return false;
        try
        {
            await work();
            return true;
        }
        catch
        {
            await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
            await db.ClusterLeases.Where(l => l.Name == name && l.Period == period && l.Holder == Instance)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Period, period - 1), CancellationToken.None);
            throw;
        }
    }

    /// <summary>The minute, hour or day an instant falls in, counted from the epoch: the periods the housekeeping tasks claim.</summary>
    public static long Minute(DateTime utc) => utc.Ticks / TimeSpan.TicksPerMinute;
    public static long Hour(DateTime utc) => utc.Ticks / TimeSpan.TicksPerHour;
}

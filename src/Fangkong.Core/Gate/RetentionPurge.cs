using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Gate;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Deletes entry records older than the retention period (default 28 days, domain.md §2). Ids are
/// time-ordered, so the cut is an id range; with partitioning it becomes a partition drop.
/// </summary>
public sealed class RetentionPurge(GatePolicy policy, CityClock clock)
{
    public async Task<int> PurgeAsync(FangkongDb db, CancellationToken ct)
    {
        var cutoff = clock.UtcNow.AddDays(-policy.EntryRetentionDays);
        // Visits: by entry time (seeded rows and offline uploads have ids near their entry time, but the time is the rule).
        var visits = await db.Visits.Where(v => v.EnteredAtUtc < cutoff && v.ExitedAtUtc != null).ExecuteDeleteAsync(ct);
        var events = await db.GateEvents.Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(ct);
        return visits + events;
    }
}

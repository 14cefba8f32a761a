using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Gate;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Deletes entry records older than the retention period (default 28 days, domain.md §2). Ids are
/// time-ordered (ADR 0003), so the cut is a primary-key range — a seek, not a scan of the table — and with
/// partitioning it becomes a partition drop.
/// </summary>
public sealed class RetentionPurge(GatePolicy policy, CityClock clock)
{
    public async Task<int> PurgeAsync(FangkongDb db, CancellationToken ct)
    {
        var bound = TimeOrderedIds.LowerBound(clock.UtcNow.AddDays(-policy.EntryRetentionDays));
        // Visits still open are left to the inferred-exit pass; they are deleted once closed.
        var visits = await db.Visits.Where(v => v.Id < bound && v.ExitedAtUtc != null).ExecuteDeleteAsync(ct);
        var events = await db.GateEvents.Where(e => e.Id < bound).ExecuteDeleteAsync(ct);
        return visits + events;
    }
}

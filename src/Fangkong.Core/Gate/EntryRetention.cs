using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Gate;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Entry records (visits and gate events) older than <c>Policy:Gate:EntryRetentionDays</c> (default 28, domain.md §2). Ids are
/// time-ordered (ADR 0003), so the cut is a primary-key range — a seek, not a scan of the table. Visits still open are left to the
/// inferred-exit pass; they are deleted once closed.
/// </summary>
public sealed class EntryRetention(GatePolicy policy) : IRetentionClass
{
    public string Name => "entries";

    private long Bound(DateTime nowUtc) => TimeOrderedIds.LowerBound(nowUtc.AddDays(-policy.EntryRetentionDays));

    public async Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct)
    {
        var bound = Bound(nowUtc);
        return await db.Visits.LongCountAsync(v => v.Id < bound && v.ExitedAtUtc != null, ct) + await db.GateEvents.LongCountAsync(e => e.Id < bound, ct);
    }

    public async Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct)
    {
        var bound = Bound(nowUtc);
        // The oldest first, up to the batch's last id: a range delete on the primary key.
        var visits = await RangeEndAsync(db.Visits.Where(v => v.Id < bound && v.ExitedAtUtc != null).Select(v => v.Id), batch, ct);
        var deleted = visits is { } lastVisit
            ? await db.Visits.Where(v => v.Id <= lastVisit && v.ExitedAtUtc != null).ExecuteDeleteAsync(ct) : 0;
        if (deleted >= batch) return deleted;
        var events = await RangeEndAsync(db.GateEvents.Where(e => e.Id < bound).Select(e => e.Id), batch - deleted, ct);
        return deleted + (events is { } lastEvent ? await db.GateEvents.Where(e => e.Id <= lastEvent).ExecuteDeleteAsync(ct) : 0);
    }

    /// <summary>The id of the <paramref name="batch"/>-th oldest row due (or of the last one), null when none is due.</summary>
    private static Task<long?> RangeEndAsync(IQueryable<long> dueIds, int batch, CancellationToken ct) =>
        dueIds.OrderBy(id => id).Take(batch).Select(id => (long?)id).MaxAsync(ct);
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>
/// Members' daily readings and fever referrals older than <c>Policy:Institutions:ReadingRetentionDays</c> (default 28):
/// a school's daily temperatures grow by thousands of rows a day. Ids are time-ordered (ADR 0003), so the cut is a key range.
/// The unit's report (counts only, no person) stays as the record that the institution reported.
/// </summary>
public sealed class ReadingRetention(InstitutionPolicy policy) : IRetentionClass
{
    public string Name => "institution-readings";

    private long Bound(DateTime nowUtc) => TimeOrderedIds.LowerBound(nowUtc.AddDays(-policy.ReadingRetentionDays));

    public async Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct)
    {
        var bound = Bound(nowUtc);
        return await db.MemberReadings.IgnoreQueryFilters().LongCountAsync(r => r.Id < bound, ct) + await db.FeverReferrals.IgnoreQueryFilters().LongCountAsync(r => r.Id < bound, ct);
    }

    public async Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct)
    {
        var bound = Bound(nowUtc);
        var last = await db.MemberReadings.IgnoreQueryFilters().Where(r => r.Id < bound).OrderBy(r => r.Id).Take(batch).Select(r => (long?)r.Id).MaxAsync(ct);
        var deleted = last is { } l ? await db.MemberReadings.IgnoreQueryFilters().Where(r => r.Id <= l).ExecuteDeleteAsync(ct) : 0;
        if (deleted >= batch) return deleted;
        var lastReferral = await db.FeverReferrals.IgnoreQueryFilters().Where(r => r.Id < bound).OrderBy(r => r.Id).Take(batch - deleted).Select(r => (long?)r.Id).MaxAsync(ct);
        return deleted + (lastReferral is { } f ? await db.FeverReferrals.IgnoreQueryFilters().Where(r => r.Id <= f).ExecuteDeleteAsync(ct) : 0);
    }
}

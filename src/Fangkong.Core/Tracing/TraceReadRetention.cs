using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// The record of trajectory and venue-log reads, <c>Policy:Retention:TraceReadDays</c> (default a year) after the read: longer than
/// the entry records it audits, so a resident can still learn who read theirs after the records themselves are gone (ADR 0026).
/// The oldest go first, so what remains is always an unbroken suffix.
/// </summary>
public sealed class TraceReadRetention(RetentionPolicy policy) : IRetentionClass
{
    public string Name => "trace-reads";

    private IQueryable<TraceAccess> Due(FangkongDb db, DateTime nowUtc)
    {
        var cut = nowUtc.AddDays(-policy.TraceReadDays);
        return db.TraceAccesses.Where(a => a.AtUtc < cut);
    }

    public Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct) => Due(db, nowUtc).LongCountAsync(ct);

    public async Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct)
    {
        var ids = await Due(db, nowUtc).OrderBy(a => a.AtUtc).ThenBy(a => a.Id).Select(a => a.Id).Take(batch).ToListAsync(ct);
        return ids.Count == 0 ? 0 : await db.TraceAccesses.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
    }
}

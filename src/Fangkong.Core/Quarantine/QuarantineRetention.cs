using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>
/// Quarantine stays <c>Policy:Retention:QuarantineDays</c> after release, each whole with its daily check-ins, transfers and
/// re-sampling tasks, in one transaction per batch (never a check-in without its stay). Stays still served are kept (ADR 0026).
/// </summary>
public sealed class QuarantineRetention(RetentionPolicy policy) : IRetentionClass
{
    public string Name => "quarantine";

    private IQueryable<QuarantineStay> Due(FangkongDb db, DateTime nowUtc)
    {
        var cut = nowUtc.AddDays(-policy.QuarantineDays);
        return db.QuarantineStays.Where(q => q.State == QuarantineState.Released && q.ReleasedAtUtc != null && q.ReleasedAtUtc < cut);
    }

    public Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct) => Due(db, nowUtc).LongCountAsync(ct);

    public async Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct)
    {
        var ids = await Due(db, nowUtc).OrderBy(q => q.Id).Select(q => q.Id).Take(batch).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var stays = ids.Select(x => (long?)x).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.QuarantineCheckIns.Where(c => ids.Contains(c.StayId)).ExecuteDeleteAsync(ct);
        await db.QuarantineTransfers.Where(t => ids.Contains(t.StayId)).ExecuteDeleteAsync(ct);
        await db.ResampleTasks.Where(t => stays.Contains(t.StayId)).ExecuteDeleteAsync(ct);
        var deleted = await db.QuarantineStays.Where(q => ids.Contains(q.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// Contacts <c>Policy:Retention:ContactDays</c> after they ended: a confirmed contact after release, a dismissed proposal after the
/// dismissal. Contacts still under management, and proposals not yet decided, are kept whatever their age (ADR 0026).
/// </summary>
public sealed class ContactRetention(RetentionPolicy policy) : IRetentionClass
{
    public string Name => "contacts";

    private IQueryable<ContactProposal> Due(FangkongDb db, DateTime nowUtc)
    {
        var cut = nowUtc.AddDays(-policy.ContactDays);
        return db.ContactProposals.Where(c =>
            (c.Status == ProposalStatus.Confirmed && c.ReleasedAtUtc != null && c.ReleasedAtUtc < cut)
            || (c.Status == ProposalStatus.Dismissed && c.DecidedAtUtc != null && c.DecidedAtUtc < cut));
    }

    public Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct) => Due(db, nowUtc).LongCountAsync(ct);

    public async Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct)
    {
        var ids = await Due(db, nowUtc).OrderBy(c => c.Id).Select(c => c.Id).Take(batch).ToListAsync(ct);
        return ids.Count == 0 ? 0 : await db.ContactProposals.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
    }
}

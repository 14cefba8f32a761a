using Fangkong.Core.Data;
using Fangkong.Domain.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Passes;

/// <summary>
/// Revokes the issued passes of holders whose code has just turned red (ADR 0041, amended by ADR 0042): called by Codes where
/// a colour changes, so the pass falls with the colour in the same unit of work, not when passes are next read. The
/// revocation list a checkpoint fetches then names it.
/// </summary>
public static class RedHolderPasses
{
    /// <summary>Marks the passes revoked on the context (tracked): saved with the colour change that caused it.</summary>
    public static async Task MarkAsync(FangkongDb db, IReadOnlyCollection<long> reds, DateTime nowUtc, CancellationToken ct)
    {
        if (reds.Count == 0) return;
        var ids = reds.ToList();
        var passes = await db.Passes.IgnoreQueryFilters().Where(p => p.State == PassState.Approved && p.PersonId != null && EF.Parameter(ids).Contains(p.PersonId.Value)).ToListAsync(ct);
        foreach (var p in passes) Revoke(p, nowUtc);
    }

    /// <summary>Revokes them at once, in the caller's transaction (the untracked bulk path of a zone's residents).</summary>
    public static async Task<int> RevokeAsync(FangkongDb db, IReadOnlyCollection<long> reds, DateTime nowUtc, CancellationToken ct)
    {
        if (reds.Count == 0) return 0;
        var ids = reds.ToList();
        return await db.Passes.IgnoreQueryFilters().Where(p => p.State == PassState.Approved && p.PersonId != null && EF.Parameter(ids).Contains(p.PersonId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PassState.Revoked).SetProperty(p => p.Revocation, PassRevocation.HolderRed)
                .SetProperty(p => p.RevokedAtUtc, nowUtc), ct);
    }

    private static void Revoke(Pass p, DateTime nowUtc)
    {
        p.State = PassState.Revoked;
        p.Revocation = PassRevocation.HolderRed;
        p.RevokedAtUtc = nowUtc;
    }
}

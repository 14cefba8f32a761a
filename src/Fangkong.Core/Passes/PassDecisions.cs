using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Passes;

/// <summary>
/// A pass officer approves or refuses applications in bulk (all or none: one that is no longer an application names
/// itself in a 409), and withdraws an issued pass with a reason; withdrawn passes join the revocation list at once.
/// </summary>
public sealed class PassDecisions(TimeProvider time)
{
    public const int MaxBulk = 500;

    public async Task<IReadOnlyList<PassView>> DecideAsync(FangkongDb db, long userId, PassDecision d, CancellationToken ct)
    {
        var ids = d.PassIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0) throw new InputException("passIds", Messages.Get("Passes.NoneChosen"));
        if (ids.Count > MaxBulk) throw new InputException("passIds", Messages.Get("Passes.TooMany", MaxBulk));
        var reason = PassApplications.Text(d.Reason, "reason", PassApplications.MaxText, required: !d.Approve);
        var passes = await db.Passes.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (passes.Count != ids.Count)
            throw new NotFoundException("passIds", Messages.Get("Passes.NoSuchPass", ids.First(i => passes.All(p => p.Id != i))));
        if (passes.FirstOrDefault(p => p.State != PassState.Applied) is { } done)
            throw new ConflictException(Messages.Get("Passes.AlreadyDecided", done.Id), "already-decided");
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var p in passes)
        {
            p.State = d.Approve ? PassState.Approved : PassState.Refused;
            p.DecidedByUserId = userId;
            p.DecidedAtUtc = now;
            p.RefusalReason = d.Approve ? null : reason;
        }
        await db.SaveChangesAsync(ct);
        return [.. passes.Select(p => PassView.Of(p))];
    }

    public async Task<PassView> WithdrawAsync(FangkongDb db, long userId, long passId, PassWithdrawal w, CancellationToken ct)
    {
        var reason = PassApplications.Text(w.Reason, "reason", PassApplications.MaxText, required: true);
        var pass = await db.Passes.FirstOrDefaultAsync(p => p.Id == passId, ct) ?? throw new NotFoundException("id", Messages.Get("Passes.NoSuchPass", passId));
        if (pass.State != PassState.Approved) throw new ConflictException(Messages.Get("Passes.NotIssued"), "not-issued");
        pass.State = PassState.Revoked;
        pass.Revocation = PassRevocation.Withdrawn;
        pass.RevocationNote = reason;
        pass.RevokedByUserId = userId;
        pass.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return PassView.Of(pass);
    }
}

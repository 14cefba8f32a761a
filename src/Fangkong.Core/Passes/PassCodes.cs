using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Passes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Passes;

/// <summary>
/// Passes as QR and their checks. An issued pass is signed with the health code's rotating key (ADR 0025), so a
/// checkpoint verifies it offline with the published keys and the revocation list it last fetched. A holder whose code
/// turns red loses the pass where the colour changes (Codes calls <see cref="RedHolderPasses"/>, ADR 0042); every read
/// here still sweeps for a red holder's pass as a backstop (a colour set before that hook, ADR 0041).
/// </summary>
public sealed class PassCodes(CodeSigner signer, CityClock clock)
{
    /// <summary>The signed QR of an issued pass.</summary>
    public Task<string> QrAsync(Pass p, CancellationToken ct) =>
        signer.SignPassAsync(new PassPayload(p.Id, p.Kind, Masking.Name(p.HolderName), p.Plate, p.Route, p.ValidFrom, p.ValidTo, ""), ct);

    /// <summary>Revokes every issued pass whose holder's code is red now, recording why; answers how many.</summary>
    public async Task<int> RevokeRedHoldersAsync(FangkongDb db, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return await db.Passes
            .Where(p => p.State == PassState.Approved && p.PersonId != null && db.Colours.Any(c => c.PersonId == p.PersonId && c.Colour == CodeColour.Red))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PassState.Revoked).SetProperty(p => p.Revocation, PassRevocation.HolderRed)
                .SetProperty(p => p.RevokedAtUtc, now), ct);
    }

    /// <summary>The list a checkpoint fetches to verify offline: revoked passes still within their days.</summary>
    public async Task<RevocationList> RevocationsAsync(FangkongDb db, CancellationToken ct)
    {
        await RevokeRedHoldersAsync(db, ct);
        var today = clock.Today;
        var ids = await db.Passes.AsNoTracking().Where(p => p.State == PassState.Revoked && p.ValidTo >= today).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return new RevocationList(clock.UtcNow, ids);
    }

    /// <summary>The platform's own check of a pass's QR: signature, days and vehicle as offline, then its table and its holder's colour now.</summary>
    public async Task<(PassCheck Check, Pass? Pass)> CheckAsync(FangkongDb db, string? qr, string? plate, CancellationToken ct)
    {
        var read = await signer.ReadPassAsync(qr, ct);
        Pass? pass = null;
        var revoked = new HashSet<long>();
        if (read.Payload is { } p)
        {
            await RevokeRedHoldersAsync(db, ct);
            pass = await db.Passes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p.PassId, ct);
            if (pass is null || pass.State != PassState.Approved) revoked.Add(p.PassId);
        }
        var v = PassRules.Check(read, clock.Today, revoked, string.IsNullOrWhiteSpace(plate) ? null : plate);
        var payload = v.Payload;
        return (new PassCheck(v.IsValid, v.Verdict, Messages.Get(v.Message), payload?.PassId, payload?.Kind, payload?.Holder, payload?.Plate, payload?.Route,
            payload?.ValidFrom, payload?.ValidTo), v.IsValid ? pass : null);
    }
}

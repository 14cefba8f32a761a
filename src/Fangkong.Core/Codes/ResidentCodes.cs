using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>A resident's code as their phone shows it: a freshly signed payload, the colour, and the rule that gave it (explained in the reader's language).</summary>
public sealed record ResidentCode(string MaskedName, CodeColour Colour, string Payload, DateTime IssuedAtUtc, DateTime ExpiresAtUtc,
    int RefreshSeconds, string Rule, string Explanation);

/// <summary>Signs a resident's current code: the API's /me and the code page read the same thing.</summary>
public sealed class ResidentCodes(HealthCodeService codes, CodeSigner signer)
{
    public async Task<ResidentCode> CurrentAsync(FangkongDb db, long personId, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.Token }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("personId", Messages.Get("People.NoSuchPerson"));
        var colour = await codes.ColourAsync(db, personId, ct);
        var decision = CodeRules.Evaluate(await codes.LoadFactsAsync(db, personId, ct), codes.Policy);
        var payload = await signer.SignAsync(person.Token, colour, codes.Policy.QrLifetime, ct);
        var verified = await signer.VerifyAsync(payload, ct);
        return new ResidentCode(Masking.Name(person.Name), colour, payload, verified.Payload!.IssuedAtUtc, verified.Payload.ExpiresAtUtc,
            (int)codes.Policy.QrRefresh.TotalSeconds, decision.Rule, Messages.Get(decision.Explanation));
    }
}

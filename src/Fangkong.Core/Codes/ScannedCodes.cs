using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>
/// What a scanner is told about a code: valid or why not (<see cref="Verdict"/> for a device to switch on, <see cref="Message"/>
/// for a person, in their language), its colour and expiry, whose it is (masked).
/// </summary>
public sealed record VerifyAnswer(bool Valid, string Verdict, string Message, CodeColour? Colour, DateTime? ExpiresAtUtc, string? MaskedName);

/// <summary>Checks a scanned code: signature, expiry, colour, and the holder's masked name.</summary>
public sealed class ScannedCodes(CodeSigner signer)
{
    public async Task<VerifyAnswer> VerifyAsync(FangkongDb db, string? qr, CancellationToken ct)
    {
        var v = await signer.VerifyAsync(qr, ct);
        string? name = null;
        if (v.Payload is { } p)
            name = Masking.Name(await db.Persons.Where(x => x.Token == p.Token).Select(x => x.Name).FirstOrDefaultAsync(ct));
        return new VerifyAnswer(v.IsValid, v.Verdict.ToString(), Messages.Get(v.Message), v.Payload?.Colour, v.Payload?.ExpiresAtUtc, name);
    }
}

using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Fangkong.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Fangkong.Web.Components.Pages.Codes;

/// <summary>What the resident's code page shows: a freshly signed payload as a QR image, the colour and why.</summary>
public sealed record CodeCardView(string MaskedName, CodeColour Colour, string Payload, string QrDataUri, DateTime IssuedAtUtc,
    DateTime ExpiresAtUtc, int RefreshSeconds, string Explanation);

public static class CodeCard
{
    public static async Task<CodeCardView> ForAsync(long personId, FangkongDb db, HealthCodeService codes, CodeSigner signer, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new NotFoundException("personId", "人员不存在 / no such person");
        var colour = await codes.ColourAsync(db, personId, ct);
        var decision = CodeRules.Evaluate(await codes.LoadFactsAsync(db, personId, ct), codes.Policy);
        var payload = await signer.SignAsync(person.Token, colour, codes.Policy.QrLifetime, ct);
        var verified = await signer.VerifyAsync(payload, ct);
        return new CodeCardView(Masking.Name(person.Name), colour, payload, QrDataUri(payload), verified.Payload!.IssuedAtUtc,
            verified.Payload.ExpiresAtUtc, (int)codes.Policy.QrRefresh.TotalSeconds, decision.Explanation);
    }

    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }

    /// <summary>GET /code/card: the page's refresh calls this for a new signed code.</summary>
    public static void MapCodeCard(this WebApplication app) =>
        app.MapGet("/code/card", async (HttpContext http, FangkongDb db, HealthCodeService codes, CodeSigner signer) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException("该账号未关联居民 / this account is not linked to a resident");
            var card = await ForAsync(personId, db, codes, signer, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(card);
        }).RequireAuthorization(AuthSetup.ResidentOnly).ExcludeFromDescription();
}

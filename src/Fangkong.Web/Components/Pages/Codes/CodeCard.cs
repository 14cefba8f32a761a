using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Web.Hosting;
using QRCoder;

namespace Fangkong.Web.Components.Pages.Codes;

/// <summary>What the resident's code page shows: a freshly signed payload as a QR image, the colour and why.</summary>
public sealed record CodeCardView(string MaskedName, CodeColour Colour, string Payload, string QrDataUri, DateTime IssuedAtUtc,
    DateTime ExpiresAtUtc, int RefreshSeconds, string Explanation);

public static class CodeCard
{
    public static async Task<CodeCardView> ForAsync(long personId, FangkongDb db, ResidentCodes codes, CancellationToken ct)
    {
        var c = await codes.CurrentAsync(db, personId, ct);
        return new CodeCardView(c.MaskedName, c.Colour, c.Payload, QrDataUri(c.Payload), c.IssuedAtUtc, c.ExpiresAtUtc, c.RefreshSeconds, c.Explanation);
    }

    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }

    /// <summary>GET /code/card: the page's refresh calls this for a new signed code.</summary>
    public static void MapCodeCard(this WebApplication app) =>
        app.MapGet("/code/card", async (HttpContext http, FangkongDb db, ResidentCodes codes) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            var card = await ForAsync(personId, db, codes, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(card);
        }).RequireAuthorization(AuthSetup.ResidentOnly).ExcludeFromDescription();
}

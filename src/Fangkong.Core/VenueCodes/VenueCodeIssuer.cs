using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.VenueCodes;

/// <summary>A venue's code as its officer downloads it: the signed token, the address the QR opens, and until when it scans.</summary>
public sealed record VenueCodeCard(long VenueId, string VenueName, VenueType Type, string? Address, string Token, string ScanUrl, DateTime ExpiresAtUtc);

/// <summary>
/// Issues venue codes (场所码): a token signed with the health codes' keys naming the venue, and the poster that carries it.
/// The QR is the scan page's address, so a phone's camera opens it without an app (ADR 0038).
/// </summary>
public sealed class VenueCodeIssuer(VenueCodeDirectory directory, CodeSigner signer, VenueCodePolicy policy, CityClock clock)
{
    /// <summary>The scan page for a token; the token is base64url and dots, so it needs no escaping.</summary>
    public static string ScanPath(string token) => "/v/" + token;

    /// <param name="db">The caller's context: a venue outside an area-confined caller's reach is not found.</param>
    public async Task<VenueCodeCard> IssueAsync(FangkongDb db, long venueId, string baseUrl, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct)
            ?? throw new NotFoundException("venueId", Messages.Get("VenueCodes.NoSuchVenue"));
        await directory.DeviceOfAsync(venueId, ct);
        var (token, expires) = await signer.SignVenueCodeAsync(venueId, policy.Lifetime, ct);
        return new VenueCodeCard(venue.Id, venue.Name, venue.Type, venue.Address, token, baseUrl.TrimEnd('/') + ScanPath(token), expires);
    }

    /// <summary>The printable A4 poster of a venue's code.</summary>
    public async Task<byte[]> PosterAsync(FangkongDb db, long venueId, string baseUrl, CancellationToken ct)
    {
        var card = await IssueAsync(db, venueId, baseUrl, ct);
        return VenuePoster.Render(card, new DateTimeOffset(clock.UtcNow, TimeSpan.Zero), clock.Offset);
    }
}

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
    public const int MaxReason = 200;

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

    /// <summary>
    /// Revokes a venue's code early (ADR 0042): every code of the venue signed before now is refused at the scan, naming the
    /// revocation; the new code issued here (and any later) scans, so the venue prints its new poster at once.
    /// </summary>
    public async Task<VenueCodeCard> RevokeAsync(FangkongDb db, long userId, long venueId, string? reason, string baseUrl, CancellationToken ct)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) throw new InputException("reason", Messages.Get("VenueCodes.RevokeReason"));
        if (text.Length > MaxReason) throw new InputException("reason", Messages.Get("VenueCodes.RevokeReasonTooLong", MaxReason));
        ControlCharacters.Check(text, "reason");
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct)) throw new NotFoundException("venueId", Messages.Get("VenueCodes.NoSuchVenue"));
        await directory.DeviceOfAsync(venueId, ct);
        // To the second, as codes are signed: the code issued below in this second scans, every earlier one does not.
        var now = clock.UtcNow;
        var before = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        await db.VenueCodes.Where(c => c.VenueId == venueId).ExecuteUpdateAsync(u => u.SetProperty(c => c.RevokedBeforeUtc, before)
            .SetProperty(c => c.RevocationReason, text).SetProperty(c => c.RevokedByUserId, userId), ct);
        directory.Revoked(venueId, before);
        return await IssueAsync(db, venueId, baseUrl, ct);
    }

    /// <summary>The printable A4 poster of a venue's code.</summary>
    public async Task<byte[]> PosterAsync(FangkongDb db, long venueId, string baseUrl, CancellationToken ct)
    {
        var card = await IssueAsync(db, venueId, baseUrl, ct);
        return VenuePoster.Render(card, new DateTimeOffset(clock.UtcNow, TimeSpan.Zero), clock.Offset);
    }
}

/// <summary>An officer's early revocation of a venue's code, with the reason (ADR 0042).</summary>
public sealed record VenueCodeRevocation(string? Reason);

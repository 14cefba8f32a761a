namespace Fangkong.Core.VenueCodes;

/// <summary>
/// A venue that has a venue code (场所码), and the gate device its scans are recorded under: every scan goes through the
/// gate's own queue, rules and writes, keyed like a device's requests (ADR 0038). One per venue, made the first time the
/// venue's code is issued (the demo city issues every venue's).
/// </summary>
public sealed class VenueCode
{
    public long VenueId { get; set; }
    public long DeviceId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>
    /// Codes signed before this instant are refused (an officer revoked the code early, e.g. a photographed poster misused);
    /// the code issued at the revocation and later ones scan. Null: never revoked (ADR 0042).
    /// </summary>
    public DateTime? RevokedBeforeUtc { get; set; }
    public string? RevocationReason { get; set; }
    public long? RevokedByUserId { get; set; }
}

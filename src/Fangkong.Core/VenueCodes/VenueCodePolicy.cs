namespace Fangkong.Core.VenueCodes;

/// <summary>
/// How long a printed venue code scans (<c>Policy:VenueCodes:LifetimeDays</c>, default 30): bounded by how long a retired
/// signing key verifies (ADR 0025), since a poster names the key that signed it. The venue's officer prints a new one before.
/// </summary>
public sealed record VenueCodePolicy
{
    public int LifetimeDays { get; init; } = 30;

    public TimeSpan Lifetime => TimeSpan.FromDays(Math.Clamp(LifetimeDays, 1, 366));
}

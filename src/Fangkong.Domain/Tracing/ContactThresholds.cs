using Fangkong.Domain.Places;

namespace Fangkong.Domain.Tracing;

/// <summary>
/// Which shared visits make a close contact, by venue type: small or enclosed places where people share air for a
/// while. These thresholds are this platform's own defaults, not official numbers (domain.md §5); operators change
/// them in configuration. Open, busy places (markets, supermarkets, checkpoints, compound gates) are general contacts
/// and make no close contact by default.
/// </summary>
public sealed class ContactThresholds
{
    /// <summary>The default minimum overlap in small enclosed venues.</summary>
    public static readonly TimeSpan EnclosedOverlap = TimeSpan.FromMinutes(15);

    private readonly Dictionary<VenueType, TimeSpan> _minimum;

    public ContactThresholds(IReadOnlyDictionary<VenueType, TimeSpan>? overrides = null)
    {
        _minimum = new()
        {
            // On a bus any overlap counts: a closed vehicle, seats close together.
            [VenueType.Bus] = TimeSpan.Zero,
            [VenueType.ServiceHall] = EnclosedOverlap,
            [VenueType.School] = EnclosedOverlap,
            [VenueType.Enterprise] = EnclosedOverlap,
            [VenueType.ConstructionProject] = EnclosedOverlap,
            [VenueType.Hospital] = EnclosedOverlap,
        };
        foreach (var (type, min) in overrides ?? new Dictionary<VenueType, TimeSpan>())
        {
            if (min < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(overrides), min, $"the overlap for {type} cannot be negative");
            _minimum[type] = min;
        }
    }

    public static ContactThresholds Default { get; } = new();

    /// <summary>The minimum overlap for a close contact at this venue type; null where shared visits are general contacts only.</summary>
    public TimeSpan? MinimumOverlap(VenueType type) => _minimum.TryGetValue(type, out var m) ? m : null;

    public bool IsCloseContactGrade(VenueType type) => _minimum.ContainsKey(type);

    /// <summary>Whether two visits to a venue of this type, overlapping by <paramref name="overlap"/>, make a close contact.</summary>
    public bool MakesCloseContact(VenueType type, TimeSpan overlap) =>
        MinimumOverlap(type) is { } min && overlap > TimeSpan.Zero && overlap >= min;

    /// <summary>How long two stays [aIn, aOut) and [bIn, bOut) overlap; zero when they do not.</summary>
    public static TimeSpan Overlap(DateTime aIn, DateTime aOut, DateTime bIn, DateTime bOut)
    {
        var start = aIn > bIn ? aIn : bIn;
        var end = aOut < bOut ? aOut : bOut;
        return end > start ? end - start : TimeSpan.Zero;
    }
}

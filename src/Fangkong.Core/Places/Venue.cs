using Fangkong.Domain.Places;

namespace Fangkong.Core.Places;

public sealed class Venue
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public VenueType Type { get; set; }
    public required string DistrictCode { get; set; }
    public long? CompoundId { get; set; }
    public string? Address { get; set; }
    /// <summary>Live cap on people inside; 0 means no cap.</summary>
    public int Capacity { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    /// <summary>When set, entry needs a negative test sampled within this many hours (24/48/72).</summary>
    public int? RequiredNegativeTestHours { get; set; }
    /// <summary>Fever clinics and testing sites admit yellow codes.</summary>
    public bool AllowsYellow { get; set; }
    /// <summary>Where it lies (WGS 84 degrees), for the map; null when not surveyed (a bus).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public OpeningHours Hours => new(Opens, Closes);
}

public sealed class GateDevice
{
    public long Id { get; set; }
    public long VenueId { get; set; }
    /// <summary>Human label, e.g. "东门 1号机".</summary>
    public required string Name { get; set; }
}

using Fangkong.Domain.Zones;

namespace Fangkong.Core.Data;

/// <summary>A household in a zone in force, and the zone's level, as <see cref="FangkongDb.ZonedHouseholds"/> shows it to the features below Zones.</summary>
public sealed class HouseholdZone
{
    public long ZoneId { get; init; }
    public long HouseholdId { get; init; }
    public long CompoundId { get; init; }
    public ZoneLevel Level { get; init; }
}

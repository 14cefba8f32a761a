namespace Fangkong.Domain.Zones;

/// <summary>
/// On which days (1-based from the day the zone took its level) a zone's residents are tested, and whether at the door.
/// Sealed zones are tested at the door, one tube per household ("足不出户、服务上门", domain.md §7).
/// </summary>
public static class ZoneTesting
{
    public static IReadOnlyList<int> Days(ZonePreset preset, ZoneLevel level) => (preset, level) switch
    {
        // Three zones: home isolation 14 days, tested on days 1, 4, 7, 10 and 14 (domain.md §7).
        (ZonePreset.ThreeZones, ZoneLevel.Sealed) => [1, 4, 7, 10, 14],
        // Controlled zones: not in domain.md; every third day as the sealed zone's own schedule (assumption, labelled).
        (ZonePreset.ThreeZones, ZoneLevel.Controlled) => [1, 4, 7, 10, 14],
        // Edition 9 high-risk areas: three tests on the first three days, then on days 5 and 7 (assumption, as
        // edition 9's centralized quarantine schedule; the whole-area round on day 7 is the lifting rule's).
        (ZonePreset.RiskAreas, ZoneLevel.Sealed) => [1, 2, 3, 5, 7],
        (ZonePreset.RiskAreas, ZoneLevel.Controlled) => [1, 3, 5, 7],
        // The 20 measures: high-risk units or buildings lift after 5 clear days; tested on days 1, 2, 3 and 5 (assumption).
        (ZonePreset.TwentyMeasures, ZoneLevel.Sealed) => [1, 2, 3, 5],
        (ZonePreset.TwentyMeasures, ZoneLevel.Controlled) => [1, 3, 5],
        _ => [],
    };

    /// <summary>Whether the zone's residents are sampled at their door (one tube per household) rather than at a site.</summary>
    public static bool AtTheDoor(ZoneLevel level) => level == ZoneLevel.Sealed;

    /// <summary>Whether <paramref name="today"/> is a test day for a zone that took its level on <paramref name="since"/>.</summary>
    public static bool IsTestDay(ZonePreset preset, ZoneLevel level, DateOnly since, DateOnly today) =>
        Days(preset, level).Contains(today.DayNumber - since.DayNumber + 1);
}

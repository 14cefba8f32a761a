using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Travel;

/// <summary>What a traveller must do on arrival (domain.md §7, travellers).</summary>
public enum TravellerMeasure
{
    /// <summary>No stay in a risk area within the window: nothing beyond the city's general rules.</summary>
    None = 0,

    /// <summary>A number of tests within a number of days of arrival (low-risk area of a county with an outbreak).</summary>
    Tests = 1,

    /// <summary>Home medical observation (居家健康监测 / 居家隔离), with daily check-ins and tests.</summary>
    HomeObservation = 2,

    /// <summary>Centralized isolation at a quarantine site (集中隔离).</summary>
    CentralizedIsolation = 3,
}

/// <summary>Where a traveller stayed: the other region's risk level and whether its county has an outbreak.</summary>
/// <param name="Level">The origin's level in the preset's terms (sealed/high, controlled/medium, precaution/low), or null when the origin is not a risk area.</param>
/// <param name="CountyHasOutbreak">Whether the origin's county has infections (only a low-risk origin's travellers are tested for it).</param>
/// <param name="LeftOn">The day the traveller left the origin; the measure's days count from it.</param>
public sealed record TravelOrigin(ZoneLevel? Level, bool CountyHasOutbreak, DateOnly LeftOn);

/// <summary>
/// The traveller rule's decision: the measure, how many days remain of it from <see cref="StartsOn"/>, and the tests it
/// asks for. <see cref="PolicyVersion"/> is recorded with every decision so it stays explainable after the policy changes.
/// </summary>
public sealed record TravellerDecision(
    TravellerMeasure Measure,
    DateOnly StartsOn,
    int Days,
    int Tests,
    int TestWithinDays,
    string PolicyVersion)
{
    /// <summary>The last day of the measure, or null when there is none.</summary>
    public DateOnly? EndsOn => Days > 0 ? StartsOn.AddDays(Days - 1) : null;
}

/// <summary>The traveller rule's numbers per preset (domain.md §7); each a default an administrator can change.</summary>
public sealed record TravellerPolicy
{
    public string Version { get; init; } = "2022.6-travel-fk1";

    /// <summary>A stay within this many days before arrival counts (edition 9: 7).</summary>
    public int WindowDays { get; init; } = 7;

    /// <summary>Edition 9 and the 20 measures: days of the measure for a high-risk origin.</summary>
    public int HighDays { get; init; } = 7;

    /// <summary>Edition 9: days of home medical observation for a medium-risk origin.</summary>
    public int MediumDays { get; init; } = 7;

    /// <summary>Three zones (edition 8 era, Jilin spring 2022): days for a sealed or controlled origin ("14 + 7").</summary>
    public int ThreeZonesDays { get; init; } = 14;

    /// <summary>A low-risk origin in a county with an outbreak: this many tests …</summary>
    public int LowTests { get; init; } = 2;

    /// <summary>… within this many days of arrival.</summary>
    public int LowTestWithinDays { get; init; } = 3;

    /// <summary>Tests asked for during observation or isolation: one every this many days, and one on the last day.</summary>
    public int ObservationTestEveryDays { get; init; } = 3;
}

/// <summary>
/// Decides what a traveller must do from where they stayed and when they left (domain.md §7, travellers): edition 9 — a
/// high-risk area in the last 7 days → 7 days centralized isolation; medium → 7 days home medical observation; a low-risk
/// area of a county with an outbreak → 2 tests within 3 days. The three-zone preset asks 14 days (sealed → centralized,
/// controlled → home); the 20 measures keep only high (7 days at home) and low. The days count from leaving the origin, so
/// a traveller who left 5 days ago owes 2 more.
/// </summary>
public static class TravellerRules
{
    public static TravellerDecision Decide(TravelOrigin origin, DateOnly arrivedOn, ZonePreset preset, TravellerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(policy);
        var none = new TravellerDecision(TravellerMeasure.None, arrivedOn, 0, 0, 0, policy.Version);
        var sinceLeft = arrivedOn.DayNumber - origin.LeftOn.DayNumber;
        if (origin.Level is not { } level || sinceLeft < 0)
        {
            return none;
        }

        // Under the three zones the window is the measure's length: a stay 10 days ago still owes 4 days.
        var window = preset == ZonePreset.ThreeZones && level != ZoneLevel.Precaution ? policy.ThreeZonesDays : policy.WindowDays;
        if (sinceLeft >= window)
        {
            return none;
        }

        var (measure, days) = (preset, level) switch
        {
            (_, ZoneLevel.Precaution) => (TravellerMeasure.Tests, 0),
            (ZonePreset.ThreeZones, ZoneLevel.Sealed) => (TravellerMeasure.CentralizedIsolation, policy.ThreeZonesDays),
            (ZonePreset.ThreeZones, _) => (TravellerMeasure.HomeObservation, policy.ThreeZonesDays),
            (ZonePreset.TwentyMeasures, _) => (TravellerMeasure.HomeObservation, policy.HighDays),
            (_, ZoneLevel.Sealed) => (TravellerMeasure.CentralizedIsolation, policy.HighDays),
            _ => (TravellerMeasure.HomeObservation, policy.MediumDays),
        };

        if (measure == TravellerMeasure.Tests)
        {
            // Only a county with infections makes a low-risk origin count.
            return origin.CountyHasOutbreak
                ? new TravellerDecision(TravellerMeasure.Tests, arrivedOn, policy.LowTestWithinDays, policy.LowTests, policy.LowTestWithinDays, policy.Version)
                : none;
        }

        var remaining = days - sinceLeft;
        if (remaining <= 0)
        {
            return none;
        }

        var tests = (remaining + policy.ObservationTestEveryDays - 1) / policy.ObservationTestEveryDays;
        return new TravellerDecision(measure, arrivedOn, remaining, Math.Max(tests, 1), remaining, policy.Version);
    }

    /// <summary>The days (from the decision's start) on which a test is due: spread evenly, the last on the last day.</summary>
    public static IReadOnlyList<DateOnly> TestDays(TravellerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Tests <= 0 || decision.TestWithinDays <= 0)
        {
            return [];
        }

        var days = new List<DateOnly>(decision.Tests);
        for (var i = 0; i < decision.Tests; i++)
        {
            // First test on arrival, the last on the last day, the rest in between.
            var offset = decision.Tests == 1 ? 0 : i * (decision.TestWithinDays - 1) / (decision.Tests - 1);
            days.Add(decision.StartsOn.AddDays(offset));
        }

        return days;
    }
}

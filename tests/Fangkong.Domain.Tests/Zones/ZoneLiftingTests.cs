using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Tests.Zones;

/// <summary>Both presets' lifting rules (domain.md §7) from hand-built day-by-day facts.</summary>
public sealed class ZoneLiftingTests
{
    private static readonly DateOnly Set = new(2022, 3, 20);
    private static readonly ZonePolicy ThreeZones = new() { Preset = ZonePreset.ThreeZones };
    private static readonly ZonePolicy RiskAreas = new() { Preset = ZonePreset.RiskAreas };

    private static ZoneFacts Sealed(DateOnly? lastInfection = null, ZoneRound? round = null, DateOnly? contactOut = null, bool contactNegative = true) =>
        new(ZoneLevel.Sealed, Set, false, lastInfection, contactOut, contactNegative, round);

    private static ZoneRound Negative(DateOnly day, int residents = 500) => new(day, residents, 0, 0, 0);

    private static string[] Keys(IEnumerable<Message> messages) => messages.Select(m => m.Key).ToArray();

    [Fact]
    public void A_sealed_zone_lifts_after_14_clear_days_a_recent_negative_round_and_no_contact_left()
    {
        var day14 = Set.AddDays(14);
        var a = ZoneLifting.Assess(Sealed(round: Negative(day14.AddDays(-1)), contactOut: Set.AddDays(-1)), day14, ThreeZones);
        Assert.Equal(ZoneStep.Lift, a.Step);
        Assert.Null(a.NewLevel);
        Assert.Equal(["Zones.Met.ClearDays", "Zones.Met.ContactOut", "Zones.Met.Round"], Keys(a.Met));
        Assert.Empty(a.Missing);
        Assert.Equal(ZoneLifting.ThreeZonesRule, a.Rule);
    }

    [Fact]
    public void Day_9_of_14_says_what_is_missing()
    {
        var day9 = Set.AddDays(9);
        var a = ZoneLifting.Assess(Sealed(round: new ZoneRound(day9, 500, 37, 0, 0)), day9, ThreeZones);
        Assert.Equal(ZoneStep.Stay, a.Step);
        var clear = Assert.Single(a.Missing, m => m.Key == "Zones.Missing.ClearDays");
        Assert.Equal(["9", "14"], clear.Args);
        var unsampled = Assert.Single(a.Missing, m => m.Key == "Zones.Missing.NotSampled");
        Assert.Equal(["37"], unsampled.Args);
    }

    [Fact]
    public void A_positive_on_day_12_restarts_the_14_days()
    {
        var day12 = Set.AddDays(12);
        var day20 = Set.AddDays(20);
        var afterReset = ZoneLifting.Assess(Sealed(lastInfection: day12, round: Negative(day20)), day20, ThreeZones);
        Assert.Equal(ZoneStep.Stay, afterReset.Step);
        Assert.Equal(["8", "14"], Assert.Single(afterReset.Missing).Args);

        var day26 = Set.AddDays(26);
        Assert.Equal(ZoneStep.Lift, ZoneLifting.Assess(Sealed(lastInfection: day12, round: Negative(day26)), day26, ThreeZones).Step);
    }

    [Fact]
    public void A_round_older_than_2_days_or_with_a_positive_or_pending_result_does_not_count()
    {
        var day16 = Set.AddDays(16);
        Assert.Contains("Zones.Missing.RecentRound", Keys(ZoneLifting.Assess(Sealed(round: Negative(day16.AddDays(-3))), day16, ThreeZones).Missing));
        Assert.Contains("Zones.Missing.PositiveInRound", Keys(ZoneLifting.Assess(Sealed(round: new ZoneRound(day16, 500, 0, 1, 0)), day16, ThreeZones).Missing));
        Assert.Contains("Zones.Missing.Pending", Keys(ZoneLifting.Assess(Sealed(round: new ZoneRound(day16, 500, 0, 0, 4)), day16, ThreeZones).Missing));
        Assert.Equal(ZoneStep.Lift, ZoneLifting.Assess(Sealed(round: Negative(day16.AddDays(-2))), day16, ThreeZones).Step);
    }

    [Fact]
    public void The_last_close_contact_must_be_out_more_than_14_days_and_negative()
    {
        var day20 = Set.AddDays(20);
        var recent = ZoneLifting.Assess(Sealed(round: Negative(day20), contactOut: day20.AddDays(-14)), day20, ThreeZones);
        Assert.Equal(["14", "14"], Assert.Single(recent.Missing).Args);
        var untested = ZoneLifting.Assess(Sealed(round: Negative(day20), contactOut: day20.AddDays(-15), contactNegative: false), day20, ThreeZones);
        Assert.Equal("Zones.Missing.ContactNegative", Assert.Single(untested.Missing).Key);
    }

    [Fact]
    public void A_positive_inside_a_controlled_zone_seals_it_and_a_precaution_zone_is_not_upgraded()
    {
        Assert.Equal(ZoneLevel.Sealed, ZoneLifting.OnPositiveInside(ZoneLevel.Controlled));
        Assert.Equal(ZoneLevel.Sealed, ZoneLifting.OnPositiveInside(ZoneLevel.Sealed));
        Assert.Null(ZoneLifting.OnPositiveInside(ZoneLevel.Precaution));
    }

    [Fact]
    public void Edition_9_high_risk_goes_medium_after_7_clear_days_and_a_negative_day_7_round_then_low_3_days_later()
    {
        var day7 = Set.AddDays(7);
        var early = ZoneLifting.Assess(Sealed(round: Negative(Set.AddDays(6))), day7, RiskAreas);
        Assert.Equal(ZoneStep.Stay, early.Step);
        Assert.Contains("Zones.Missing.DayRound", Keys(early.Missing));

        var down = ZoneLifting.Assess(Sealed(round: Negative(day7)), day7, RiskAreas);
        Assert.Equal(ZoneStep.Downgrade, down.Step);
        Assert.Equal(ZoneLevel.Controlled, down.NewLevel);

        var medium = new ZoneFacts(ZoneLevel.Controlled, day7, true, null, null, true, Negative(day7));
        Assert.Equal(ZoneStep.Stay, ZoneLifting.Assess(medium, day7.AddDays(2), RiskAreas).Step);
        var low = ZoneLifting.Assess(medium, day7.AddDays(3), RiskAreas);
        Assert.Equal(ZoneStep.Lift, low.Step);
        Assert.Equal(ZoneLifting.MediumAfterHighRule, low.Rule);
    }

    [Fact]
    public void Edition_9_medium_risk_lifts_after_7_clear_days_and_a_negative_day_7_round()
    {
        var medium = new ZoneFacts(ZoneLevel.Controlled, Set, false, null, null, true, Negative(Set.AddDays(7)));
        Assert.Equal(ZoneStep.Stay, ZoneLifting.Assess(medium, Set.AddDays(6), RiskAreas).Step);
        var a = ZoneLifting.Assess(medium, Set.AddDays(7), RiskAreas);
        Assert.Equal(ZoneStep.Lift, a.Step);
        Assert.Equal(ZoneLifting.RiskAreaLiftRule, a.Rule);
    }

    [Fact]
    public void The_20_measures_lift_a_high_risk_unit_after_5_clear_days()
    {
        var p = new ZonePolicy { Preset = ZonePreset.TwentyMeasures };
        Assert.Equal(ZoneStep.Stay, ZoneLifting.Assess(Sealed(), Set.AddDays(4), p).Step);
        Assert.Equal(ZoneStep.Lift, ZoneLifting.Assess(Sealed(), Set.AddDays(5), p).Step);
    }

    [Fact]
    public void A_precaution_zone_lifts_when_its_district_has_no_sealed_or_controlled_zone()
    {
        Assert.Equal(ZoneStep.Stay, ZoneLifting.AssessPrecaution(2).Step);
        Assert.Equal(ZoneStep.Lift, ZoneLifting.AssessPrecaution(0).Step);
        Assert.Throws<ArgumentException>(() => ZoneLifting.Assess(new ZoneFacts(ZoneLevel.Precaution, Set, false, null, null, true, null), Set, ThreeZones));
    }
}

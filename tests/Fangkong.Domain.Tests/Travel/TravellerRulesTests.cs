using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Tests.Travel;

/// <summary>The traveller rule by preset, origin risk level and days since leaving (domain.md §7, travellers).</summary>
public sealed class TravellerRulesTests
{
    private static readonly DateOnly Arrived = new(2022, 7, 10);
    private static readonly TravellerPolicy Policy = new();

    private static TravellerDecision Decide(ZoneLevel? level, int daysSinceLeft, ZonePreset preset = ZonePreset.RiskAreas, bool outbreak = false) =>
        TravellerRules.Decide(new TravelOrigin(level, outbreak, Arrived.AddDays(-daysSinceLeft)), Arrived, preset, Policy);

    [Theory]
    [InlineData(ZoneLevel.Sealed, 0, TravellerMeasure.CentralizedIsolation, 7)]
    [InlineData(ZoneLevel.Sealed, 5, TravellerMeasure.CentralizedIsolation, 2)]
    [InlineData(ZoneLevel.Sealed, 7, TravellerMeasure.None, 0)]
    [InlineData(ZoneLevel.Controlled, 0, TravellerMeasure.HomeObservation, 7)]
    [InlineData(ZoneLevel.Controlled, 6, TravellerMeasure.HomeObservation, 1)]
    [InlineData(ZoneLevel.Controlled, 8, TravellerMeasure.None, 0)]
    public void Edition_9_counts_the_days_from_leaving_a_high_or_medium_risk_area(ZoneLevel level, int sinceLeft, TravellerMeasure measure, int days)
    {
        var decision = Decide(level, sinceLeft);
        Assert.Equal(measure, decision.Measure);
        Assert.Equal(days, decision.Days);
        Assert.Equal(Policy.Version, decision.PolicyVersion);
    }

    [Fact]
    public void A_low_risk_origin_in_a_county_with_an_outbreak_asks_two_tests_within_three_days()
    {
        var decision = Decide(ZoneLevel.Precaution, 1, outbreak: true);
        Assert.Equal(TravellerMeasure.Tests, decision.Measure);
        Assert.Equal([Arrived, Arrived.AddDays(2)], TravellerRules.TestDays(decision));
        Assert.Equal(Arrived.AddDays(2), decision.EndsOn);
    }

    [Fact]
    public void A_low_risk_origin_without_an_outbreak_or_no_risk_area_at_all_asks_nothing()
    {
        Assert.Equal(TravellerMeasure.None, Decide(ZoneLevel.Precaution, 1).Measure);
        Assert.Equal(TravellerMeasure.None, Decide(null, 0).Measure);
        Assert.Empty(TravellerRules.TestDays(Decide(null, 0)));
    }

    [Fact]
    public void The_three_zones_ask_fourteen_days_centralized_for_a_sealed_origin_and_at_home_for_a_controlled_one()
    {
        var sealedOrigin = Decide(ZoneLevel.Sealed, 10, ZonePreset.ThreeZones);
        Assert.Equal(TravellerMeasure.CentralizedIsolation, sealedOrigin.Measure);
        Assert.Equal(4, sealedOrigin.Days);
        Assert.Equal(TravellerMeasure.HomeObservation, Decide(ZoneLevel.Controlled, 0, ZonePreset.ThreeZones).Measure);
        Assert.Equal(TravellerMeasure.None, Decide(ZoneLevel.Sealed, 14, ZonePreset.ThreeZones).Measure);
    }

    [Fact]
    public void The_twenty_measures_keep_a_high_risk_origin_at_home_for_seven_days()
    {
        var decision = Decide(ZoneLevel.Sealed, 0, ZonePreset.TwentyMeasures);
        Assert.Equal(TravellerMeasure.HomeObservation, decision.Measure);
        Assert.Equal(7, decision.Days);
    }

    [Fact]
    public void Observation_tests_fall_every_three_days_and_on_the_last_day()
    {
        var decision = Decide(ZoneLevel.Sealed, 0);
        Assert.Equal([Arrived, Arrived.AddDays(3), Arrived.AddDays(6)], TravellerRules.TestDays(decision));
        Assert.Equal(Arrived.AddDays(6), decision.EndsOn);
    }

    [Fact]
    public void An_arrival_before_leaving_is_not_a_stay_in_the_window()
    {
        Assert.Equal(TravellerMeasure.None, Decide(ZoneLevel.Sealed, -1).Measure);
    }
}

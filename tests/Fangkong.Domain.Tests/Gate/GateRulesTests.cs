using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;

namespace Fangkong.Domain.Tests.Gate;

public class GateRulesTests
{
    private static readonly GatePolicy Policy = new();
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static EntryFacts Healthy(decimal t = 36.5m) => new(t, CodeColour.Green, 3, 40, false, null, null, Now);

    [Theory]
    [InlineData(36.5, TemperatureReading.Normal)]
    [InlineData(37.2, TemperatureReading.Normal)]
    [InlineData(37.3, TemperatureReading.Fever)]
    [InlineData(41.9, TemperatureReading.Fever)]
    [InlineData(33.9, TemperatureReading.Implausible)]
    [InlineData(43.1, TemperatureReading.Implausible)]
    [InlineData(34.0, TemperatureReading.Normal)]
    [InlineData(43.0, TemperatureReading.Fever)]
    public void Temperatures_are_classified_by_policy(decimal t, TemperatureReading expected) =>
        Assert.Equal(expected, Temperature.Classify(t, Policy));

    [Fact]
    public void A_healthy_visitor_is_admitted() => Assert.Equal(GateOutcome.Admit, GateRules.Decide(Healthy(), Policy).Outcome);

    [Fact]
    public void An_implausible_reading_asks_for_a_remeasure_never_a_fever()
    {
        var d = GateRules.Decide(Healthy(45m) with { Colour = CodeColour.Red }, Policy);
        Assert.Equal(GateOutcome.Remeasure, d.Outcome);
        Assert.DoesNotContain(DenyReason.Fever, d.Reasons);
    }

    [Fact]
    public void Every_reason_is_reported_at_once()
    {
        var d = GateRules.Decide(new EntryFacts(38.0m, CodeColour.Red, 40, 40, false, 48, null, Now), Policy);
        Assert.Equal(GateOutcome.Deny, d.Outcome);
        Assert.Equal([DenyReason.Fever, DenyReason.RedCode, DenyReason.VenueFull, DenyReason.NegativeTestRequired], d.Reasons);
    }

    [Fact]
    public void Yellow_is_denied_unless_the_venue_admits_yellow()
    {
        Assert.Equal([DenyReason.YellowCode], GateRules.Decide(Healthy() with { Colour = CodeColour.Yellow }, Policy).Reasons);
        Assert.Empty(GateRules.Decide(Healthy() with { Colour = CodeColour.Yellow, VenueAllowsYellow = true }, Policy).Reasons);
        Assert.Equal([DenyReason.RedCode], GateRules.Decide(Healthy() with { Colour = CodeColour.Red, VenueAllowsYellow = true }, Policy).Reasons);
    }

    [Fact]
    public void A_venue_without_a_cap_is_never_full() =>
        Assert.Empty(GateRules.Decide(Healthy() with { Occupancy = 10_000, Capacity = 0 }, Policy).Reasons);

    [Theory]
    [InlineData(null, false)]
    [InlineData(47.9, true)]
    [InlineData(48.1, false)]
    public void A_required_negative_test_must_be_recent_enough(double? hoursAgo, bool admitted)
    {
        var sampled = hoursAgo is { } h ? Now.AddHours(-h) : (DateTime?)null;
        var d = GateRules.Decide(Healthy() with { RequiredNegativeTestHours = 48, LatestNegativeSampledAtUtc = sampled }, Policy);
        Assert.Equal(admitted, d.Admitted);
    }
}

using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Tests.Checkpoints;

/// <summary>A passenger's verdict from the gate's colour rules and the traveller rule; a vehicle's from its people's; shifts of a day.</summary>
public sealed class CheckpointRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static GateDecision Gate(CodeColour colour, decimal temperature = 36.5m) =>
        GateRules.Decide(new EntryFacts(temperature, colour, 0, 0, false, null, null, Now), new GatePolicy());

    private static TravellerDecision Travel(ZoneLevel? level, int daysAgo = 2) =>
        TravellerRules.Decide(new TravelOrigin(level, true, Today.AddDays(-daysAgo)), Today, ZonePreset.RiskAreas, new TravellerPolicy());

    [Fact]
    public void A_high_risk_origin_is_isolated_whether_bound_for_the_city_or_not()
    {
        Assert.Equal(CheckVerdict.Isolate, CheckpointRules.Passenger(new(Gate(CodeColour.Green), false, Travel(ZoneLevel.Sealed), true)).Verdict);
        Assert.Contains(CheckReason.CentralizedIsolation, CheckpointRules.Passenger(new(Gate(CodeColour.Green), false, Travel(ZoneLevel.Sealed), false)).Reasons);
    }

    [Theory]
    [InlineData(true, CheckVerdict.PassWithRegistration)]
    [InlineData(false, CheckVerdict.TurnBack)]
    public void A_medium_or_low_risk_origin_registers_on_arrival_or_turns_back_in_transit(bool bound, CheckVerdict expected)
    {
        Assert.Equal(expected, CheckpointRules.Passenger(new(Gate(CodeColour.Green), false, Travel(ZoneLevel.Controlled), bound)).Verdict);
        Assert.Equal(expected, CheckpointRules.Passenger(new(Gate(CodeColour.Green), false, Travel(ZoneLevel.Precaution), bound)).Verdict);
    }

    [Fact]
    public void The_gate_rules_decide_colour_and_fever()
    {
        Assert.Equal(CheckVerdict.Isolate, CheckpointRules.Passenger(new(Gate(CodeColour.Red), false, Travel(null), true)).Verdict);
        Assert.Equal(CheckVerdict.Isolate, CheckpointRules.Passenger(new(Gate(CodeColour.Green, 38.2m), false, Travel(null), true)).Verdict);
        Assert.Equal(CheckVerdict.PassWithRegistration, CheckpointRules.Passenger(new(Gate(CodeColour.Yellow), false, Travel(null), true)).Verdict);
        Assert.Equal(CheckVerdict.TurnBack, CheckpointRules.Passenger(new(Gate(CodeColour.Green, 31m), false, Travel(null), true)).Verdict);
        Assert.Equal(CheckVerdict.TurnBack, CheckpointRules.Passenger(new(null, true, Travel(null), true)).Verdict);
        var clear = CheckpointRules.Passenger(new(Gate(CodeColour.Green), false, Travel(ZoneLevel.Sealed, daysAgo: 9), true));
        Assert.Equal(CheckVerdict.Pass, clear.Verdict);
        Assert.Empty(clear.Reasons);
    }

    [Fact]
    public void A_vehicle_takes_its_worst_persons_verdict_and_freight_with_a_pass_takes_the_green_lane()
    {
        Assert.Equal(new VehicleDecision(CheckVerdict.Isolate, false), CheckpointRules.Vehicle([CheckVerdict.Pass, CheckVerdict.Isolate, CheckVerdict.TurnBack], false));
        Assert.Equal(new VehicleDecision(CheckVerdict.Pass, true), CheckpointRules.Vehicle([CheckVerdict.Pass], true));
        Assert.Equal(new VehicleDecision(CheckVerdict.PassWithRegistration, false), CheckpointRules.Vehicle([CheckVerdict.PassWithRegistration], true));
    }

    [Theory]
    [InlineData(8, 0, 20, 1)]
    [InlineData(15, 59, 20, 1)]
    [InlineData(16, 0, 20, 2)]
    [InlineData(23, 59, 20, 2)]
    [InlineData(0, 30, 19, 3)]
    [InlineData(7, 59, 19, 3)]
    public void Three_shifts_of_eight_hours_start_at_eight(int hour, int minute, int day, int shift) =>
        Assert.Equal(new ShiftSlot(new DateOnly(2026, 11, day), shift), CheckpointShifts.Of(new DateTime(2026, 11, 20, hour, minute, 0), 3, new TimeOnly(8, 0)));
}

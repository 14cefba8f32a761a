using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;

namespace Fangkong.Domain.Tests.VenueCodes;

/// <summary>A phone scanning a venue code measures no temperature: the gate's other rules decide alone (ADR 0038).</summary>
public sealed class UnmeasuredEntryTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static GateDecision Decide(CodeColour colour, int occupancy = 0, bool allowsYellow = false, int? testHours = null) =>
        GateRules.Decide(new EntryFacts(null, colour, occupancy, 40, allowsYellow, testHours, null, Now), new GatePolicy());

    [Fact]
    public void Green_is_admitted_without_a_reading() => Assert.Equal(GateOutcome.Admit, Decide(CodeColour.Green).Outcome);

    [Fact]
    public void Red_yellow_a_full_venue_and_a_missing_test_still_bar_entry()
    {
        Assert.Equal([DenyReason.RedCode], Decide(CodeColour.Red).Reasons);
        Assert.Equal([DenyReason.YellowCode], Decide(CodeColour.Yellow).Reasons);
        Assert.Equal(GateOutcome.Admit, Decide(CodeColour.Yellow, allowsYellow: true).Outcome);
        Assert.Equal([DenyReason.VenueFull, DenyReason.NegativeTestRequired], Decide(CodeColour.Green, occupancy: 40, testHours: 48).Reasons);
    }
}

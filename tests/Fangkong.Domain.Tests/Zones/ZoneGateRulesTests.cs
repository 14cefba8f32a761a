using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Tests.Zones;

/// <summary>The gate's decision for residents of zones and for everyone else (domain.md §7).</summary>
public sealed class ZoneGateRulesTests
{
    private static readonly DateTime Now = new(2022, 3, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly GatePolicy Policy = new();

    private static GateDecision Enter(CodeColour colour, ZoneStanding? zone, bool allowsYellow = false) =>
        GateRules.Decide(new EntryFacts(36.5m, colour, 0, 100, allowsYellow, null, null, Now, zone), Policy);

    [Fact]
    public void A_sealed_resident_is_denied_at_a_market_for_the_zone_and_the_red_code_and_admitted_home()
    {
        var market = Enter(CodeColour.Red, new(ZoneLevel.Sealed, GatePlace.OutsideZone));
        Assert.Equal([DenyReason.RedCode, DenyReason.SealedZone], market.Reasons);
        Assert.True(Enter(CodeColour.Red, new(ZoneLevel.Sealed, GatePlace.Home)).Admitted);
        Assert.Equal([DenyReason.RedCode, DenyReason.SealedZone], Enter(CodeColour.Red, new(ZoneLevel.Sealed, GatePlace.InsideZone)).Reasons);
    }

    [Fact]
    public void A_controlled_resident_moves_inside_the_zone_but_not_out_of_it()
    {
        Assert.True(Enter(CodeColour.Yellow, new(ZoneLevel.Controlled, GatePlace.InsideZone), allowsYellow: true).Admitted);
        Assert.True(Enter(CodeColour.Yellow, new(ZoneLevel.Controlled, GatePlace.Home)).Admitted);
        Assert.Equal([DenyReason.ControlledZone], Enter(CodeColour.Yellow, new(ZoneLevel.Controlled, GatePlace.OutsideZone), allowsYellow: true).Reasons);
    }

    [Fact]
    public void Non_members_are_decided_by_their_code_alone()
    {
        Assert.True(Enter(CodeColour.Green, null).Admitted);
        Assert.Equal([DenyReason.RedCode], Enter(CodeColour.Red, null).Reasons);
        Assert.True(Enter(CodeColour.Green, new(ZoneLevel.Precaution, GatePlace.OutsideZone)).Admitted);
    }

    [Fact]
    public void Only_a_sealed_compound_s_own_gate_refuses_its_residents_an_exit()
    {
        Assert.Equal([DenyReason.SealedZone], GateRules.ExitBars(new(ZoneLevel.Sealed, GatePlace.Home)));
        Assert.Empty(GateRules.ExitBars(new(ZoneLevel.Controlled, GatePlace.Home)));
        Assert.Empty(GateRules.ExitBars(null));
    }
}

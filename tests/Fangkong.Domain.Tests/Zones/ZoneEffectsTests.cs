using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Tests.Zones;

/// <summary>What a zone does at the gates and to the testing schedule (domain.md §7).</summary>
public sealed class ZoneEffectsTests
{
    [Theory]
    [InlineData(ZoneLevel.Sealed, GatePlace.Home, false)]
    [InlineData(ZoneLevel.Sealed, GatePlace.InsideZone, true)]
    [InlineData(ZoneLevel.Sealed, GatePlace.OutsideZone, true)]
    [InlineData(ZoneLevel.Controlled, GatePlace.Home, false)]
    [InlineData(ZoneLevel.Controlled, GatePlace.InsideZone, false)]
    [InlineData(ZoneLevel.Controlled, GatePlace.OutsideZone, true)]
    [InlineData(ZoneLevel.Precaution, GatePlace.OutsideZone, false)]
    public void Entry_is_barred_outside_home_for_sealed_and_outside_the_zone_for_controlled(ZoneLevel level, GatePlace place, bool barred) =>
        Assert.Equal(barred, ZoneGate.BarsEntry(level, place));

    [Theory]
    [InlineData(ZoneLevel.Sealed, GatePlace.Home, true)]
    [InlineData(ZoneLevel.Controlled, GatePlace.Home, false)]
    [InlineData(ZoneLevel.Precaution, GatePlace.Home, false)]
    public void A_sealed_compound_s_gate_lets_none_of_its_residents_out(ZoneLevel level, GatePlace place, bool barred) =>
        Assert.Equal(barred, ZoneGate.BarsExit(level, place));

    [Fact]
    public void Sealed_households_are_tested_at_the_door_on_days_1_4_7_10_and_14()
    {
        var since = new DateOnly(2022, 3, 20);
        var days = Enumerable.Range(0, 16).Where(i => ZoneTesting.IsTestDay(ZonePreset.ThreeZones, ZoneLevel.Sealed, since, since.AddDays(i))).Select(i => i + 1);
        Assert.Equal([1, 4, 7, 10, 14], days);
        Assert.True(ZoneTesting.AtTheDoor(ZoneLevel.Sealed));
        Assert.False(ZoneTesting.AtTheDoor(ZoneLevel.Controlled));
        Assert.Empty(ZoneTesting.Days(ZonePreset.ThreeZones, ZoneLevel.Precaution));
    }
}

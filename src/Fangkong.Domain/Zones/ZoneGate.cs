namespace Fangkong.Domain.Zones;

/// <summary>Where a gate stands for a visitor who lives in a zone.</summary>
public enum GatePlace
{
    /// <summary>The gate of the visitor's own compound.</summary>
    Home = 1,

    /// <summary>Another gate inside the visitor's zone.</summary>
    InsideZone = 2,

    /// <summary>A gate outside the visitor's zone.</summary>
    OutsideZone = 3,
}

/// <summary>
/// What a zone forbids at a gate (domain.md §7): a sealed zone's resident is denied everywhere but home
/// ("足不出户"), and the compound's own gate lets them in but not out; a controlled zone's resident is denied outside
/// the zone ("人不出区"). A precaution zone forbids nothing at a gate.
/// </summary>
public static class ZoneGate
{
    /// <summary>Whether a resident of a zone at <paramref name="level"/> is barred from entering at <paramref name="place"/>.</summary>
    public static bool BarsEntry(ZoneLevel level, GatePlace place) => level switch
    {
        ZoneLevel.Sealed => place != GatePlace.Home,
        ZoneLevel.Controlled => place == GatePlace.OutsideZone,
        _ => false,
    };

    /// <summary>Whether a resident of a zone at <paramref name="level"/> is barred from leaving through <paramref name="place"/>.</summary>
    public static bool BarsExit(ZoneLevel level, GatePlace place) => level switch
    {
        ZoneLevel.Sealed => place is GatePlace.Home or GatePlace.InsideZone,
        ZoneLevel.Controlled => false,
        _ => false,
    };
}

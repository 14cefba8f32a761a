using Fangkong.Core.Common;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Zones;

/// <summary>How a level is called under a preset: 封控区 / 管控区 / 防范区, or 高 / 中 / 低风险区 (domain.md §7).</summary>
public static class ZoneWords
{
    public static string Level(ZonePreset preset, ZoneLevel level) =>
        Messages.Get($"Zones.Level.{(preset == ZonePreset.ThreeZones ? "ThreeZones" : "RiskAreas")}.{level}");

    public static string State(ZoneState state) => Messages.Get($"Zones.State.{state}");

    public static string Change(ZoneChangeKind kind) => Messages.Get($"Zones.Change.{kind}");

    public static string Kind(AddressKind kind) => Messages.Get($"Zones.AddressKind.{kind}");
}

/// <summary>The rules a zone change names besides the lifting rules of <see cref="ZoneLifting"/>.</summary>
public static class ZoneRules
{
    /// <summary>The platform proposed the case's home compound for sealing.</summary>
    public const string CaseHome = "case-home-compound";
    /// <summary>The platform proposed the rest of the case's community as controlled.</summary>
    public const string CaseCommunity = "case-home-community";
    /// <summary>The platform proposed a compound the case frequented in its infectious window as controlled.</summary>
    public const string CaseFrequented = "case-frequented-place";
    /// <summary>An officer drew the zone by picking addresses.</summary>
    public const string Drawn = "officer-drawn";
    /// <summary>An officer confirmed, dismissed or extended a zone.</summary>
    public const string Officer = "officer-decision";
    /// <summary>A positive found inside a controlled zone turns it sealed at once; inside a sealed zone it restarts the clock.</summary>
    public const string PositiveInside = "positive-inside";
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Zones;

/// <summary>How a level is called under a preset: 封控区 / 管控区 / 防范区, or 高 / 中 / 低风险区 (domain.md §7).</summary>
public static class ZoneWords
{
    public static string Level(ZonePreset preset, ZoneLevel level) => Level(preset, level, CultureInfo.CurrentUICulture);

    /// <summary>The level's name in <paramref name="culture"/>: an export is worded in its job's language, not the worker's.</summary>
    public static string Level(ZonePreset preset, ZoneLevel level, CultureInfo culture) => Messages.Get(culture, $"Zones.Level.{Words(preset)}.{level}");

    /// <summary>Why a resident's code has their zone's colour: "封控区福民小区（Z2026-0003），2026-11-20起足不出户，解封后转绿".</summary>
    public static Message InZone(ZonePreset preset, ZoneLevel level, string name, string number, DateOnly since) =>
        new($"Zones.Code.{Words(preset)}.{level}", name, number, Day(since));

    /// <summary>Why a former resident's code is green again: "封控区福民小区（Z2026-0003）已于2026-12-04解封".</summary>
    public static Message Lifted(ZonePreset preset, ZoneLevel level, string name, string number, DateOnly on) =>
        new($"Zones.Code.Lifted.{Words(preset)}.{level}", name, number, Day(on));

    // The 20 measures name their areas as edition 9 does (high- and low-risk).
    private static string Words(ZonePreset preset) => preset == ZonePreset.ThreeZones ? "ThreeZones" : "RiskAreas";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string State(ZoneState state) => State(state, CultureInfo.CurrentUICulture);

    public static string State(ZoneState state, CultureInfo culture) => Messages.Get(culture, $"Zones.State.{state}");

    /// <summary>A downgrade or a lift, as a step waiting for approval is named.</summary>
    public static string Step(ZoneStep step, CultureInfo culture) => Messages.Get(culture, $"Zones.Step.{step}");

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

namespace Fangkong.Domain.Zones;

/// <summary>
/// How tightly a zone is controlled, from the loosest. Under the three-zone preset these are the precaution,
/// controlled and sealed zones (防范区 · 管控区 · 封控区); under edition 9 and the 20 measures the low-, medium- and
/// high-risk areas (低 · 中 · 高风险区). The effects follow the level, whichever preset names it (domain.md §7).
/// </summary>
public enum ZoneLevel
{
    Precaution = 1,
    Controlled = 2,
    Sealed = 3,
}

/// <summary>The zone policy an administrator picks; every zone decision records it (domain.md §7).</summary>
public enum ZonePreset
{
    /// <summary>Sealed / controlled / precaution (Jilin and Shanghai, spring 2022; protocol edition 8 era).</summary>
    ThreeZones = 3,

    /// <summary>High / medium / low-risk areas (protocol edition 9, June 2022).</summary>
    RiskAreas = 9,

    /// <summary>The 20 measures (November 2022): high- and low-risk areas only, a high-risk area being a unit or building.</summary>
    TwentyMeasures = 20,
}

using Fangkong.Domain.Codes;

namespace Fangkong.Domain.Zones;

/// <summary>
/// The zone rules' numbers (domain.md §7), each a default an administrator can change; every zone decision records
/// <see cref="Version"/>.
/// </summary>
public sealed record ZonePolicy
{
    public string Version { get; init; } = "2022.4-fk1";
    public ZonePreset Preset { get; init; } = ZonePreset.ThreeZones;

    /// <summary>Three zones: days without a new infection before a sealed or controlled zone lifts.</summary>
    public int ThreeZonesClearDays { get; init; } = 14;

    /// <summary>Three zones: days since the last close contact was transferred out (with a negative test).</summary>
    public int ContactOutDays { get; init; } = 14;

    /// <summary>Three zones: the negative round of everyone in the zone must be this many days old at most.</summary>
    public int RoundWithinDays { get; init; } = 2;

    /// <summary>Edition 9: clear days (and the day of the negative whole-area round) before high → medium, or medium → low.</summary>
    public int RiskAreaClearDays { get; init; } = 7;

    /// <summary>Edition 9: a medium-risk area that was high becomes low after this many more clear days.</summary>
    public int MediumAfterHighDays { get; init; } = 3;

    /// <summary>The 20 measures: clear days before a high-risk area lifts.</summary>
    public int TwentyMeasuresClearDays { get; init; } = 5;

    /// <summary>The colour of a sealed (high-risk) zone's residents' codes.</summary>
    public CodeColour SealedColour { get; init; } = CodeColour.Red;

    /// <summary>The colour of a controlled (medium-risk) zone's residents' codes.</summary>
    public CodeColour ControlledColour { get; init; } = CodeColour.Yellow;
}

using Fangkong.Domain.Codes;
using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Gate;

public enum GateOutcome { Admit, Deny, Remeasure }

public enum DenyReason
{
    Fever,
    ImplausibleTemperature,
    RedCode,
    YellowCode,
    VenueFull,
    NegativeTestRequired,
    VenueClosed,
    /// <summary>A sealed zone's resident away from home ("足不出户"), or leaving through their own compound's gate.</summary>
    SealedZone,
    /// <summary>A controlled zone's resident outside the zone ("人不出区").</summary>
    ControlledZone,
    /// <summary>A district's closure order closes the venue (issue 24): the answer names the order.</summary>
    ClosedByOrder,
}

/// <summary>Where a visitor who lives in a zone in force stands: the zone's level, and the gate's place relative to home and zone.</summary>
public sealed record ZoneStanding(ZoneLevel Level, GatePlace Place);

/// <summary>What the gate knows about a visitor and the venue at the moment of a check-in.</summary>
/// <remarks>A null temperature is an entry nobody measured: a phone scanning a venue's code (ADR 0038).</remarks>
public sealed record EntryFacts(
    decimal? TemperatureCelsius,
    CodeColour Colour,
    int Occupancy,
    int Capacity,
    bool VenueAllowsYellow,
    int? RequiredNegativeTestHours,
    DateTime? LatestNegativeSampledAtUtc,
    DateTime NowUtc,
    ZoneStanding? Zone = null,
    bool ClosedByOrder = false);

public sealed record GateDecision(GateOutcome Outcome, IReadOnlyList<DenyReason> Reasons, TemperatureReading Reading)
{
    public bool Admitted => Outcome == GateOutcome.Admit;
}

/// <summary>
/// Admit/deny rules for one entry (domain.md §2). Every failing reason is reported, not just the first,
/// so staff can tell the visitor everything at once. An implausible reading asks for a re-measure and
/// is never recorded as fever.
/// </summary>
public static class GateRules
{
    public static GateDecision Decide(EntryFacts f, GatePolicy policy)
    {
        var reading = f.TemperatureCelsius is { } celsius ? Temperature.Classify(celsius, policy) : TemperatureReading.Normal;
        if (reading == TemperatureReading.Implausible)
            return new GateDecision(GateOutcome.Remeasure, [DenyReason.ImplausibleTemperature], reading);

        var reasons = new List<DenyReason>();
        if (reading == TemperatureReading.Fever) reasons.Add(DenyReason.Fever);
        // A zone's resident at their own compound's gate is going home, which is where the zone (and the colour it gave
        // them) sends them: the colour does not bar that entry.
        var goingHome = f.Zone is { Place: GatePlace.Home, Level: ZoneLevel.Sealed or ZoneLevel.Controlled };
        if (f.Colour == CodeColour.Red && !goingHome) reasons.Add(DenyReason.RedCode);
        if (f.Colour == CodeColour.Yellow && !f.VenueAllowsYellow && !goingHome) reasons.Add(DenyReason.YellowCode);
        if (f.Zone is { } z && ZoneGate.BarsEntry(z.Level, z.Place))
            reasons.Add(z.Level == ZoneLevel.Sealed ? DenyReason.SealedZone : DenyReason.ControlledZone);
        if (f.ClosedByOrder) reasons.Add(DenyReason.ClosedByOrder);
        if (f.Capacity > 0 && f.Occupancy >= f.Capacity) reasons.Add(DenyReason.VenueFull);
        if (f.RequiredNegativeTestHours is { } hours &&
            (f.LatestNegativeSampledAtUtc is not { } sampled || f.NowUtc - sampled > TimeSpan.FromHours(hours)))
            reasons.Add(DenyReason.NegativeTestRequired);

        return new GateDecision(reasons.Count == 0 ? GateOutcome.Admit : GateOutcome.Deny, reasons, reading);
    }

    /// <summary>Whether a visitor may leave: only a zone bars an exit (a sealed compound's gate lets none of its residents out).</summary>
    public static IReadOnlyList<DenyReason> ExitBars(ZoneStanding? zone) =>
        zone is { } z && ZoneGate.BarsExit(z.Level, z.Place) ? [z.Level == ZoneLevel.Sealed ? DenyReason.SealedZone : DenyReason.ControlledZone] : [];
}

using Fangkong.Domain.Codes;

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
}

/// <summary>What the gate knows about a visitor and the venue at the moment of a check-in.</summary>
public sealed record EntryFacts(
    decimal TemperatureCelsius,
    CodeColour Colour,
    int Occupancy,
    int Capacity,
    bool VenueAllowsYellow,
    int? RequiredNegativeTestHours,
    DateTime? LatestNegativeSampledAtUtc,
    DateTime NowUtc);

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
        var reading = Temperature.Classify(f.TemperatureCelsius, policy);
        if (reading == TemperatureReading.Implausible)
            return new GateDecision(GateOutcome.Remeasure, [DenyReason.ImplausibleTemperature], reading);

        var reasons = new List<DenyReason>();
        if (reading == TemperatureReading.Fever) reasons.Add(DenyReason.Fever);
        if (f.Colour == CodeColour.Red) reasons.Add(DenyReason.RedCode);
        if (f.Colour == CodeColour.Yellow && !f.VenueAllowsYellow) reasons.Add(DenyReason.YellowCode);
        if (f.Capacity > 0 && f.Occupancy >= f.Capacity) reasons.Add(DenyReason.VenueFull);
        if (f.RequiredNegativeTestHours is { } hours &&
            (f.LatestNegativeSampledAtUtc is not { } sampled || f.NowUtc - sampled > TimeSpan.FromHours(hours)))
            reasons.Add(DenyReason.NegativeTestRequired);

        return new GateDecision(reasons.Count == 0 ? GateOutcome.Admit : GateOutcome.Deny, reasons, reading);
    }
}

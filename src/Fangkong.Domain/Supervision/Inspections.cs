namespace Fangkong.Domain.Supervision;

/// <summary>Where an inspection group inspects. An institution (issue 23) is a venue until institutions exist.</summary>
public enum InspectedPlace { Venue = 1, Compound = 2, Checkpoint = 3, Institution = 4, QuarantineSite = 5 }

/// <summary>What a finding is about (Jilin's inspection groups' headings).</summary>
public enum FindingCategory { GateControl = 1, Temperature = 2, CodeCheck = 3, Disinfection = 4, Crowding = 5, ClosureViolation = 6, ZoneControl = 7, Other = 8 }

public enum FindingSeverity { Minor = 1, Serious = 2, Critical = 3 }

/// <summary>A finding's course: fixed on the spot, or handed to a responsible unit which answers and the group confirms.</summary>
public enum FindingState { FixedOnSpot = 1, HandedOver = 2, Answered = 3, Confirmed = 4 }

/// <summary>When a handed-over finding is overdue: not answered by its deadline (answered late counts overdue too).</summary>
public static class FindingDeadline
{
    public static bool Overdue(FindingState state, DateTime? deadlineUtc, DateTime? answeredAtUtc, DateTime nowUtc) =>
        state != FindingState.FixedOnSpot && deadlineUtc is { } d && (answeredAtUtc is { } a ? a > d : nowUtc > d);
}

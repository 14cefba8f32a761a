using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;

namespace Fangkong.Core.Supervision;

/// <summary>
/// A venue whose gates look unattended (issue 24 part 1), raised to its district with the evidence of the evaluation
/// that last saw it — last record, hours, counts — and cleared when its gates record again. One open alert per venue.
/// </summary>
public sealed class GateAlert
{
    public long Id { get; set; }
    public long VenueId { get; set; }
    public required string DistrictCode { get; set; }
    /// <summary>The signs seen, <see cref="UnattendedSign"/> names comma-separated.</summary>
    public required string Signs { get; set; }
    public DateTime RaisedAtUtc { get; set; }
    public DateTime CheckedAtUtc { get; set; }
    public DateTime? ClearedAtUtc { get; set; }
    public DateTime? LastRecordUtc { get; set; }
    public DateTime OpenSinceUtc { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    public int GateEntries { get; set; }
    public int WithoutTemperature { get; set; }
    public int Admitted { get; set; }
    public int Denied { get; set; }
    public required string PolicyVersion { get; set; }
}

/// <summary>Close (a district closes venue types or named venues from an instant) or reopen (an order lifting a closure).</summary>
public enum ClosureKind { Close = 1, Reopen = 2 }

/// <summary>
/// A district's order (issue 24 part 3): its number, text and authority, effective from an instant. A closing order
/// names venue types (<see cref="VenueTypes"/>) and/or venues (<see cref="ClosureOrderVenue"/>); a reopening order
/// names the closing order it lifts, and that order records from when it is lifted.
/// </summary>
public sealed class ClosureOrder
{
    public long Id { get; set; }
    public ClosureKind Kind { get; set; }
    public required string Number { get; set; }
    public required string DistrictCode { get; set; }
    /// <summary><see cref="VenueType"/> names comma-separated (a closing order).</summary>
    public string VenueTypes { get; set; } = "";
    public DateTime FromUtc { get; set; }
    public required string Text { get; set; }
    public required string Authority { get; set; }
    public long IssuedByUserId { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    /// <summary>A reopening order: the closing order it lifts.</summary>
    public long? ReopensOrderId { get; set; }
    /// <summary>A closing order: the reopening order that lifts it, and from when.</summary>
    public long? ReopenedByOrderId { get; set; }
    public DateTime? ReopenedFromUtc { get; set; }

    public IReadOnlyList<VenueType> Types() =>
        [.. VenueTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Enum.Parse<VenueType>(t))];
}

/// <summary>A named venue a closing order closes.</summary>
public sealed class ClosureOrderVenue
{
    public long OrderId { get; set; }
    public long VenueId { get; set; }
}

/// <summary>An inspection group's planned visit (a team of the inspection kind, ADR 0029), in its district, on a day.</summary>
public sealed class InspectionPlan
{
    public long Id { get; set; }
    public long TeamId { get; set; }
    public required string DistrictCode { get; set; }
    public DateOnly Day { get; set; }
    public InspectedPlace PlaceKind { get; set; }
    public long? VenueId { get; set; }
    public required string PlaceName { get; set; }
    public long CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public long? InspectionId { get; set; }
}

/// <summary>An inspection at a place: who, when, where; its findings are <see cref="Finding"/>s (none: nothing found).</summary>
public sealed class Inspection
{
    public long Id { get; set; }
    public long? PlanId { get; set; }
    public long? TeamId { get; set; }
    public required string DistrictCode { get; set; }
    public InspectedPlace PlaceKind { get; set; }
    public long? VenueId { get; set; }
    public required string PlaceName { get; set; }
    public DateTime AtUtc { get; set; }
    public long InspectorUserId { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A problem found: category, severity, what was seen (with a photo), fixed on the spot or handed to a responsible unit
/// with a deadline; the unit's answer and the group's confirmation; the closure order it violates, if any.
/// </summary>
public sealed class Finding
{
    public long Id { get; set; }
    public long InspectionId { get; set; }
    public required string DistrictCode { get; set; }
    public FindingCategory Category { get; set; }
    public FindingSeverity Severity { get; set; }
    public required string Description { get; set; }
    public FindingState State { get; set; }
    public string? ResponsibleUnit { get; set; }
    public DateTime? DeadlineUtc { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public long? ConfirmedByUserId { get; set; }
    public long? ClosureOrderId { get; set; }
    public DateTime FoundAtUtc { get; set; }
}

public sealed class FindingPhoto
{
    public long FindingId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A venue's disinfection (issue 24 part 4): area, agent, when, by whom, entered from a phone.</summary>
public sealed class DisinfectionRecord
{
    public long Id { get; set; }
    public long VenueId { get; set; }
    public required string DistrictCode { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Area { get; set; }
    public required string Agent { get; set; }
    public required string Person { get; set; }
    public long RecordedByUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

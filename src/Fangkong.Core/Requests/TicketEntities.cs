using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Requests;

namespace Fangkong.Core.Requests;

/// <summary>
/// A citizen's request (群众诉求) as a ticket: who called and about whom, the household it concerns and its area (copied
/// from the address when filed, so the area filter reads one column, ADR 0028), the category, urgency and deadline,
/// the responsible unit, and where it stands.
/// </summary>
public sealed class Ticket : INumberedRecord
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    public RequestSource Source { get; set; }
    /// <summary>The other platform's name (the 12345 hotline's, a province platform's) for imported and platform tickets.</summary>
    public string? Platform { get; set; }
    /// <summary>
    /// What makes a submission the same one again: "k:{user}:{idempotency key}" for the API and pages, "x:{platform}:{their
    /// ticket id}" for an imported file's row. Unique: a retry or a second import answers with the ticket it made.
    /// </summary>
    public string? SourceKey { get; set; }
    public long? FiledByUserId { get; set; }
    /// <summary>The caller's mobile number as given (shown masked).</summary>
    public string? CallerPhone { get; set; }
    public string? CallerName { get; set; }
    public long? PersonId { get; set; }
    public long? HouseholdId { get; set; }
    public string? DistrictCode { get; set; }
    public long? StreetId { get; set; }
    public long? CommunityId { get; set; }
    public RequestCategory Category { get; set; }
    public RequestUrgency Urgency { get; set; }
    public MedicalEmergency Emergency { get; set; }
    /// <summary>The household was sealed in (a sealed or high-risk zone in force) when the request came.</summary>
    public bool SealedIn { get; set; }
    /// <summary>Someone of the household is in the special-groups register: served first.</summary>
    public bool SpecialGroup { get; set; }
    /// <summary>A medical emergency behind a sealed door: the district was raised at once with the community office.</summary>
    public bool RaisedToDistrict { get; set; }
    public required string Text { get; set; }
    /// <summary>The unit the address named when filed, and the one answering now (higher once escalated).</summary>
    public TicketUnit StartUnit { get; set; }
    public TicketUnit Unit { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public TicketState State { get; set; }
    /// <summary>Not yet resolved (every state but Resolved): the queue's one indexed condition.</summary>
    public bool IsOpen { get; set; }
    /// <summary>Who at the unit took it on (a name the caller may hear).</summary>
    public string? AssignedTo { get; set; }
    public DateTime? AssignedAtUtc { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    /// <summary>The answer the caller reads on their phone.</summary>
    public string? Answer { get; set; }
    public DateTime? EscalatedAtUtc { get; set; }
    /// <summary>When the overdue rule raises it next (TicketRules.NextRaise); null once resolved or at the city. The sweep's one indexed condition.</summary>
    public DateTime? RaiseAtUtc { get; set; }
    public int Reopened { get; set; }
    /// <summary>How many closed-loop transport steps are done (TicketRules.ClosedLoop).</summary>
    public int TransportDone { get; set; }
    public bool NeedsTransport { get; set; }

    public RecordKind NumberKind => RecordKind.Ticket;
    public DateTime NumberedAtUtc => ReceivedAtUtc;
}

/// <summary>What happened to a ticket, in order: the ticket's history as the unit and the caller read it.</summary>
public enum TicketEventKind { Received = 1, Assigned = 2, Handled = 3, Resolved = 4, Escalated = 5, Reopened = 6, Transport = 7, RaisedToDistrict = 8 }

public sealed class TicketEvent
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTime AtUtc { get; set; }
    public TicketEventKind Kind { get; set; }
    /// <summary>Null for what the platform did by rule (an overdue escalation).</summary>
    public long? UserId { get; set; }
    public TicketUnit? Unit { get; set; }
    public string? Note { get; set; }
}

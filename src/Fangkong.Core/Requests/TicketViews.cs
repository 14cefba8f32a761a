using Fangkong.Domain.Requests;

namespace Fangkong.Core.Requests;

/// <summary>A request as a caller, an operator or a platform submits it; every field is checked and a bad one named.</summary>
/// <param name="IdempotencyKey">The submitter's key: the same key again answers with the same ticket (a retry never duplicates).</param>
public sealed record TicketDraft(string? IdempotencyKey, RequestCategory? Category, string? Text, RequestUrgency? Urgency = null, MedicalEmergency? Emergency = null,
    string? CallerPhone = null, string? CallerName = null, long? PersonId = null, long? HouseholdId = null, string? Platform = null);

public sealed record TicketEventView(DateTime AtUtc, TicketEventKind Kind, TicketUnit? Unit, string? Note);

/// <summary>A ticket as the unit, the operator and the caller read it: names and numbers masked.</summary>
public sealed record TicketView(long Id, string Number, RequestSource Source, string? Platform, RequestCategory Category, RequestUrgency Urgency,
    MedicalEmergency Emergency, bool SealedIn, bool SpecialGroup, bool RaisedToDistrict, string Text, string? CallerName, string? CallerPhone, string? PersonName,
    HouseholdPlace? Household, TicketUnit Unit, string UnitName, TicketState State, DateTime ReceivedAtUtc, DateTime DueAtUtc, bool Overdue,
    string? AssignedTo, DateTime? ResolvedAtUtc, string? Answer, int Reopened, IReadOnlyList<TransportStep> TransportSteps, int TransportDone,
    IReadOnlyList<TicketEventView> History);

/// <summary>A row of the unit's queue.</summary>
public sealed record TicketRow(long Id, string Number, RequestCategory Category, RequestUrgency Urgency, MedicalEmergency Emergency, bool SealedIn, bool SpecialGroup,
    string? DistrictCode, string? Address, TicketUnit Unit, TicketState State, DateTime ReceivedAtUtc, DateTime DueAtUtc, bool Overdue, string? AssignedTo);

/// <summary>One page of the queue, by deadline; <see cref="Next"/> continues it ("{ticks}.{id}" of the last row), null at the end.</summary>
public sealed record TicketQueuePage(IReadOnlyList<TicketRow> Items, string? Next, long Count, bool CountCapped);

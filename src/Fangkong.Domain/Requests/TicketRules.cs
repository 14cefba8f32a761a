namespace Fangkong.Domain.Requests;

/// <summary>What the rules decide for a new ticket: its urgency, its unit, its deadline and whether it goes up at once.</summary>
/// <param name="RaisedToDistrict">A medical emergency behind a sealed door: the community office and the district both act at once.</param>
public sealed record TicketDecision(RequestUrgency Urgency, TicketUnit Unit, TimeSpan Deadline, bool RaisedToDistrict, IReadOnlyList<TransportStep> TransportSteps);

/// <summary>
/// The rules of citizens' requests (domain.md §8): deadlines by category and urgency, the responsible unit from the
/// address, overdue and escalation, and the medical emergency in a sealed zone.
/// </summary>
public static class TicketRules
{
    /// <summary>A medical emergency is handled within this; urgent requests within a quarter of their category's time, at most 2 hours.</summary>
    public static readonly TimeSpan EmergencyDeadline = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan UrgentCap = TimeSpan.FromHours(2);

    public static readonly IReadOnlyList<TransportStep> ClosedLoop = [TransportStep.VehicleSent, TransportStep.PickedUp, TransportStep.AtHospital, TransportStep.Returned];

    /// <summary>The time a unit has to resolve a normal request of a category: medicine and supplies within the 12-hour promise, care and transport sooner.</summary>
    public static TimeSpan CategoryDeadline(RequestCategory category) => TimeSpan.FromHours(category switch
    {
        RequestCategory.MedicalCare => 4,
        RequestCategory.Transport => 4,
        RequestCategory.Psychological => 4,
        RequestCategory.Medicine => 12,
        RequestCategory.Supplies => 12,
        RequestCategory.Testing => 24,
        RequestCategory.CodeColour => 24,
        RequestCategory.Quarantine => 24,
        RequestCategory.RuleBreaking => 24,
        _ => 48,
    });

    /// <summary>The deadline for a category and urgency; special groups (elderly alone, bedridden, dialysis…) are served first: half the time.</summary>
    public static TimeSpan Deadline(RequestCategory category, RequestUrgency urgency, bool specialGroup = false, MedicalEmergency emergency = MedicalEmergency.None)
    {
        if (emergency != MedicalEmergency.None) return EmergencyDeadline;
        var span = CategoryDeadline(category);
        if (urgency == RequestUrgency.Urgent) span = Min(span / 4, UrgentCap);
        if (specialGroup) span /= 2;
        return span;
    }

    /// <summary>The most local office the address names: community, else street, else district, else the city's hotline office.</summary>
    public static TicketUnit Unit(bool hasCommunity, bool hasStreet, bool hasDistrict) =>
        hasCommunity ? TicketUnit.Community : hasStreet ? TicketUnit.Street : hasDistrict ? TicketUnit.District : TicketUnit.City;

    /// <summary>
    /// Decides a new ticket. A medical emergency (dialysis, childbirth, chest pain) is medical care and urgent; behind a
    /// sealed (or controlled) door it is raised at once to the community office and the district, with the closed-loop
    /// transport steps to follow.
    /// </summary>
    public static TicketDecision Decide(RequestCategory category, RequestUrgency urgency, MedicalEmergency emergency, bool inSealedZone, bool specialGroup, TicketUnit addressUnit)
    {
        if (emergency != MedicalEmergency.None)
        {
            return new TicketDecision(RequestUrgency.Urgent, addressUnit, EmergencyDeadline, inSealedZone, inSealedZone ? ClosedLoop : []);
        }
        return new TicketDecision(urgency, addressUnit, Deadline(category, urgency, specialGroup), false, []);
    }

    public static bool IsOpen(TicketState state) => state != TicketState.Resolved;

    public static bool IsOverdue(TicketState state, DateTime dueAtUtc, DateTime nowUtc) => IsOpen(state) && dueAtUtc < nowUtc;

    /// <summary>
    /// The unit an open ticket belongs to now: one level up from where it started for each deadline's span it is
    /// overdue (community → street → district → city), never lower than it is.
    /// </summary>
    public static TicketUnit Escalated(TicketUnit current, TicketUnit start, DateTime receivedAtUtc, DateTime dueAtUtc, DateTime nowUtc)
    {
        if (nowUtc <= dueAtUtc) return current;
        var span = dueAtUtc - receivedAtUtc;
        if (span <= TimeSpan.Zero) span = EmergencyDeadline;
        var periods = 1 + (int)Math.Min(4, (nowUtc - dueAtUtc).Ticks / span.Ticks);
        var level = (TicketUnit)Math.Min((int)TicketUnit.City, (int)start + periods);
        return level > current ? level : current;
    }

    /// <summary>
    /// When an open ticket at <paramref name="unit"/> goes up next by the rule of <see cref="Escalated"/>: at its deadline
    /// while still at its first unit, then one deadline's span later for each unit it has risen; null at the city.
    /// </summary>
    public static DateTime? NextRaise(TicketUnit unit, TicketUnit start, DateTime receivedAtUtc, DateTime dueAtUtc)
    {
        if (unit == TicketUnit.City) return null;
        var span = dueAtUtc - receivedAtUtc;
        if (span <= TimeSpan.Zero) span = EmergencyDeadline;
        return dueAtUtc + span * Math.Max(0, (int)unit - (int)start);
    }

    /// <summary>The unit above (the city stays the city).</summary>
    public static TicketUnit Above(TicketUnit unit) => unit == TicketUnit.City ? TicketUnit.City : unit + 1;

    /// <summary>Which states a unit may move a ticket to from <paramref name="from"/>; the caller alone reopens.</summary>
    public static bool MayMove(TicketState from, TicketState to) => (from, to) switch
    {
        (TicketState.Resolved, TicketState.Reopened) => true,
        (TicketState.Resolved, _) => false,
        (_, TicketState.Assigned) => from is TicketState.Received or TicketState.Escalated or TicketState.Reopened,
        (_, TicketState.Handled) => true,
        (_, TicketState.Resolved) => true,
        (_, TicketState.Escalated) => true,
        _ => false,
    };

    /// <summary>The transport step after <paramref name="done"/> steps, or null when the loop is closed.</summary>
    public static TransportStep? NextStep(int done) => done < ClosedLoop.Count ? ClosedLoop[done] : null;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

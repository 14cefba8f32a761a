using Fangkong.Domain.Requests;

namespace Fangkong.Domain.Tests.Requests;

/// <summary>Deadlines by category and urgency, the unit from the address, overdue and escalation, the medical emergency behind a sealed door.</summary>
public sealed class TicketRulesTests
{
    private static readonly DateTime T0 = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(RequestCategory.Medicine, RequestUrgency.Normal, false, 12)]
    [InlineData(RequestCategory.Supplies, RequestUrgency.Normal, false, 12)]
    [InlineData(RequestCategory.MedicalCare, RequestUrgency.Normal, false, 4)]
    [InlineData(RequestCategory.Transport, RequestUrgency.Normal, false, 4)]
    [InlineData(RequestCategory.Testing, RequestUrgency.Normal, false, 24)]
    [InlineData(RequestCategory.RuleBreaking, RequestUrgency.Normal, false, 24)]
    [InlineData(RequestCategory.Other, RequestUrgency.Normal, false, 48)]
    [InlineData(RequestCategory.Medicine, RequestUrgency.Urgent, false, 2)]
    [InlineData(RequestCategory.MedicalCare, RequestUrgency.Urgent, false, 1)]
    [InlineData(RequestCategory.Medicine, RequestUrgency.Normal, true, 6)]
    [InlineData(RequestCategory.Medicine, RequestUrgency.Urgent, true, 1)]
    public void Deadlines_follow_category_urgency_and_special_groups(RequestCategory category, RequestUrgency urgency, bool special, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), TicketRules.Deadline(category, urgency, special));

    [Fact]
    public void Every_category_has_a_deadline_and_urgent_is_never_later_than_normal()
    {
        foreach (var c in Enum.GetValues<RequestCategory>())
        {
            Assert.True(TicketRules.Deadline(c, RequestUrgency.Normal) > TimeSpan.Zero);
            Assert.True(TicketRules.Deadline(c, RequestUrgency.Urgent) <= TicketRules.Deadline(c, RequestUrgency.Normal));
            Assert.True(TicketRules.Deadline(c, RequestUrgency.Urgent) <= TicketRules.UrgentCap);
        }
    }

    [Theory]
    [InlineData(true, true, true, TicketUnit.Community)]
    [InlineData(false, true, true, TicketUnit.Street)]
    [InlineData(false, false, true, TicketUnit.District)]
    [InlineData(false, false, false, TicketUnit.City)]
    public void The_unit_is_the_most_local_office_the_address_names(bool community, bool street, bool district, TicketUnit unit) =>
        Assert.Equal(unit, TicketRules.Unit(community, street, district));

    [Theory]
    [InlineData(MedicalEmergency.Dialysis)]
    [InlineData(MedicalEmergency.Childbirth)]
    [InlineData(MedicalEmergency.ChestPain)]
    public void A_medical_emergency_behind_a_sealed_door_is_urgent_raised_to_the_district_with_closed_loop_transport(MedicalEmergency emergency)
    {
        var d = TicketRules.Decide(RequestCategory.MedicalCare, RequestUrgency.Normal, emergency, inSealedZone: true, specialGroup: false, TicketUnit.Community);
        Assert.Equal(RequestUrgency.Urgent, d.Urgency);
        Assert.Equal(TicketUnit.Community, d.Unit);
        Assert.Equal(TicketRules.EmergencyDeadline, d.Deadline);
        Assert.True(d.RaisedToDistrict);
        Assert.Equal([TransportStep.VehicleSent, TransportStep.PickedUp, TransportStep.AtHospital, TransportStep.Returned], d.TransportSteps);
    }

    [Fact]
    public void A_medical_emergency_outside_a_sealed_zone_is_urgent_but_not_a_closed_loop()
    {
        var d = TicketRules.Decide(RequestCategory.MedicalCare, RequestUrgency.Normal, MedicalEmergency.ChestPain, inSealedZone: false, specialGroup: false, TicketUnit.Community);
        Assert.Equal(RequestUrgency.Urgent, d.Urgency);
        Assert.False(d.RaisedToDistrict);
        Assert.Empty(d.TransportSteps);
    }

    [Fact]
    public void An_ordinary_request_keeps_its_urgency_and_the_address_unit()
    {
        var d = TicketRules.Decide(RequestCategory.Medicine, RequestUrgency.Normal, MedicalEmergency.None, inSealedZone: true, specialGroup: false, TicketUnit.Street);
        Assert.Equal(new TicketDecision(RequestUrgency.Normal, TicketUnit.Street, TimeSpan.FromHours(12), false, []), d with { TransportSteps = [] });
    }

    [Fact]
    public void Overdue_is_open_and_past_its_deadline()
    {
        Assert.False(TicketRules.IsOverdue(TicketState.Assigned, T0, T0));
        Assert.True(TicketRules.IsOverdue(TicketState.Assigned, T0, T0.AddSeconds(1)));
        Assert.True(TicketRules.IsOverdue(TicketState.Reopened, T0, T0.AddHours(1)));
        Assert.False(TicketRules.IsOverdue(TicketState.Resolved, T0, T0.AddHours(1)));
    }

    [Fact]
    public void An_overdue_ticket_goes_up_one_unit_per_deadline_span_and_never_down()
    {
        var due = T0.AddHours(12);
        Assert.Equal(TicketUnit.Community, TicketRules.Escalated(TicketUnit.Community, TicketUnit.Community, T0, due, due));
        Assert.Equal(TicketUnit.Street, TicketRules.Escalated(TicketUnit.Community, TicketUnit.Community, T0, due, due.AddMinutes(1)));
        Assert.Equal(TicketUnit.District, TicketRules.Escalated(TicketUnit.Community, TicketUnit.Community, T0, due, due.AddHours(12)));
        Assert.Equal(TicketUnit.City, TicketRules.Escalated(TicketUnit.Community, TicketUnit.Community, T0, due, due.AddDays(30)));
        // Raised by hand beyond what the clock says: it stays there.
        Assert.Equal(TicketUnit.District, TicketRules.Escalated(TicketUnit.District, TicketUnit.Community, T0, due, due.AddMinutes(1)));
    }

    [Fact]
    public void The_next_raise_is_due_when_the_rule_would_raise_it()
    {
        var due = T0.AddHours(12);
        Assert.Equal(due, TicketRules.NextRaise(TicketUnit.Community, TicketUnit.Community, T0, due));
        Assert.Equal(due.AddHours(12), TicketRules.NextRaise(TicketUnit.Street, TicketUnit.Community, T0, due));
        Assert.Null(TicketRules.NextRaise(TicketUnit.City, TicketUnit.Community, T0, due));
        // Just after each raise time the rule gives the next unit.
        Assert.Equal(TicketUnit.District, TicketRules.Escalated(TicketUnit.Street, TicketUnit.Community, T0, due, due.AddHours(12).AddTicks(1)));
    }

    [Fact]
    public void A_resolved_ticket_only_reopens_and_assignment_starts_from_an_unassigned_state()
    {
        Assert.True(TicketRules.MayMove(TicketState.Resolved, TicketState.Reopened));
        Assert.False(TicketRules.MayMove(TicketState.Resolved, TicketState.Handled));
        Assert.False(TicketRules.MayMove(TicketState.Assigned, TicketState.Reopened));
        Assert.True(TicketRules.MayMove(TicketState.Received, TicketState.Assigned));
        Assert.False(TicketRules.MayMove(TicketState.Handled, TicketState.Assigned));
        Assert.True(TicketRules.MayMove(TicketState.Reopened, TicketState.Resolved));
    }

    [Fact]
    public void The_transport_loop_closes_after_its_four_steps()
    {
        Assert.Equal(TransportStep.VehicleSent, TicketRules.NextStep(0));
        Assert.Equal(TransportStep.Returned, TicketRules.NextStep(3));
        Assert.Null(TicketRules.NextStep(4));
    }
}

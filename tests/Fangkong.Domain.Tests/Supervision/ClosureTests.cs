using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;

namespace Fangkong.Domain.Tests.Supervision;

/// <summary>Closure orders and their effect on the gate's decision (issue 24 part 3).</summary>
public class ClosureTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ClosureTerms Restaurants = new(1, "220402", [VenueType.Market], [], Now.AddDays(-1), null);
    private static readonly ClosureTerms OneHall = new(2, "220402", [], [7], Now.AddHours(-1), null);

    [Fact]
    public void An_order_closes_its_types_and_named_venues_in_its_district_only()
    {
        Assert.Equal(1, Closures.Closing(5, VenueType.Market, "220402", [Restaurants, OneHall], Now)?.OrderId);
        Assert.Equal(2, Closures.Closing(7, VenueType.ServiceHall, "220402", [Restaurants, OneHall], Now)?.OrderId);
        Assert.Null(Closures.Closing(5, VenueType.Market, "220403", [Restaurants, OneHall], Now));
        Assert.Null(Closures.Closing(8, VenueType.School, "220402", [Restaurants, OneHall], Now));
    }

    [Fact]
    public void An_order_is_in_force_from_its_instant_until_it_is_reopened()
    {
        var future = Restaurants with { FromUtc = Now.AddHours(1) };
        Assert.Null(Closures.Closing(5, VenueType.Market, "220402", [future], Now));
        var reopened = Restaurants with { ReopenedFromUtc = Now };
        Assert.Null(Closures.Closing(5, VenueType.Market, "220402", [reopened], Now));
        Assert.NotNull(Closures.Closing(5, VenueType.Market, "220402", [reopened], Now.AddMinutes(-1)));
    }

    [Fact]
    public void The_earliest_order_in_force_is_the_one_named()
    {
        var both = OneHall with { Types = [VenueType.Market], FromUtc = Now.AddDays(-2) };
        Assert.Equal(2, Closures.Closing(5, VenueType.Market, "220402", [Restaurants, both], Now)?.OrderId);
    }

    [Fact]
    public void A_closed_venue_denies_even_a_healthy_visitor_and_says_why()
    {
        var open = GateRules.Decide(new EntryFacts(36.5m, CodeColour.Green, 0, 40, false, null, null, Now), new GatePolicy());
        var closed = GateRules.Decide(new EntryFacts(36.5m, CodeColour.Green, 0, 40, false, null, null, Now, ClosedByOrder: true), new GatePolicy());
        Assert.True(open.Admitted);
        Assert.Equal(GateOutcome.Deny, closed.Outcome);
        Assert.Equal([DenyReason.ClosedByOrder], closed.Reasons);
    }

    [Fact]
    public void A_finding_answered_after_its_deadline_stays_overdue()
    {
        var deadline = Now.AddDays(1);
        Assert.False(FindingDeadline.Overdue(FindingState.HandedOver, deadline, null, Now));
        Assert.True(FindingDeadline.Overdue(FindingState.HandedOver, deadline, null, Now.AddDays(2)));
        Assert.True(FindingDeadline.Overdue(FindingState.Answered, deadline, Now.AddDays(2), Now.AddDays(3)));
        Assert.False(FindingDeadline.Overdue(FindingState.Confirmed, deadline, Now.AddHours(5), Now.AddDays(3)));
        Assert.False(FindingDeadline.Overdue(FindingState.FixedOnSpot, null, null, Now.AddDays(3)));
    }
}

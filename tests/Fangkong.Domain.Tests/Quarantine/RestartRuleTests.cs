using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Quarantine;

public sealed class RestartRuleTests
{
    private static readonly DateOnly Day1 = new(2022, 4, 1);

    private static DateOnly Release(ContactRole role, DateOnly day1) =>
        QuarantineSchedule.Generate(QuarantinePresets.For(PolicyEdition.Edition9, role)!, day1).ReleaseDate;

    [Fact]
    public void A_close_contact_exposed_again_on_day_4_starts_counting_again()
    {
        var current = Release(ContactRole.CloseContact, Day1);
        var again = Release(ContactRole.CloseContact, Day1.AddDays(3));
        Assert.Equal(new DateOnly(2022, 4, 14), again);
        Assert.Equal(RestartDecision.Restart, RestartRule.Decide(ContactRole.CloseContact, current, ContactRole.CloseContact, again));
    }

    [Fact]
    public void A_designation_ending_no_later_is_covered_by_the_current_quarantine()
    {
        var current = Release(ContactRole.CloseContact, Day1);
        Assert.Equal(RestartDecision.Covered, RestartRule.Decide(ContactRole.CloseContact, current, ContactRole.CloseContact, current));
        Assert.Equal(RestartDecision.Covered, RestartRule.Decide(ContactRole.SecondaryContact, current, ContactRole.SecondaryContact, current.AddDays(-1)));
    }

    [Fact]
    public void A_secondary_designation_never_downgrades_a_close_contact_even_when_it_would_end_later()
    {
        var current = Release(ContactRole.CloseContact, Day1);
        var secondary = Release(ContactRole.SecondaryContact, Day1.AddDays(8));
        Assert.True(secondary > current);
        Assert.Equal(RestartDecision.Covered, RestartRule.Decide(ContactRole.CloseContact, current, ContactRole.SecondaryContact, secondary));
    }

    [Fact]
    public void A_secondary_contact_made_a_close_contact_restarts_under_the_close_contacts_preset()
    {
        var current = Release(ContactRole.SecondaryContact, Day1);
        var close = Release(ContactRole.CloseContact, Day1.AddDays(2));
        Assert.Equal(RestartDecision.Restart, RestartRule.Decide(ContactRole.SecondaryContact, current, ContactRole.CloseContact, close));
    }
}

using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Tracing;

public sealed class TracingRuleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2022, 3, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(PolicyEdition.Edition8, 2)]
    [InlineData(PolicyEdition.Edition9, 4)]
    [InlineData(PolicyEdition.TwentyMeasures, 4)]
    public void The_exposure_window_opens_days_before_onset_at_local_midnight_per_edition(PolicyEdition edition, int days)
    {
        var window = ExposureWindow.ForCase(new DateOnly(2022, 3, 10), Utc(11, 2), Utc(20, 0), TracingPolicy.For(edition), Beijing);
        // Local midnight of (10 March − days) is 16:00 UTC the day before.
        Assert.Equal(new DateTime(2022, 3, 10 - days - 1, 16, 0, 0, DateTimeKind.Utc), window.StartUtc);
        Assert.Equal(Utc(11, 2), window.EndUtc);
        Assert.True(window.Contains(window.StartUtc));
        Assert.False(window.Contains(window.EndUtc));
    }

    [Fact]
    public void A_case_not_yet_isolated_is_exposing_others_until_now()
    {
        var window = ExposureWindow.ForCase(new DateOnly(2022, 3, 10), null, Utc(12, 9), TracingPolicy.For(PolicyEdition.Edition9), Beijing);
        Assert.Equal(Utc(12, 9), window.EndUtc);
    }

    [Fact]
    public void A_close_contacts_window_for_secondary_contacts_runs_from_first_exposure_to_isolation()
    {
        var w = ExposureWindow.ForCloseContact(Utc(8, 10), Utc(11, 6), Utc(20, 0));
        Assert.Equal(Utc(8, 10), w.StartUtc);
        Assert.Equal(TimeSpan.FromHours(68), w.Length);
        Assert.False(w.Contains(Utc(8, 9, 59)));
    }

    [Fact]
    public void Only_the_20_measures_stop_identifying_secondary_contacts()
    {
        Assert.True(TracingPolicy.For(PolicyEdition.Edition8).IdentifiesSecondaryContacts);
        Assert.True(TracingPolicy.For(PolicyEdition.Edition9).IdentifiesSecondaryContacts);
        Assert.False(TracingPolicy.For(PolicyEdition.TwentyMeasures).IdentifiesSecondaryContacts);
        Assert.Throws<ArgumentOutOfRangeException>(() => TracingPolicy.For((PolicyEdition)7));
    }

    [Theory]
    [InlineData(VenueType.Bus, 1, true)]          // any overlap on a bus
    [InlineData(VenueType.Bus, 0, false)]         // touching stays are no overlap
    [InlineData(VenueType.ServiceHall, 15, true)]
    [InlineData(VenueType.ServiceHall, 14, false)]
    [InlineData(VenueType.School, 45, true)]
    [InlineData(VenueType.Enterprise, 15, true)]
    [InlineData(VenueType.Market, 240, false)]    // a market is a general contact however long
    [InlineData(VenueType.Supermarket, 60, false)]
    [InlineData(VenueType.RoadCheckpoint, 30, false)]
    public void Overlap_thresholds_depend_on_the_venue_type(VenueType type, int minutes, bool close) =>
        Assert.Equal(close, ContactThresholds.Default.MakesCloseContact(type, TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Thresholds_are_configurable_per_venue_type_and_refuse_negative_values()
    {
        var strict = new ContactThresholds(new Dictionary<VenueType, TimeSpan> { [VenueType.ServiceHall] = TimeSpan.FromMinutes(30), [VenueType.Market] = TimeSpan.FromMinutes(60) });
        Assert.False(strict.MakesCloseContact(VenueType.ServiceHall, TimeSpan.FromMinutes(20)));
        Assert.True(strict.MakesCloseContact(VenueType.Market, TimeSpan.FromMinutes(60)));
        Assert.True(strict.IsCloseContactGrade(VenueType.Market));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContactThresholds(new Dictionary<VenueType, TimeSpan> { [VenueType.Bus] = TimeSpan.FromMinutes(-1) }));
    }

    [Fact]
    public void Overlap_is_the_intersection_of_two_stays()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), ContactThresholds.Overlap(Utc(1, 10), Utc(1, 11), Utc(1, 10, 40), Utc(1, 12)));
        Assert.Equal(TimeSpan.FromMinutes(30), ContactThresholds.Overlap(Utc(1, 9), Utc(1, 12), Utc(1, 10), Utc(1, 10, 30)));
        Assert.Equal(TimeSpan.Zero, ContactThresholds.Overlap(Utc(1, 9), Utc(1, 10), Utc(1, 10), Utc(1, 11)));
        Assert.Equal(TimeSpan.Zero, ContactThresholds.Overlap(Utc(1, 9), Utc(1, 10), Utc(1, 12), Utc(1, 13)));
    }

    [Theory]
    [InlineData(new bool[0], SecondaryContactDecision.Wait)]
    [InlineData(new[] { false }, SecondaryContactDecision.Wait)]
    [InlineData(new[] { false, false }, SecondaryContactDecision.Release)]
    [InlineData(new[] { true }, SecondaryContactDecision.Upgrade)]
    [InlineData(new[] { false, true }, SecondaryContactDecision.Upgrade)]
    [InlineData(new[] { true, true }, SecondaryContactDecision.Upgrade)]
    [InlineData(new[] { false, false, true }, SecondaryContactDecision.Release)] // only the first two decide
    public void A_secondary_contact_follows_the_close_contacts_first_two_tests(bool[] results, SecondaryContactDecision expected) =>
        Assert.Equal(expected, SecondaryContactRule.Decide(results));
}

/// <summary>Companions: two negatives sampled after the visit, at least 24 h apart; a positive settles it the other way.</summary>
public sealed class CompanionRuleTests
{
    private static readonly DateTime Left = new(2026, 11, 20, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Two_negatives_a_day_apart_after_the_visit_release_a_companion()
    {
        Assert.True(CompanionRule.MayRelease(Left, [(Left.AddHours(2), false), (Left.AddHours(26), false)]));
        Assert.True(CompanionRule.MayRelease(Left, [(Left.AddHours(1), false), (Left.AddHours(12), false), (Left.AddHours(25), false)]));
    }

    [Theory]
    [InlineData(-3, 30, false, false)] // the first was sampled before the visit ended: only one counts
    [InlineData(1, 20, false, false)] // less than 24 hours apart
    [InlineData(1, 30, true, false)] // a positive
    public void Otherwise_the_companion_stays_yellow(int firstHours, int secondHours, bool secondPositive, bool expected) =>
        Assert.Equal(expected, CompanionRule.MayRelease(Left, [(Left.AddHours(firstHours), false), (Left.AddHours(secondHours), secondPositive)]));

    [Fact]
    public void No_tests_no_release() => Assert.False(CompanionRule.MayRelease(Left, []));
}

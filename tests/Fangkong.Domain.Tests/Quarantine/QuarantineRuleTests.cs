using System.Globalization;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Quarantine;

public sealed class QuarantineRuleTests
{
    private static readonly DateOnly Day1 = new(2022, 4, 1);

    private static QuarantineSchedule Schedule(PolicyEdition e, ContactRole r) =>
        QuarantineSchedule.Generate(QuarantinePresets.For(e, r)!, Day1);

    [Fact]
    public void Edition_9_close_contact_serves_7_days_centralized_and_3_at_home_with_six_tests()
    {
        var s = Schedule(PolicyEdition.Edition9, ContactRole.CloseContact);
        Assert.Equal([new(2022, 4, 1), new(2022, 4, 2), new(2022, 4, 3), new(2022, 4, 5), new(2022, 4, 7), new DateOnly(2022, 4, 10)], s.Tests.Select(t => t.Date));
        Assert.Equal(QuarantinePlace.Home, s.Tests[^1].Place);
        Assert.Equal(QuarantinePlace.Centralized, s.PlaceOn(new DateOnly(2022, 4, 7)));
        Assert.Equal(QuarantinePlace.Home, s.PlaceOn(new DateOnly(2022, 4, 8)));
        Assert.Equal(new DateOnly(2022, 4, 11), s.ReleaseDate);
        Assert.Null(s.PlaceOn(s.ReleaseDate));
        Assert.Null(s.PlaceOn(new DateOnly(2022, 3, 31)));
    }

    [Fact]
    public void Edition_8_close_contact_serves_14_plus_7_and_gives_two_samples_on_the_last_test()
    {
        var s = Schedule(PolicyEdition.Edition8, ContactRole.CloseContact);
        Assert.Equal([1, 4, 7, 14], s.Tests.Select(t => t.StageDay));
        Assert.Equal([1, 1, 1, 2], s.Tests.Select(t => t.Samples));
        Assert.Equal(new DateOnly(2022, 4, 22), s.ReleaseDate); // 21 days served
        Assert.Equal(21, QuarantinePresets.For(PolicyEdition.Edition8, ContactRole.CloseContact)!.TotalDays);
    }

    [Fact]
    public void The_20_measures_are_5_plus_3_and_identify_no_secondary_contacts()
    {
        var s = Schedule(PolicyEdition.TwentyMeasures, ContactRole.CloseContact);
        Assert.Equal([new(2022, 4, 1), new(2022, 4, 2), new(2022, 4, 3), new(2022, 4, 5), new(2022, 4, 6), new DateOnly(2022, 4, 8)], s.Tests.Select(t => t.Date));
        Assert.Equal(new DateOnly(2022, 4, 9), s.ReleaseDate);
        Assert.Null(QuarantinePresets.For(PolicyEdition.TwentyMeasures, ContactRole.SecondaryContact));
    }

    [Theory]
    [InlineData(PolicyEdition.Edition9, QuarantinePlace.Home, 7)]
    [InlineData(PolicyEdition.Edition8, QuarantinePlace.Centralized, 7)]
    public void Secondary_contacts_serve_7_days_where_the_edition_says(PolicyEdition edition, QuarantinePlace place, int days)
    {
        var plan = QuarantinePresets.For(edition, ContactRole.SecondaryContact)!;
        Assert.Equal(days, plan.TotalDays);
        Assert.All(plan.Stages, st => Assert.Equal(place, st.Place));
        Assert.Equal([1, 4, 7], QuarantineSchedule.Generate(plan, Day1).Tests.Select(t => t.StageDay));
    }

    [Fact]
    public void Release_needs_the_time_served_and_every_test_negative()
    {
        var s = Schedule(PolicyEdition.Edition9, ContactRole.CloseContact);
        var allNegative = Enumerable.Repeat(TestState.Negative, 6).ToList();
        Assert.True(ReleaseRule.Check(s, allNegative, s.ReleaseDate).MayRelease);
        Assert.False(ReleaseRule.Check(s, allNegative, s.ReleaseDate.AddDays(-1)).MayRelease);
        Assert.Equal(new Message("Quarantine.Release.NotServed", s.ReleaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ReleaseRule.Check(s, allNegative, s.ReleaseDate.AddDays(-1)).Reason);
        var onePending = allNegative.ToList();
        onePending[5] = TestState.Pending;
        Assert.Equal(new Message("Quarantine.Release.TestsPending", "1"), ReleaseRule.Check(s, onePending, s.ReleaseDate.AddDays(3)).Reason);
        Assert.False(ReleaseRule.Check(s, onePending, s.ReleaseDate.AddDays(3)).MayRelease);
        var positive = allNegative.ToList();
        positive[2] = TestState.Positive;
        Assert.False(ReleaseRule.Check(s, positive, s.ReleaseDate).MayRelease);
        Assert.Equal(new Message("Quarantine.Release.Positive"), ReleaseRule.Check(s, positive, s.ReleaseDate).Reason);
        Assert.Throws<ArgumentException>(() => ReleaseRule.Check(s, [TestState.Negative], s.ReleaseDate));
    }

    [Theory]
    [InlineData(36.6, 0, CheckInAlert.None)]
    [InlineData(37.3, 0, CheckInAlert.Fever)]
    [InlineData(37.2, 1, CheckInAlert.Symptoms)]
    [InlineData(38.5, 2, CheckInAlert.Fever)]
    public void A_check_in_with_fever_or_symptoms_raises_an_alert(double temperature, int symptoms, CheckInAlert expected) =>
        Assert.Equal(expected, CheckInRule.Assess((decimal)temperature, Enumerable.Repeat("咳嗽", symptoms).ToList()));

    [Fact]
    public void A_day_without_a_check_in_is_missed_from_the_cut_off()
    {
        var day = new DateOnly(2022, 4, 3);
        Assert.False(CheckInRule.IsMissed(day, false, new DateTime(2022, 4, 3, 19, 59, 0), CheckInRule.DefaultCutOff));
        Assert.True(CheckInRule.IsMissed(day, false, new DateTime(2022, 4, 3, 20, 0, 0), CheckInRule.DefaultCutOff));
        Assert.False(CheckInRule.IsMissed(day, true, new DateTime(2022, 4, 4, 9, 0, 0), CheckInRule.DefaultCutOff));
    }
}

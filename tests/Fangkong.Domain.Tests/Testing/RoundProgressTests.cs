using Fangkong.Domain.Testing;

namespace Fangkong.Domain.Tests.Testing;

/// <summary>A round's verdict follows the clock: the plan's "meets the deadline" stops counting once the plan's time has passed.</summary>
public sealed class RoundProgressTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Finish = Start.AddHours(10), Deadline = Start.AddHours(21);

    private static RoundFacts Round(int residents = 1000, int sampled = 0, bool opened = true, bool closed = false, bool standing = false, TimeSpan overrun = default) =>
        new(standing, opened, closed, Start, Deadline, overrun > TimeSpan.Zero ? Deadline + overrun : Finish, overrun, residents, sampled);

    [Fact]
    public void A_round_past_its_planned_finish_with_nobody_sampled_is_behind_not_on_time()
    {
        var p = RoundProgressRule.Assess(Round(sampled: 0), Finish.AddHours(2));
        Assert.Equal((RoundProgressKind.Behind, 1000, TimeSpan.FromHours(2)), (p.Kind, p.Unsampled, p.Late));
    }

    [Fact]
    public void Past_the_sampling_deadline_it_is_late_with_those_still_unsampled()
    {
        var p = RoundProgressRule.Assess(Round(sampled: 640), Deadline.AddDays(9));
        Assert.Equal((RoundProgressKind.PastDeadline, 360), (p.Kind, p.Unsampled));
    }

    [Fact]
    public void Before_the_planned_finish_the_plan_speaks()
    {
        Assert.Equal(RoundProgressKind.OnTime, RoundProgressRule.Assess(Round(sampled: 10), Start.AddHours(1)).Kind);
        var late = RoundProgressRule.Assess(Round(overrun: TimeSpan.FromMinutes(90)), Start.AddHours(1));
        Assert.Equal((RoundProgressKind.PlanOverruns, TimeSpan.FromMinutes(90)), (late.Kind, late.Late));
        Assert.Equal(RoundProgressKind.OnTime, RoundProgressRule.Assess(Round(opened: false), Start.AddHours(-3)).Kind);
    }

    [Fact]
    public void A_planned_round_not_opened_after_its_start_says_so()
    {
        Assert.Equal(RoundProgressKind.NotStarted, RoundProgressRule.Assess(Round(opened: false), Start.AddMinutes(30)).Kind);
        Assert.Equal(RoundProgressKind.PastDeadline, RoundProgressRule.Assess(Round(opened: false), Deadline.AddMinutes(1)).Kind);
    }

    [Fact]
    public void Everyone_sampled_closed_and_standing_rounds_are_what_they_are_whatever_the_clock()
    {
        Assert.Equal(RoundProgressKind.AllSampled, RoundProgressRule.Assess(Round(sampled: 1000), Deadline.AddDays(1)).Kind);
        Assert.Equal(RoundProgressKind.Closed, RoundProgressRule.Assess(Round(closed: true), Deadline.AddDays(1)).Kind);
        // The standing quarantine round has no area (0 residents) and a deadline a year out: never "meets the deadline".
        Assert.Equal(RoundProgressKind.Standing, RoundProgressRule.Assess(Round(residents: 0, standing: true), Start.AddDays(12)).Kind);
    }

    [Fact]
    public void A_round_over_an_empty_area_is_not_done_by_default()
    {
        Assert.Equal(RoundProgressKind.Behind, RoundProgressRule.Assess(Round(residents: 0), Finish.AddMinutes(1)).Kind);
    }
}

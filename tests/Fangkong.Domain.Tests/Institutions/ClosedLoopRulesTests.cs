using Fangkong.Domain.Institutions;

namespace Fangkong.Domain.Tests.Institutions;

/// <summary>Closed management: no visitors while closed; closed-loop shifts of N days with their tests per policy.</summary>
public sealed class ClosedLoopRulesTests
{
    private static readonly InstitutionPolicy Daily = new();
    private static readonly DateOnly Start = new(2026, 11, 10);

    [Fact]
    public void Visitors_are_refused_from_the_first_closed_day_until_it_is_lifted()
    {
        Assert.True(ClosedLoopRules.VisitorsAllowed(null, null, Start));
        Assert.True(ClosedLoopRules.VisitorsAllowed(Start, null, Start.AddDays(-1)));
        Assert.False(ClosedLoopRules.VisitorsAllowed(Start, null, Start));
        Assert.False(ClosedLoopRules.VisitorsAllowed(Start, Start.AddDays(20), Start.AddDays(19)));
        Assert.True(ClosedLoopRules.VisitorsAllowed(Start, Start.AddDays(20), Start.AddDays(20)));
    }

    [Fact]
    public void A_shift_tested_every_day_is_on_shift_and_owes_todays_test_until_taken()
    {
        var tested = new HashSet<DateOnly> { Start, Start.AddDays(1) };
        var s = ClosedLoopRules.Status(Start, 14, null, tested, Start.AddDays(2), Daily);
        Assert.Equal(ShiftState.TestOwed, s.State);
        Assert.Equal([Start.AddDays(2)], s.TestsOwed);
        Assert.Equal(3, s.Day);
        tested.Add(Start.AddDays(2));
        Assert.Equal(ShiftState.OnShift, ClosedLoopRules.Status(Start, 14, null, tested, Start.AddDays(2), Daily).State);
    }

    [Fact]
    public void Tests_every_other_day_owe_only_those_days()
    {
        var everyOther = Daily with { TestEveryDays = 2 };
        Assert.Equal([Start, Start.AddDays(2), Start.AddDays(4)], ClosedLoopRules.TestDays(Start, 14, Start.AddDays(5), everyOther));
        var s = ClosedLoopRules.Status(Start, 14, null, new HashSet<DateOnly> { Start, Start.AddDays(2) }, Start.AddDays(3), everyOther);
        Assert.Equal(ShiftState.OnShift, s.State);
    }

    [Fact]
    public void The_last_day_is_due_for_relief_and_after_it_the_shift_overruns()
    {
        var all = Enumerable.Range(0, 20).Select(Start.AddDays).ToHashSet();
        Assert.Equal(ShiftState.Due, ClosedLoopRules.Status(Start, 14, null, all, Start.AddDays(13), Daily).State);
        Assert.Equal(Start.AddDays(13), ClosedLoopRules.Status(Start, 14, null, all, Start.AddDays(13), Daily).LastDay);
        Assert.Equal(ShiftState.Overrun, ClosedLoopRules.Status(Start, 14, null, all, Start.AddDays(14), Daily).State);
        Assert.Equal(ShiftState.Ended, ClosedLoopRules.Status(Start, 14, Start.AddDays(13), all, Start.AddDays(14), Daily).State);
    }

    [Fact]
    public void Only_nursing_homes_and_child_welfare_institutions_close()
    {
        Assert.True(InstitutionKinds.MayClose(InstitutionKind.NursingHome));
        Assert.True(InstitutionKinds.MayClose(InstitutionKind.ChildWelfare));
        Assert.False(InstitutionKinds.MayClose(InstitutionKind.School));
    }
}

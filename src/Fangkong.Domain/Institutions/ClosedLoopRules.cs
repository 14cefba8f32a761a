namespace Fangkong.Domain.Institutions;

/// <summary>Where a staff member's closed-loop shift stands on a day.</summary>
public enum ShiftState
{
    /// <summary>Inside, tests up to date.</summary>
    OnShift = 1,
    /// <summary>Inside, a test owed (today's not yet, or an earlier one missed).</summary>
    TestOwed = 2,
    /// <summary>The shift's days are served: to be relieved (换班) today or sooner.</summary>
    Due = 3,
    /// <summary>Past its last day and still not relieved.</summary>
    Overrun = 4,
    /// <summary>Ended by a relief.</summary>
    Ended = 5,
}

/// <summary>A shift's state and what it owes on a day.</summary>
public sealed record ShiftStatus(ShiftState State, int Day, DateOnly LastDay, IReadOnlyList<DateOnly> TestsOwed);

/// <summary>
/// Closed management (封闭管理) of nursing homes and child welfare institutions (issue 23 part 4): no visitor enters while
/// the institution is closed; staff work inside in closed-loop shifts of N days, each tested on its first day and every
/// K days after per policy; a shift past its days is to be relieved by the next.
/// </summary>
public static class ClosedLoopRules
{
    /// <summary>Visitors are refused from the day closed management begins until it ends (ended: the day it was lifted).</summary>
    public static bool VisitorsAllowed(DateOnly? closedSince, DateOnly? closedUntil, DateOnly day) =>
        closedSince is not { } since || day < since || (closedUntil is { } until && day >= until);

    /// <summary>The days of a shift a test is due on, up to and including <paramref name="through"/>.</summary>
    public static IEnumerable<DateOnly> TestDays(DateOnly startsOn, int days, DateOnly through, InstitutionPolicy policy)
    {
        var every = Math.Max(1, policy.TestEveryDays);
        var last = startsOn.AddDays(days - 1);
        for (var d = startsOn; d <= through && d <= last; d = d.AddDays(every)) yield return d;
    }

    public static ShiftStatus Status(DateOnly startsOn, int days, DateOnly? endedOn, IReadOnlyCollection<DateOnly> tested, DateOnly today, InstitutionPolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var last = startsOn.AddDays(days - 1);
        var day = today.DayNumber - startsOn.DayNumber + 1;
        if (endedOn is { } e && e <= today) return new ShiftStatus(ShiftState.Ended, day, last, []);
        var owed = TestDays(startsOn, days, today, policy).Where(d => !tested.Contains(d)).ToList();
        var state = today > last ? ShiftState.Overrun : today == last ? ShiftState.Due : owed.Count > 0 ? ShiftState.TestOwed : ShiftState.OnShift;
        return new ShiftStatus(state, day, last, owed);
    }
}

using System.Globalization;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Quarantine;

public enum TestState { Pending = 0, Negative = 1, Positive = 2 }

/// <param name="Reason">Why, for the officer: a sentence of Core's catalogue ("Quarantine.Release.*").</param>
public sealed record ReleaseCheck(bool MayRelease, Message Reason);

/// <summary>Release needs the whole duration served and every scheduled test negative (domain.md §6).</summary>
public static class ReleaseRule
{
    /// <param name="results">The state of each scheduled test, in the schedule's order.</param>
    public static ReleaseCheck Check(QuarantineSchedule schedule, IReadOnlyList<TestState> results, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count != schedule.Tests.Count)
            throw new ArgumentException($"expected {schedule.Tests.Count} test states, got {results.Count}", nameof(results));
        if (results.Any(r => r == TestState.Positive)) return new(false, new Message("Quarantine.Release.Positive"));
        if (today < schedule.ReleaseDate)
            return new(false, new Message("Quarantine.Release.NotServed", schedule.ReleaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var pending = results.Count(r => r == TestState.Pending);
        if (pending > 0) return new(false, new Message("Quarantine.Release.TestsPending", pending.ToString(CultureInfo.InvariantCulture)));
        return new(true, new Message("Quarantine.Release.Served"));
    }
}

namespace Fangkong.Domain.Quarantine;

public enum TestState { Pending = 0, Negative = 1, Positive = 2 }

public sealed record ReleaseCheck(bool MayRelease, string Reason);

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
        if (results.Any(r => r == TestState.Positive)) return new(false, "检测阳性，转为病例处置 / a test was positive: handled as a case");
        if (today < schedule.ReleaseDate)
            return new(false, $"隔离期未满，{schedule.ReleaseDate:yyyy-MM-dd}可解除 / not served yet: release from {schedule.ReleaseDate:yyyy-MM-dd}");
        var pending = results.Count(r => r == TestState.Pending);
        if (pending > 0) return new(false, $"尚有{pending}次检测未出阴性结果 / {pending} scheduled tests have no negative result yet");
        return new(true, "期满且检测均为阴性，可解除 / served in full with every test negative");
    }
}

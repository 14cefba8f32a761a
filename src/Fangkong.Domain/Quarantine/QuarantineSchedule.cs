namespace Fangkong.Domain.Quarantine;

/// <summary>One scheduled nucleic-acid test of a quarantined person.</summary>
public sealed record ScheduledTest(DateOnly Date, QuarantinePlace Place, int StageDay, int Samples);

/// <summary>A quarantine laid out on the calendar: its stages' dates, its tests, and the day it may end.</summary>
public sealed record QuarantineSchedule(DateOnly Day1, IReadOnlyList<(QuarantinePlace Place, DateOnly From, DateOnly To)> Stages,
    IReadOnlyList<ScheduledTest> Tests, DateOnly ReleaseDate)
{
    /// <param name="day1">Day 1 of the quarantine (the day counted from, as the protocol counts it: the last exposure or the start).</param>
    public static QuarantineSchedule Generate(QuarantinePlan plan, DateOnly day1)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var stages = new List<(QuarantinePlace, DateOnly, DateOnly)>();
        var tests = new List<ScheduledTest>();
        var from = day1;
        var lastTestDay = plan.Stages.SelectMany((s, i) => s.TestDays.Select(d => (Stage: i, Day: d))).LastOrDefault();
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            var stage = plan.Stages[i];
            var to = from.AddDays(stage.Days - 1);
            stages.Add((stage.Place, from, to));
            foreach (var d in stage.TestDays.Order())
            {
                var last = i == lastTestDay.Stage && d == lastTestDay.Day;
                tests.Add(new ScheduledTest(from.AddDays(d - 1), stage.Place, d, last ? plan.SamplesOnLastTest : 1));
            }
            from = to.AddDays(1);
        }
        // Released on the day after the last day served.
        return new QuarantineSchedule(day1, stages, tests, from);
    }

    /// <summary>Where the person should be on a date; null before day 1 or from the release date on.</summary>
    public QuarantinePlace? PlaceOn(DateOnly date)
    {
        foreach (var (place, from, to) in Stages)
            if (date >= from && date <= to) return place;
        return null;
    }
}

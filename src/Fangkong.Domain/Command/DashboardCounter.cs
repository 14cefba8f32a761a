namespace Fangkong.Domain.Command;

/// <summary>One day of the trend: the bulletin's day figures, reduced to what the dashboard plots.</summary>
public sealed record DayTrend(DateOnly Day, int NewConfirmed, int NewAsymptomatic, int Conversions, int Discharged, int ReleasedAsymptomatic,
    int InCare, int AsymptomaticUnderObservation, int CloseContactsUnderObservation, int SecondaryContactsUnderObservation);

/// <summary>One place's cases on a day: new that day and cumulative to its end.</summary>
public sealed record PlaceCases(string Place, int NewConfirmed, int NewAsymptomatic, int CumulativeConfirmed, int CumulativeAsymptomatic, int InCare);

/// <summary>How an epidemic curve dates a case: by symptom onset (cases with one) or by report.</summary>
public enum CurveDate { Onset = 1, Report = 2 }

/// <summary>One bar of an epidemic curve: a day, and the infections of that day by place.</summary>
public sealed record CurveBar(DateOnly Day, IReadOnlyDictionary<string, int> ByPlace)
{
    public int Total => ByPlace.Values.Sum();
}

/// <summary>
/// The dashboard's case figures, counted by the same rules as the bulletin (<see cref="BulletinCounter"/>): the trend is
/// the bulletin's figures day by day; places and curves group the same facts.
/// </summary>
public static class DashboardCounter
{
    public static IReadOnlyList<DayTrend> Trend(DateOnly from, DateOnly to, BulletinLevel level, PlaceCount area,
        IReadOnlyDictionary<string, PlaceCount> places, IReadOnlyCollection<CaseFact> cases, IReadOnlyCollection<ContactFact> contacts)
    {
        var days = new List<DayTrend>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var f = BulletinCounter.Count(d, level, area, places, cases, contacts);
            days.Add(new DayTrend(d, f.NewConfirmed.Total, f.NewAsymptomatic, f.Conversions, f.Discharged, f.ReleasedAsymptomatic,
                f.CurrentConfirmed, f.AsymptomaticUnderObservation, f.CloseContactsUnderObservation, f.SecondaryContactsUnderObservation));
        }
        return days;
    }

    /// <summary>Confirmed cases at the end of the day neither discharged nor dead.</summary>
    public static int InCare(IEnumerable<CaseFact> cases, DateOnly day) => cases.Count(c => c.ConfirmedOn is { } d && d <= day && !c.EndedBy(day));

    /// <summary>Every place with a case by the end of the day, most cumulative confirmed first.</summary>
    public static IReadOnlyList<PlaceCases> ByPlace(IEnumerable<CaseFact> cases, DateOnly day) =>
        cases.GroupBy(c => c.Place).Select(g => new PlaceCases(g.Key,
                g.Count(c => c.ConfirmedOn == day),
                g.Count(c => c.Reported == day && c.ReportedAsymptomatic),
                g.Count(c => c.ConfirmedOn is { } d && d <= day),
                g.Count(c => c.ReportedAsymptomatic && c.Reported <= day),
                InCare(g, day)))
            .Where(p => p.CumulativeConfirmed + p.CumulativeAsymptomatic > 0)
            .OrderByDescending(p => p.CumulativeConfirmed).ThenByDescending(p => p.CumulativeAsymptomatic).ThenBy(p => p.Place, Text.CodePointOrder.Instance).ToList();

    /// <summary>Infections (confirmed and asymptomatic) per day from <paramref name="from"/> to <paramref name="to"/>, stacked by place.</summary>
    public static IReadOnlyList<CurveBar> Curve(IEnumerable<CaseFact> cases, DateOnly from, DateOnly to, CurveDate by)
    {
        var counts = new Dictionary<DateOnly, Dictionary<string, int>>();
        foreach (var c in cases)
        {
            if ((by == CurveDate.Onset ? c.Onset : c.Reported) is not { } day || day < from || day > to) continue;
            if (!counts.TryGetValue(day, out var places)) counts[day] = places = new Dictionary<string, int>(StringComparer.Ordinal);
            places[c.Place] = places.GetValueOrDefault(c.Place) + 1;
        }
        var bars = new List<CurveBar>();
        for (var d = from; d <= to; d = d.AddDays(1))
            bars.Add(new CurveBar(d, counts.TryGetValue(d, out var p) ? p : new Dictionary<string, int>()));
        return bars;
    }
}

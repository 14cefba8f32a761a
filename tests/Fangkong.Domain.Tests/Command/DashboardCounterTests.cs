using Fangkong.Domain.Command;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Command;

/// <summary>The dashboard's trend, places and epidemic curves against hand-built cases and brute-force counts.</summary>
public sealed class DashboardCounterTests
{
    private static readonly DateOnly Day = new(2022, 3, 14);
    private static readonly PlaceCount City = new("辽源市", "Liaoyuan", 0);
    private static readonly Dictionary<string, PlaceCount> Places = new()
    {
        ["220402"] = new("龙山区", "Longshan District", 0),
        ["220403"] = new("西安区", "Xi'an District", 0),
    };

    [Fact]
    public void Places_count_new_and_cumulative_cases_and_those_still_in_care()
    {
        CaseFact[] cases =
        [
            new("220402", ClinicalType.Mild, Day, null, CaseOutcome.None, null),
            new("220402", ClinicalType.Common, Day.AddDays(-3), Day, CaseOutcome.None, null),            // converted today: new confirmed, asymptomatic before
            new("220402", ClinicalType.Mild, Day.AddDays(-10), null, CaseOutcome.Discharged, Day),       // discharged: not in care
            new("220403", null, Day, null, CaseOutcome.None, null),
            new("220403", ClinicalType.Mild, Day.AddDays(1), null, CaseOutcome.None, null),              // tomorrow: not counted
        ];
        var rows = DashboardCounter.ByPlace(cases, Day);

        Assert.Equal(["220402", "220403"], rows.Select(r => r.Place));
        Assert.Equal(new PlaceCases("220402", 2, 0, 3, 1, 2), rows[0]);
        Assert.Equal(new PlaceCases("220403", 0, 1, 0, 1, 0), rows[1]);
    }

    [Fact]
    public void Curves_date_infections_by_onset_or_report_and_stack_them_by_place()
    {
        CaseFact[] cases =
        [
            new("220402", ClinicalType.Mild, Day, null, CaseOutcome.None, null, Day.AddDays(-2)),
            new("220403", ClinicalType.Mild, Day, null, CaseOutcome.None, null, Day.AddDays(-2)),
            new("220403", null, Day.AddDays(-1), null, CaseOutcome.None, null),                          // no onset: on the report curve only
            new("220403", ClinicalType.Mild, Day.AddDays(-9), null, CaseOutcome.None, null, Day.AddDays(-9)), // before the range
        ];
        var onset = DashboardCounter.Curve(cases, Day.AddDays(-3), Day, CurveDate.Onset);
        var report = DashboardCounter.Curve(cases, Day.AddDays(-3), Day, CurveDate.Report);

        Assert.Equal(4, onset.Count);
        Assert.Equal([0, 2, 0, 0], onset.Select(b => b.Total));
        Assert.Equal(1, onset[1].ByPlace["220402"]);
        Assert.Equal([0, 0, 1, 2], report.Select(b => b.Total));
        Assert.Equal(2, report[3].ByPlace["220403"] + report[3].ByPlace["220402"]);
    }

    [Fact]
    public void Trend_agrees_with_brute_force_counts_on_every_day()
    {
        var random = new Random(20220315);
        var cases = Enumerable.Range(0, 1_500).Select(_ =>
        {
            var reported = Day.AddDays(-random.Next(30));
            ClinicalType? type = random.Next(3) == 0 ? null : (ClinicalType)random.Next(2, 6);
            DateOnly? converted = type is not null && random.Next(4) == 0 ? reported.AddDays(random.Next(0, 5)) : null;
            var outcome = (CaseOutcome)random.Next(4);
            DateOnly? ended = outcome == CaseOutcome.None ? null : reported.AddDays(random.Next(5, 20));
            DateOnly? onset = type is null ? null : reported.AddDays(-random.Next(0, 4));
            return new CaseFact(random.Next(2) == 0 ? "220402" : "220403", type, reported, converted, outcome, ended, onset);
        }).ToList();
        var contacts = Enumerable.Range(0, 3_000).Select(_ =>
        {
            var traced = Day.AddDays(-random.Next(30));
            // 3,000 designations of at most 800 persons: most persons are contacts of several cases.
            return new ContactFact(random.Next(800), random.Next(3) == 0, traced, random.Next(2) == 0 ? traced.AddDays(random.Next(1, 15)) : null);
        }).ToList();

        var trend = DashboardCounter.Trend(Day.AddDays(-29), Day, BulletinLevel.City, City, Places, cases, contacts);
        var curve = DashboardCounter.Curve(cases, Day.AddDays(-29), Day, CurveDate.Report);
        var onsetCurve = DashboardCounter.Curve(cases, Day.AddDays(-29), Day, CurveDate.Onset);

        Assert.Equal(30, trend.Count);
        foreach (var (t, i) in trend.Select((t, i) => (t, i)))
        {
            var d = t.Day;
            DateOnly? ConfirmedOn(CaseFact c) => c.Type is null ? null : c.Converted is { } v && v > c.Reported ? v : c.Reported;
            bool Ended(CaseFact c) => c.Outcome != CaseOutcome.None && c.OutcomeDate <= d;
            Assert.Equal(cases.Count(c => ConfirmedOn(c) == d), t.NewConfirmed);
            Assert.Equal(cases.Count(c => c.Reported == d && (c.Type is null || c.Converted > c.Reported)), t.NewAsymptomatic);
            Assert.Equal(cases.Count(c => c.Type is not null && c.Converted == d && c.Reported < d), t.Conversions);
            Assert.Equal(cases.Count(c => ConfirmedOn(c) <= d && !Ended(c)), t.InCare);
            Assert.Equal(contacts.Where(c => !c.Secondary && c.Traced <= d && !(c.Released <= d)).DistinctBy(c => c.Person).Count(), t.CloseContactsUnderObservation);
            Assert.Equal(contacts.Where(c => c.Secondary && c.Traced <= d && !(c.Released <= d)).DistinctBy(c => c.Person).Count(), t.SecondaryContactsUnderObservation);
            Assert.Equal(cases.Count(c => c.Reported == d), curve[i].Total);
            Assert.Equal(cases.Count(c => c.Onset == d), onsetCurve[i].Total);
            Assert.Equal(cases.Count(c => c.Reported == d && c.Place == "220402"), curve[i].ByPlace.GetValueOrDefault("220402"));
        }
        // The facts do hold persons with several open designations, so persons and designations differ.
        Assert.True(trend[^1].CloseContactsUnderObservation < contacts.Count(c => !c.Secondary && c.Traced <= Day && !(c.Released <= Day)));
        var places = DashboardCounter.ByPlace(cases, Day);
        Assert.Equal(cases.Count(c => ConfirmedOnDay(c) <= Day), places.Sum(p => p.CumulativeConfirmed));
        Assert.Equal(trend[^1].InCare, places.Sum(p => p.InCare));
        Assert.Equal(trend[^1].NewConfirmed, places.Sum(p => p.NewConfirmed));
    }

    private static DateOnly? ConfirmedOnDay(CaseFact c) => c.Type is null ? null : c.Converted is { } v && v > c.Reported ? v : c.Reported;
}

using System.Globalization;
using Fangkong.Core.Quarantine;
using Fangkong.Domain.Command;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Command;

/// <summary>
/// The dashboard's numbers, each with the line-list filter that selects exactly the rows it counts (as of today), so a
/// click shows the people behind a number and a test can hold every number against its list.
/// </summary>
internal sealed partial class DashboardFigureList(DateOnly today, BulletinLevel level)
{
    private readonly string _today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly ClinicalType[] Types = [ClinicalType.Mild, ClinicalType.Common, ClinicalType.Severe, ClinicalType.Critical];

    public List<DashboardFigure> Items { get; } = [];

    public void Cases(BulletinFigures f, IReadOnlyList<ContactFact> contacts, IReadOnlyList<DashboardPlace> places)
    {
        var d = _today;
        Add("cases.newConfirmed", f.NewConfirmed.Total, Cases(("confirmedFrom", d), ("confirmedTo", d)));
        int[] byType = [f.NewConfirmed.Mild, f.NewConfirmed.Common, f.NewConfirmed.Severe, f.NewConfirmed.Critical];
        for (var i = 0; i < Types.Length; i++)
            Add($"cases.newConfirmed.{Types[i]}", byType[i], Cases(("confirmedFrom", d), ("confirmedTo", d), ("class", Types[i].ToString())));
        Add("cases.newAsymptomatic", f.NewAsymptomatic, Cases(("from", d), ("to", d), ("reportedAsymptomatic", "true")));
        Add("cases.conversions", f.Conversions, Cases(("confirmedFrom", d), ("confirmedTo", d), ("reportedAsymptomatic", "true")));
        Add("cases.discharged", f.Discharged, Cases(("endedFrom", d), ("endedTo", d), ("course", "Recovered"), ("kind", "Confirmed")));
        Add("cases.releasedAsymptomatic", f.ReleasedAsymptomatic, Cases(("endedFrom", d), ("endedTo", d), ("course", "Recovered"), ("kind", "Asymptomatic")));
        Add("cases.cumulativeConfirmed", f.CumulativeConfirmed, Cases(("kind", "Confirmed")));
        Add("cases.inCare", f.CurrentConfirmed, Cases(("kind", "Confirmed"), ("course", "Open")));
        Add("cases.cumulativeDischarged", f.CumulativeDischarged, Cases(("kind", "Confirmed"), ("course", "Recovered")));
        Add("cases.deaths", f.CumulativeDeaths, Cases(("kind", "Confirmed"), ("course", "Died")));
        Add("cases.cumulativeAsymptomatic", f.CumulativeAsymptomatic, Cases(("reportedAsymptomatic", "true")));
        Add("cases.asymptomaticUnderObservation", f.AsymptomaticUnderObservation, Cases(("kind", "Asymptomatic"), ("course", "Open")));
        Add("cases.newSuspected", f.NewSuspected, Cases(("suspected", "Any"), ("suspectedFrom", d), ("suspectedTo", d)));
        Add("cases.cumulativeSuspected", f.CumulativeSuspected, Cases(("suspected", "Any")));
        Add("cases.suspectedExcluded", f.SuspectedExcluded, Cases(("suspected", "Excluded")));
        Add("cases.suspectedConverted", f.SuspectedConverted, Cases(("suspected", "Confirmed")));
        Add("cases.currentSuspected", f.CurrentSuspected, Cases(("suspected", "Current")));

        foreach (var (grade, secondary) in new[] { ("Close", false), ("Secondary", true) })
        {
            var mine = contacts.Where(c => c.Secondary == secondary).ToList();
            var key = $"contacts.{grade.ToLowerInvariant()}";
            // Persons of the grade with at least one such designation: the list keeps one row per person and grade.
            Add($"{key}.new", BulletinCounter.Persons(mine, c => c.Traced == today), Contacts(grade, ("decidedFrom", d), ("decidedTo", d)));
            Add($"{key}.underObservation", BulletinCounter.Persons(mine, c => c.UnderObservationAt(today)), Contacts(grade, ("released", "false"), ("becameCase", "false")));
            Add($"{key}.releasedToday", BulletinCounter.Persons(mine, c => c.Released == today), Contacts(grade, ("releasedFrom", d), ("releasedTo", d)));
            Add($"{key}.released", BulletinCounter.Persons(mine, c => c.Released is not null), Contacts(grade, ("released", "true")));
        }

        // A place's rows are a list's only when the place is a district (a city dashboard); "" is "address unknown".
        foreach (var p in places)
        {
            var district = level == BulletinLevel.City && p.Code.Length == 6 ? p.Code : null;
            FigureLink? By(params (string, string)[] q) => district is null ? null : Cases([.. q, ("district", district)]);
            var key = $"place.{(p.Code == "" ? "unknown" : p.Code)}";
            Add($"{key}.newConfirmed", p.Cases.NewConfirmed, By(("confirmedFrom", d), ("confirmedTo", d)));
            Add($"{key}.newAsymptomatic", p.Cases.NewAsymptomatic, By(("from", d), ("to", d), ("reportedAsymptomatic", "true")));
            Add($"{key}.cumulativeConfirmed", p.Cases.CumulativeConfirmed, By(("kind", "Confirmed")));
            Add($"{key}.cumulativeAsymptomatic", p.Cases.CumulativeAsymptomatic, By(("reportedAsymptomatic", "true")));
            Add($"{key}.inCare", p.Cases.InCare, By(("kind", "Confirmed"), ("course", "Open")));
        }
    }

    public void Isolation(IReadOnlyList<SiteOccupancy> sites, int centralized, int home)
    {
        Add("isolation.centralized", centralized, Quarantine(("state", nameof(QuarantineState.InQuarantine)), ("place", "Centralized")));
        Add("isolation.home", home, Quarantine(("state", nameof(QuarantineState.InQuarantine)), ("place", "Home")));
        Add("isolation.beds", sites.Sum(s => s.Beds), Page("/quarantine/sites"));
        foreach (var s in sites)
            Add($"isolation.site.{s.Id}", s.Persons, Quarantine(("state", nameof(QuarantineState.InQuarantine)), ("siteId", s.Id.ToString(CultureInfo.InvariantCulture))));
    }

    public void Round(RoundProgress r)
    {
        var page = Page($"/testing/rounds/{r.Id}");
        Add("testing.residents", r.Residents, page);
        Add("testing.sampled", r.Sampled, page);
        Add("testing.resultsOut", r.ResultsOut, page);
        Add("testing.missed", r.Missed, Page($"/testing/rounds/{r.Id}/missing"));
    }

    public void Alerts(IReadOnlyList<MonitoringAlert> alerts, RoundProgress? round, IReadOnlyList<FullVenue> venues)
    {
        var page = Page("/quarantine/alerts");
        Add("alerts.missedCheckIns", alerts.Count(a => a.Alert == CheckInAlert.Missed), page);
        Add("alerts.fever", alerts.Count(a => a.Alert == CheckInAlert.Fever), page);
        Add("alerts.symptoms", alerts.Count(a => a.Alert is not (CheckInAlert.Missed or CheckInAlert.Fever or CheckInAlert.None)), page);
        Add("alerts.stuckTubes", round?.StuckTubes ?? 0, round is null ? null : Page($"/testing/rounds/{round.Id}"));
        Add("alerts.fullVenues", venues.Count, Page("/monitor"));
    }

    /// <summary>Orders of supplies placed, delivered and overdue, packs and kilograms delivered: each links to the order list it counts (issue 20).</summary>
    public void Supplies(IReadOnlyList<Supplies.SupplyFigure> figures)
    {
        foreach (var f in figures)
            Add(f.Key, (int)Math.Min(int.MaxValue, f.Value), new(null, "/supplies/orders", Core.Supplies.SupplyFigureQuery.Of(f.Filter)));
    }

    private void Add(string key, int value, FigureLink? link) => Items.Add(new DashboardFigure(key, value, link));

    private static FigureLink Cases(params (string Key, string Value)[] q) => List("cases", "/tracing/cases", q);

    private static FigureLink Contacts(string grade, params (string Key, string Value)[] q) =>
        List("contacts", "/tracing/contacts", [("grade", grade), ("status", "Confirmed"), .. q, ("onePerPerson", "true")]);

    private static FigureLink Quarantine(params (string Key, string Value)[] q) => List("quarantine", "/tracing/quarantined", q);

    private static FigureLink List(string list, string path, (string Key, string Value)[] q) =>
        new(list, path, q.Select(x => KeyValuePair.Create(x.Key, x.Value)).ToList());

    private static FigureLink Page(string path) => new(null, path, []);

    /// <summary>Zones in force by level (the zone list behind each), and today's set and lifted.</summary>
    /// <param name="district">The district of a district's dashboard, whose zones alone it counts; null for a city's.</param>
    public void Zones(Zones.ZoneDay zones, string? district)
    {
        foreach (var level in new[] { Domain.Zones.ZoneLevel.Sealed, Domain.Zones.ZoneLevel.Controlled, Domain.Zones.ZoneLevel.Precaution })
        {
            (string, string)[] q = district is null ? [("state", "Active"), ("level", level.ToString())] : [("state", "Active"), ("level", level.ToString()), ("district", district)];
            Add($"zones.{level}", zones.Count(level), new(null, "/zones", q.Select(x => KeyValuePair.Create(x.Item1, x.Item2)).ToList()));
        }
        Add("zones.setToday", zones.New.Count, null);
        Add("zones.liftedToday", zones.Lifted.Count, null);
    }

    /// <summary>Road checkpoints today and passes (issue 21): each opens the vehicle-check or pass list it counts.</summary>
    public void Checkpoints(IReadOnlyList<Checkpoints.CheckpointFigure> checks, IReadOnlyList<Passes.PassFigure> passes)
    {
        foreach (var f in checks) Add(f.Key, f.Value, new FigureLink(null, "/checkpoints/checks", f.Filter));
        foreach (var f in passes) Add(f.Key, f.Value, new FigureLink(null, "/passes/list", f.Filter));
    }

    /// <summary>Unattended gates now, in all and per district, and overdue inspection findings (issue 24): each opens the supervision page's list it counts.</summary>
    public void Supervision(IReadOnlyList<Supervision.SupervisionFigure> figures)
    {
        foreach (var f in figures) Add(f.Key, f.Value, new FigureLink(null, "/supervision", f.Filter));
    }

    /// <summary>Citizens' requests: received and resolved today and in all, open, overdue, by category and district, each the ticket list behind it.</summary>
    public void Tickets(IReadOnlyList<Requests.TicketFigure> figures)
    {
        foreach (var f in figures) Add(f.Key, f.Value, new FigureLink("tickets", "/requests/list", f.Filter));
    }

    /// <summary>Venue-code scans today, entries, refusals, 代登记 and the busiest venues, each the scan list behind it (issue 21).</summary>
    public void VenueScans(IReadOnlyList<VenueCodes.VenueScanFigure> figures)
    {
        foreach (var f in figures) Add(f.Key, f.Value, new FigureLink("venue-scans", "/venue-codes/scans", f.Filter));
    }

    /// <summary>Returnees: registered by origin and by rule, under a measure, released, overdue, each the returnee list behind it (issue 21).</summary>
    public void Returnees(IReadOnlyList<Returnees.ReturneeFigure> figures)
    {
        foreach (var f in figures) Add(f.Key, f.Value, new FigureLink("returnees", "/returnees/list", f.Filter));
    }
}

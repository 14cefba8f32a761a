using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Domain.Command;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Command;

/// <summary>
/// Builds the dashboard in one pass: the case and contact figures from the bulletin's own facts and counter, isolation,
/// the running round and alerts from grouped queries. Each figure carries the line-list filter that counts the same rows.
/// </summary>
public sealed class DashboardBuilder(CityClock clock, RoundQuality quality, CheckIns checkIns, BulletinPolicy placeOrder, Supplies.SupplyFigures supplies)
{
    public const int TrendDays = 30;

    /// <summary>The area a dashboard shows when none is chosen: the city when the store holds one, else the province.</summary>
    public static async Task<(BulletinLevel Level, string Code)> DefaultAreaAsync(FangkongDb db, CancellationToken ct)
    {
        var cities = await db.Districts.AsNoTracking().Select(d => d.CityCode).Distinct().ToListAsync(ct);
        if (cities.Count == 0) throw new InputException("area", Messages.Get("Command.NoDistricts"));
        return cities.Count == 1 ? (BulletinLevel.City, cities[0]) : (BulletinLevel.Province, Regions.ProvinceOf(cities[0]));
    }

    public async Task<DashboardSnapshot> BuildAsync(FangkongDb db, BulletinLevel level, string areaCode, CancellationToken ct)
    {
        var started = clock.Time.GetTimestamp();
        var now = clock.UtcNow;
        var today = clock.Today;
        // To the end of today: what has happened so far (nothing is stamped later than now).
        var facts = await BulletinFacts.LoadAsync(db, clock, clock.StartOfDayUtc(today.AddDays(1)), level, areaCode, ct, placeOrder);
        var figures = BulletinCounter.Count(today, level, facts.Area, facts.Places, facts.Cases, facts.Contacts, facts.Suspected);
        var from = today.AddDays(1 - TrendDays);
        var places = DashboardCounter.ByPlace(facts.Cases, today)
            .Select(p => facts.Places.TryGetValue(p.Place, out var n) ? new DashboardPlace(p.Place, n.Name, n.EnglishName, p) : new DashboardPlace(p.Place, p.Place, p.Place, p))
            .ToList();
        var sites = await SitesAsync(db, ct);
        var hospitals = await DashboardHospitals.ReadAsync(db, ct);
        var isolated = await db.QuarantineStays.AsNoTracking().Where(s => s.State == QuarantineState.InQuarantine).GroupBy(s => s.Place)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var home = isolated.GetValueOrDefault(QuarantinePlace.Home);
        var round = await RoundAsync(db, ct);
        var venues = await FullVenuesAsync(db, ct);
        var alerts = await checkIns.AlertsAsync(db, null, ct);
        var zones = await Zones.ZoneTallies.ReadAsync(db, clock, today, level == BulletinLevel.District ? areaCode : null, ct);
        var tickets = await Requests.TicketFigures.ReadAsync(db, clock, today, level == BulletinLevel.District ? areaCode : null, ct);
        var returnees = await Returnees.ReturneeFigures.ReadAsync(db, clock, today, level == BulletinLevel.District ? areaCode : null, ct);

        var list = new DashboardFigureList(today, level);
        list.Cases(figures, facts.Contacts, places);
        list.Isolation(sites, isolated.GetValueOrDefault(QuarantinePlace.Centralized), home);
        list.Hospitals(hospitals);
        list.Alerts(alerts, round, venues);
        if (round is not null) list.Round(round);
        list.Zones(zones, level == BulletinLevel.District ? areaCode : null);
        list.Supplies(await supplies.CountAsync(db, level == BulletinLevel.District ? areaCode : null, ct));
        list.Tickets(tickets);
        list.VenueScans(await VenueCodes.VenueScanFigures.ReadAsync(db, clock, today, level == BulletinLevel.District ? areaCode : null, ct));
        list.Returnees(returnees);
        list.Checkpoints(await Checkpoints.CheckpointFigures.ReadAsync(db, today, level == BulletinLevel.District ? areaCode : null, ct),
            await Passes.PassFigures.ReadAsync(db, clock, today, ct));
        list.Supervision(await Supervision.SupervisionFigures.ReadAsync(db, now, level == BulletinLevel.District ? areaCode : null, ct));
        return new DashboardSnapshot
        {
            AtUtc = now,
            BuildTime = clock.Time.GetElapsedTime(started),
            Today = today,
            Level = level,
            AreaCode = areaCode,
            Area = facts.Area,
            TodayFigures = figures,
            Trend = DashboardCounter.Trend(from, today, level, facts.Area, facts.Places, facts.Cases, facts.Contacts),
            CurveByOnset = DashboardCounter.Curve(facts.Cases, from, today, CurveDate.Onset),
            CurveByReport = DashboardCounter.Curve(facts.Cases, from, today, CurveDate.Report),
            Places = places,
            Sites = sites,
            HomeIsolation = home,
            Hospitals = hospitals,
            Round = round,
            FullVenues = venues,
            Zones = zones,
            Figures = list.Items,
        };
    }

    private static async Task<List<SiteOccupancy>> SitesAsync(FangkongDb db, CancellationToken ct)
    {
        var sites = await db.QuarantineSites.AsNoTracking().Select(s => new { s.Id, s.Name, s.DistrictCode }).ToListAsync(ct);
        var rooms = await db.QuarantineRooms.AsNoTracking().GroupBy(r => r.SiteId)
            .Select(g => new { g.Key, Rooms = g.Count(), Beds = g.Sum(r => r.Beds) }).ToDictionaryAsync(x => x.Key, ct);
        var taken = await db.QuarantineStays.AsNoTracking().Where(x => x.SiteId != null && x.State == QuarantineState.InQuarantine)
            .GroupBy(x => x.SiteId!.Value).Select(g => new { g.Key, Persons = g.Count(), Rooms = g.Select(x => x.RoomId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, ct);
        return sites.Select(s =>
        {
            var r = rooms.GetValueOrDefault(s.Id);
            var t = taken.GetValueOrDefault(s.Id);
            return new SiteOccupancy(s.Id, s.Name, s.DistrictCode, r?.Rooms ?? 0, r?.Beds ?? 0, t?.Rooms ?? 0, t?.Persons ?? 0);
        }).OrderByDescending(s => s.Load).ThenBy(s => s.Name, Domain.Text.CodePointOrder.Instance).ToList();
    }

    // The open round, or else the one closed last: its coverage from the roster, turnaround and stuck tubes.
    private async Task<RoundProgress?> RoundAsync(FangkongDb db, CancellationToken ct)
    {
        // A mass-testing round: the standing round that holds quarantine tests is always open and has no roster to cover.
        // Nor a zone's round, which tests a few compounds on their days, not the city.
        var rounds = db.TestingRounds.AsNoTracking().Where(r => r.Scope != RoundScope.Quarantine && r.Scope != RoundScope.Zones);
        var round = await rounds.Where(r => r.Status == RoundStatus.Open).OrderByDescending(r => r.OpenedAtUtc).FirstOrDefaultAsync(ct)
            ?? await rounds.Where(r => r.Status == RoundStatus.Closed).OrderByDescending(r => r.ClosedAtUtc).FirstOrDefaultAsync(ct);
        if (round is null) return null;
        var coverage = await db.RoundResidents.AsNoTracking().Where(x => x.RoundId == round.Id).GroupBy(x => 1)
            .Select(g => new { Residents = g.Count(), Sampled = g.Count(x => x.SampledAtUtc != null), Results = g.Count(x => x.ResultAtUtc != null), Missed = g.Count(x => x.Missed) })
            .ToListAsync(ct); // one group or none; listed rather than First() so EF does not warn of an unordered First on every build
        var turnaround = await RoundQuality.TurnaroundAsync(db, round.Id, ct);
        var stuck = await quality.StuckAsync(db, round.Id, 1, 1, ct);
        var c = coverage.FirstOrDefault();
        return new RoundProgress(round.Id, round.Name, round.Status.ToString(), c?.Residents ?? 0, c?.Sampled ?? 0, c?.Results ?? 0,
            c?.Missed ?? 0, turnaround.SamplingToResult.Median, turnaround.SamplingToResult.Count == 0 ? null : turnaround.SamplingToResult.WithinTargetShare,
            (int)stuck.Total);
    }

    // Open visits are few and indexed apart (IX_visits_open_by_venue), so this reads who is inside now, not the history.
    private static async Task<List<FullVenue>> FullVenuesAsync(FangkongDb db, CancellationToken ct)
    {
        var inside = await db.Visits.AsNoTracking().Where(v => v.ExitedAtUtc == null).GroupBy(v => v.VenueId)
            .Select(g => new { g.Key, Inside = g.Count() }).ToListAsync(ct);
        if (inside.Count == 0) return [];
        var ids = inside.Select(x => x.Key).ToList();
        var venues = await db.Venues.AsNoTracking().Where(v => ids.Contains(v.Id) && v.Capacity > 0)
            .Select(v => new { v.Id, v.Name, v.Capacity }).ToDictionaryAsync(v => v.Id, ct);
        return inside.Where(x => venues.TryGetValue(x.Key, out var v) && x.Inside >= v.Capacity)
            .Select(x => new FullVenue(x.Key, venues[x.Key].Name, x.Inside, venues[x.Key].Capacity))
            .OrderByDescending(v => (double)v.Inside / v.Capacity).ToList();
    }
}

using System.Globalization;
using Fangkong.Core.Checkpoints;
using Fangkong.Core.Passes;
using Fangkong.Core.Seeding;
using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Passes;
using Fangkong.Domain.People;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Vehicles at the demo's road checkpoints (issue 21, ADR 0040), through the tablet's own use case as the demo's checkpoint
/// staff (东辽县): each simulated day, a night's and an afternoon's traffic — cars with residents coming home, some of them
/// from other regions' risk areas in force (registered as returnees at once, isolated or observed by the rule), visitors
/// from elsewhere known by ID number only, now and then a fever; a bus; and the freight trucks of a transport company with
/// passes the pass officer applied for and approved on the first day, through the green lane — until one pass is withdrawn
/// half-way and its truck is refused it. Its own random stream leaves the outbreak as it was.
/// </summary>
internal static class OutbreakCheckpoints
{
    /// <summary>The transport company of the simulation's freight passes (how a later day finds them).</summary>
    private const string Company = "吉林省长运物流有限公司";

    private static readonly string[] Elsewhere = ["长春市朝阳区", "四平市铁东区", "吉林市船营区", "沈阳市和平区", "通化市东昌区", "梅河口市"];
    private static readonly string[] Regions = ["220102", "220302", "220202", "210102", "220502", "220581"];

    /// <summary>One call per traffic window: night (00:30–04:50, the night shift) or afternoon (14:52–15:40, the day shift).</summary>
    public static async Task<int> RunAsync(OutbreakWorld w, DateOnly first, bool night, CancellationToken ct)
    {
        var rng = new Random(unchecked(w.Options.Seed * 7_919 + w.Today.DayNumber * 3 + (night ? 1 : 2)));
        var staff = DemoAccounts.CheckpointUserId;
        List<long> points;
        List<(string Number, long Id)> residents;
        List<(string Origin, OriginRisk Risk, bool Outbreak)> areas;
        await using (var db = await w.DbAsync(ct))
        {
            var district = await db.Users.Where(u => u.Id == staff && u.Role == Accounts.Roles.CheckpointStaff).Select(u => u.JurisdictionId).FirstOrDefaultAsync(ct);
            if (district is null) return 0;
            var code = district.Value.ToString(CultureInfo.InvariantCulture);
            points = await db.Checkpoints.AsNoTracking().Where(c => c.DistrictCode == code && c.Kind != CheckpointKind.Roadblock).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
            if (points.Count == 0) return 0;
            areas = (await db.OtherRiskAreas.AsNoTracking().Where(a => a.FromDate <= w.Today && (a.ToDate == null || a.ToDate >= w.Today)).OrderBy(a => a.Id)
                    .Select(a => new { a.Province, a.City, a.County, a.Name, a.Level, a.CountyHasOutbreak }).ToListAsync(ct))
                .Select(a => (a.Province + a.City + (a.Name == a.County ? a.County : a.County + a.Name), Risk(a.Level), a.CountyHasOutbreak)).ToList();
            // Residents coming home, picked by their place in id order (one read at a random offset).
            var count = await db.Persons.CountAsync(p => p.HouseholdId != null && p.DocumentType == DocumentType.ResidentIdCard, ct);
            var take = Math.Clamp(count / 5_000, 4, 20);
            residents = (await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && p.DocumentType == DocumentType.ResidentIdCard).OrderBy(p => p.Id)
                    .Skip(rng.Next(Math.Max(1, count - take * 50))).Take(take * 50).Select(p => new { p.DocumentNumber, p.Id }).ToListAsync(ct))
                .Where(_ => rng.NextDouble() < 0.02).Take(take).Select(p => (p.DocumentNumber, p.Id)).ToList();
        }

        var checks = w.Get<VehicleChecks>();
        var vehicles = new List<VehicleCheckRequest>();
        var stamp = w.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (night ? "n" : "d");
        var queue = new Queue<(string Number, long Id)>(residents);
        for (var car = 0; queue.Count > 0; car++)
        {
            var fromArea = areas.Count > 0 && rng.NextDouble() < 0.35;
            var (origin, risk, outbreak) = fromArea ? areas[rng.Next(areas.Count)] : (Elsewhere[rng.Next(Elsewhere.Length)], OriginRisk.None, false);
            var left = w.Today.AddDays(-rng.Next(0, 5));
            var people = new List<PassengerRequest>();
            for (var seat = 1 + rng.Next(3); seat > 0 && queue.Count > 0; seat--)
                people.Add(new PassengerRequest(queue.Dequeue().Number, null, null, Temperature(rng), risk, risk == OriginRisk.None ? null : left, outbreak, true));
            // Now and then a visitor from elsewhere, known by ID number only (not the city's: checked, recorded, not registered).
            if (rng.NextDouble() < 0.3) people.Add(new PassengerRequest(Visitor(rng, w.Today), null, null, Temperature(rng), risk, risk == OriginRisk.None ? null : left, outbreak, rng.NextDouble() < 0.5));
            vehicles.Add(new VehicleCheckRequest(points[rng.Next(points.Count)], Plate(rng, "吉A"), VehicleKind.Car, origin, "辽源市", true, null, people, $"sim-{stamp}-car{car}"));
        }
        // The afternoon's bus from Changchun: a few visitors, some passing through.
        if (!night)
        {
            var riders = Enumerable.Range(0, 6 + rng.Next(6)).Select(_ => new PassengerRequest(Visitor(rng, w.Today), null, null, Temperature(rng), OriginRisk.None, null, false, rng.NextDouble() < 0.6)).ToList();
            vehicles.Add(new VehicleCheckRequest(points[0], Plate(rng, "吉A"), VehicleKind.Bus, "长春市", "辽源市", null, null, riders, $"sim-{stamp}-bus"));
        }
        vehicles.AddRange(await FreightAsync(w, first, points[0], night, stamp, ct));

        var done = 0;
        for (var i = 0; i < vehicles.Count; i++)
        {
            var minutes = night ? 30 + i * 260 / Math.Max(1, vehicles.Count) : 52 + i * 48 / Math.Max(1, vehicles.Count);
            w.At((night ? 0 : 14) + minutes / 60, minutes % 60);
            await using var db = await w.DbAsync(ct);
            await checks.CheckAsync(db, staff, vehicles[i], ct);
            done++;
        }
        return done;
    }

    /// <summary>
    /// The freight trucks of the day: on the first day the company's passes are applied for and approved (valid for the whole
    /// run); on the middle day one is withdrawn; every afternoon each truck shows its pass at the inspection station.
    /// </summary>
    private static async Task<List<VehicleCheckRequest>> FreightAsync(OutbreakWorld w, DateOnly first, long station, bool night, string stamp, CancellationToken ct)
    {
        if (night) return [];
        var officer = DemoAccounts.PassOfficerUserId;
        await using var db = await w.DbAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == officer && u.Role == Accounts.Roles.PassOfficer, ct)) return [];
        var passes = await db.Passes.AsNoTracking().Where(p => p.Employer == Company && p.Kind == PassKind.Freight).OrderBy(p => p.Id).ToListAsync(ct);
        if (passes.Count == 0)
        {
            var drivers = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && p.DocumentType == DocumentType.ResidentIdCard).OrderByDescending(p => p.Id).Take(3)
                .Select(p => new { p.Name, p.DocumentNumber }).ToListAsync(ct);
            var made = new List<long>();
            for (var i = 0; i < drivers.Count; i++)
            {
                var view = await w.Get<PassApplications>().ApplyAsync(db, officer, new PassApplication(PassKind.Freight, drivers[i].Name, drivers[i].DocumentNumber, Company,
                    "长春—辽源（G12）", "吉D8" + (6601 + i).ToString(CultureInfo.InvariantCulture), "蔬菜、粮油、药品", first, first.AddDays(w.Options.Days + 1),
                    $"sim-pass-{first:yyyyMMdd}-{i}"), ct);
                made.Add(view.Id);
            }
            await w.Get<PassDecisions>().DecideAsync(db, officer, new PassDecision(made, true, null), ct);
            passes = await db.Passes.AsNoTracking().Where(p => made.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        }
        if (w.Today.DayNumber - first.DayNumber == w.Options.Days / 2 && passes.LastOrDefault(p => p.State == PassState.Approved) is { } withdrawn)
        {
            await w.Get<PassDecisions>().WithdrawAsync(db, officer, withdrawn.Id, new PassWithdrawal("运输合同到期，企业申请注销"), ct);
            db.ChangeTracker.Clear();
        }
        var codes = w.Get<PassCodes>();
        var trucks = new List<VehicleCheckRequest>();
        foreach (var p in passes)
        {
            // The driver unloads and leaves (closed loop, 点对点): not bound for the city, so not a returnee each day.
            // A withdrawn pass's QR is the one printed before: its truck still shows it and is refused the green lane.
            var qr = await codes.QrAsync(p, ct);
            trucks.Add(new VehicleCheckRequest(station, p.Plate, VehicleKind.Truck, "长春市", "辽源市", true, qr,
                [new PassengerRequest(p.HolderIdNumber, null, null, 36.4m, OriginRisk.None, null, false, false)], $"sim-{stamp}-truck{p.Id}"));
        }
        return trucks;
    }

    private static OriginRisk Risk(ZoneLevel level) => level switch
    {
        ZoneLevel.Sealed => OriginRisk.High,
        ZoneLevel.Controlled => OriginRisk.Medium,
        _ => OriginRisk.Low,
    };

    /// <summary>Mostly a normal reading; one in forty a fever (the gate's rule then decides).</summary>
    private static decimal Temperature(Random rng) => rng.NextDouble() < 0.025 ? 37.6m + rng.Next(0, 8) / 10m : 36.1m + rng.Next(0, 8) / 10m;

    private static string Plate(Random rng, string prefix) => prefix + rng.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid ID number of someone from a neighbouring city (not the city's registry).</summary>
    private static string Visitor(Random rng, DateOnly today) =>
        ResidentIdNumber.Compose(Regions[rng.Next(Regions.Length)], today.AddYears(-20 - rng.Next(45)).AddDays(-rng.Next(365)), rng.Next(1, 999));
}

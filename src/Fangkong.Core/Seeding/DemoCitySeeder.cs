using System.Diagnostics;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Generates a demo city modelled on Liaoyuan — places, residents, venues, devices, demo accounts and days of
/// visits — deterministically from a seed number, and bulk-loads it into either store.
/// </summary>
public static class DemoCitySeeder
{
    private static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);
    private const int ProgressEvery = 20_000;

    public static async Task<SeedSummary> SeedAsync(StorageOptions storage, SeedOptions options, IProgress<SeedProgress>? progress,
        TimeProvider time, CancellationToken ct)
    {
        options.Validate();
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(nowUtc + CityOffset);
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            await Database.MigrateAsync(db, ct);
            if (options.Reset) await DemoCityReset.ClearAsync(db, ct);
            else if (await db.Persons.AnyAsync(ct))
                throw new CityAlreadySeededException();
        }

        progress?.Report(new SeedProgress("places", 0, 1));
        var rng = new Random(options.Seed);
        var plan = CityGenerator.Generate(options.Residents, rng);
        CityMap.Locate(plan, options.Seed);
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var d in Regions.Liaoyuan)
                db.Districts.Add(new DistrictRow { Code = d.Code, Name = d.Name, EnglishName = d.EnglishName, CityCode = Regions.LiaoyuanCityCode });
            db.Streets.AddRange(plan.Streets);
            db.Communities.AddRange(plan.Communities);
            db.Compounds.AddRange(plan.Compounds);
            await db.SaveChangesAsync(ct);
        }

        await using var loader = await BulkLoader.OpenAsync(storage, ct);
        await using var mapping = new FangkongDb(storage.BuildOptions());
        var (bt, bc) = BulkLoader.Mapping<Building>(mapping, nameof(Building.Id), nameof(Building.CompoundId), nameof(Building.Number));
        await loader.WriteAsync(bt, bc, plan.Buildings.Select(b => new object?[] { b.Id, b.CompoundId, b.Number }), null, ct);
        var (ut, uc) = BulkLoader.Mapping<BuildingUnit>(mapping, nameof(BuildingUnit.Id), nameof(BuildingUnit.BuildingId), nameof(BuildingUnit.Number));
        await loader.WriteAsync(ut, uc, plan.Units.Select(u => new object?[] { u.Id, u.BuildingId, u.Number }), null, ct);
        var (ht, hc) = BulkLoader.Mapping<Household>(mapping, nameof(Household.Id), nameof(Household.UnitId), nameof(Household.Number));
        await loader.WriteAsync(ht, hc, plan.Households.Select(h => new object?[] { h.Id, h.UnitId, h.Door }), null, ct);
        await CommunityGrids.SeedAsync(storage, plan, loader, mapping, options.Seed, ct);
        await DemoHospitals.SeedAsync(storage, time, ct);
        progress?.Report(new SeedProgress("places", 1, 1));

        var clock = Stopwatch.StartNew();
        var profiles = new ResidentProfile[options.Residents];
        var (pt, pc) = BulkLoader.Mapping<Person>(mapping, PersonColumns);
        var residentRows = RowPipeline.Counted(RowPipeline.Ahead(Residents(plan, profiles, rng, today, nowUtc.AddDays(-365)), ct),
            ProgressEvery, n => progress?.Report(new SeedProgress("residents", n, options.Residents)));
        await DeferredIndexes.AroundLoadAsync(storage, pt, progress, () => loader.WriteAsync(pt, pc, residentRows, null, ct), ct);
        var residentsTime = clock.Elapsed;

        // Venue caps follow the staff and pupils each venue got, so they are written after the residents.
        VenuePlanner.SetCapacities(plan);
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Venues.AddRange(plan.Venues);
            db.GateDevices.AddRange(plan.Devices);
            // Every venue has its venue code (场所码) from the start: the device its phones' scans are recorded under (ADR 0038).
            var next = plan.Devices.Count == 0 ? 0 : plan.Devices.Max(d => d.Id);
            foreach (var venue in plan.Venues)
            {
                var (device, code) = VenueCodes.VenueCodeDirectory.NewRows(venue.Id, ++next, nowUtc);
                db.GateDevices.Add(device);
                db.VenueCodes.Add(code);
            }
            await db.SaveChangesAsync(ct);
        }
        var residentPerson = ResidentAccountPerson(profiles);
        (long GridId, long CommunityId)? demoGrid;
        await using (var db = new FangkongDb(storage.BuildOptions())) demoGrid = await CommunityGrids.OfPersonAsync(db, residentPerson, ct);
        var accounts = await DemoAccounts.CreateAsync(storage, residentPerson, demoGrid, options.PasswordIterations, ct);
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            // The statements below join the tables just loaded, which PostgreSQL plans from statistics autovacuum has not
            // gathered yet: without them a subquery per person or unit scanned the persons each time (a timeout at a million).
            if (!db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("ANALYZE persons, households, grid_households, grids, joint_units", ct);
            await SamplingMarkers.MarkAsync(db, today, ct);
            await CommunityGrids.NameResponsibleAsync(db, today, ct);
            await SpecialGroupSeeds.RegisterAsync(db, today, nowUtc, DemoAccounts.AdministratorId, ct);
            await DemoSupplies.SeedAsync(db, nowUtc, ct);
            await DemoRiskAreas.SeedAsync(db, today, nowUtc, DemoAccounts.AdministratorId, ct);
            await DemoCheckpoints.SeedAsync(db, nowUtc, today, ct);
            await DemoInstitutions.SeedAsync(db, nowUtc, today, ct);
            await DemoSupervision.SeedAsync(db, nowUtc, ct);
            // Deployed on the first day of visits, so an outbreak simulated over those days is their members' work.
            var firstDay = today.AddDays(-Math.Max(options.Days - 1, 0));
            await DemoTeams.SeedAsync(db, firstDay, today, firstDay.ToDateTime(TimeOnly.MinValue) - CityOffset, demoGrid, options.Seed, ct);
        }

        clock.Restart();
        var generator = new VisitGenerator(plan, profiles, CityOffset, nowUtc);
        var (vt, vc) = BulkLoader.Mapping<Visit>(mapping, VisitSink.Columns);
        var estimate = (long)(options.Residents * options.Days * 3.6);
        var visits = await DeferredIndexes.AroundLoadAsync(storage, vt, progress, async () =>
        {
            long written = 0;
            for (var d = options.Days - 1; d >= 0; d--)
            {
                var day = today.AddDays(-d);
                var dayRng = new Random(unchecked(options.Seed * 1_000_003 + day.DayNumber)); // stable across processes, unlike HashCode
                var before = written;
                var rows = RowPipeline.Counted(RowPipeline.Ahead(generator.Day(day, dayRng), ct), ProgressEvery,
                    n => progress?.Report(new SeedProgress("visits", before + n, Math.Max(estimate, before + n))));
                written += await loader.WriteAsync(vt, vc, rows, null, ct);
                // Re-estimate from the days done so far (today is partial, so this only ever lowers the total).
                if (d > 0) estimate = written + written / (options.Days - d) * d;
            }
            return written;
        }, ct);
        progress?.Report(new SeedProgress("visits", visits, visits));
        return new SeedSummary(options.Residents, plan.Households.Count, plan.Venues.Count, visits, residentsTime, clock.Elapsed, accounts);
    }

    private static readonly string[] PersonColumns =
        [nameof(Person.Id), nameof(Person.DocumentType), nameof(Person.DocumentNumber), nameof(Person.Name), nameof(Person.Sex),
         nameof(Person.BirthDate), nameof(Person.Phone), nameof(Person.HouseholdId), nameof(Person.DistrictCode), nameof(Person.CommunityId), nameof(Person.Token), nameof(Person.CreatedAtUtc)];

    /// <summary>Persons household by household; fills in each resident's profile for the visit generator.</summary>
    private static IEnumerable<object?[]> Residents(CityPlan plan, ResidentProfile[] profiles, Random rng, DateOnly today, DateTime createdUtc)
    {
        var people = new ResidentGenerator(rng, today);
        var daily = new DailyVenues(plan);
        // Each resident carries their home's district and community (the area filter's columns, ADR 0028).
        var streetDistrict = plan.Streets.ToDictionary(s => s.Id, s => s.DistrictCode);
        var communityDistrict = plan.Communities.ToDictionary(c => c.Id, c => streetDistrict[c.StreetId]);
        var i = 0;
        foreach (var h in plan.Households)
        {
            var community = plan.Compounds[h.CompoundIndex].CommunityId;
            var district = communityDistrict[community];
            foreach (var p in people.Household(h.Size, h.District))
            {
                profiles[i] = daily.Assign(h.CompoundIndex, h.District, p.Age, rng);
                i++;
                yield return [(long)i, DocumentType.ResidentIdCard, p.IdNumber, p.Name, p.Sex, p.Birth, p.Phone, h.Id, district, community, p.Token, createdUtc];
            }
        }
    }

    /// <summary>The demo resident: the first working adult, so their code page has a trajectory to show.</summary>
    private static long ResidentAccountPerson(ResidentProfile[] profiles)
    {
        for (var i = 0; i < profiles.Length; i++)
            if (profiles[i].Age >= 18 && profiles[i].DailyVenue >= 0) return i + 1;
        return 1;
    }
}

using System.Diagnostics;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Generates a demo city modelled on Liaoyuan — places, residents, venues, devices, demo accounts and days of
/// visits — deterministically from a seed number, and bulk-loads it into either store.
/// </summary>
public static class DemoCitySeeder
{
    private static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);

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
                throw new InvalidOperationException("The database already has persons; seed with Reset to replace them.");
        }

        var rng = new Random(options.Seed);
        progress?.Report(new SeedProgress("places", 0, 1));
        var plan = CityGenerator.Generate(options.Residents, rng);
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var d in Regions.Liaoyuan)
                db.Districts.Add(new DistrictRow { Code = d.Code, Name = d.Name, EnglishName = d.EnglishName, CityCode = Regions.LiaoyuanCityCode });
            db.Streets.AddRange(plan.Streets);
            db.Communities.AddRange(plan.Communities);
            db.Compounds.AddRange(plan.Compounds);
            db.Venues.AddRange(plan.Venues);
            db.GateDevices.AddRange(plan.Devices);
            await db.SaveChangesAsync(ct);
        }
        progress?.Report(new SeedProgress("places", 1, 1));

        var clock = Stopwatch.StartNew();
        var profiles = new ResidentProfile[options.Residents];
        await using var loader = await BulkLoader.OpenAsync(storage, ct);
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            var (bt, bc) = BulkLoader.Mapping<Building>(db, nameof(Building.Id), nameof(Building.CompoundId), nameof(Building.Number));
            await loader.WriteAsync(bt, bc, plan.Buildings.Select(b => new object?[] { b.Id, b.CompoundId, b.Number }), null, ct);
            var (ut, uc) = BulkLoader.Mapping<BuildingUnit>(db, nameof(BuildingUnit.Id), nameof(BuildingUnit.BuildingId), nameof(BuildingUnit.Number));
            await loader.WriteAsync(ut, uc, plan.Units.Select(u => new object?[] { u.Id, u.BuildingId, u.Number }), null, ct);
            var (ht, hc) = BulkLoader.Mapping<Household>(db, nameof(Household.Id), nameof(Household.UnitId), nameof(Household.Number));
            await loader.WriteAsync(ht, hc, plan.Households.Select(h => new object?[] { h.Id, h.UnitId, h.Door }), null, ct);
            var (pt, pc) = BulkLoader.Mapping<Person>(db, PersonColumns);
            await loader.WriteAsync(pt, pc, Residents(plan, profiles, options.Residents, rng, today, nowUtc), n => progress?.Report(new SeedProgress("residents", n, options.Residents)), ct);
        }
        var residentsTime = clock.Elapsed;

        var accounts = await DemoAccounts.CreateAsync(storage, firstResidentId: 1, ct);

        clock.Restart();
        long visits = 0;
        var generator = new VisitGenerator(plan, profiles, 1, CityOffset, nowUtc);
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            var (vt, vc) = BulkLoader.Mapping<Gate.Visit>(db, VisitGenerator.Columns);
            var estimate = (long)options.Residents * options.Days * 2; // about two visits a resident-day
            for (var d = options.Days - 1; d >= 0; d--)
            {
                var day = today.AddDays(-d);
                var dayRng = new Random(HashCode.Combine(options.Seed, day.DayNumber));
                var done = visits;
                visits += await loader.WriteAsync(vt, vc, generator.Day(day, dayRng), n => progress?.Report(new SeedProgress("visits", done + n, Math.Max(estimate, done + n))), ct);
            }
        }
        progress?.Report(new SeedProgress("visits", visits, visits));
        return new SeedSummary(options.Residents, plan.Households.Count, plan.Venues.Count, visits, residentsTime, clock.Elapsed, accounts);
    }

    private static readonly string[] PersonColumns =
        [nameof(Person.Id), nameof(Person.DocumentType), nameof(Person.DocumentNumber), nameof(Person.Name), nameof(Person.Sex),
         nameof(Person.BirthDate), nameof(Person.Phone), nameof(Person.HouseholdId), nameof(Person.Token), nameof(Person.CreatedAtUtc)];

    /// <summary>Fills households with 1–4 residents each; assigns each resident a school or workplace and maybe a bus line.</summary>
    private static IEnumerable<object?[]> Residents(CityPlan plan, ResidentProfile[] profiles, int count, Random rng, DateOnly today, DateTime nowUtc)
    {
        var people = new ResidentGenerator(rng, today);
        var schools = plan.Of(VenueType.School).Select(v => plan.Venues.IndexOf(v)).ToArray();
        var work = plan.Of(VenueType.Enterprise).Concat(plan.Of(VenueType.ConstructionProject)).Concat(plan.Of(VenueType.Hospital))
            .Concat(plan.Of(VenueType.Market)).Concat(plan.Of(VenueType.Supermarket)).Select(v => plan.Venues.IndexOf(v)).ToArray();
        var created = nowUtc.AddDays(-365);
        var i = 0;
        foreach (var h in plan.Households)
        {
            var size = rng.NextDouble() switch { < 0.15 => 1, < 0.55 => 2, < 0.85 => 3, _ => 4 };
            for (var k = 0; k < size && i < count; k++, i++)
            {
                var age = k < 2 ? Math.Max(18, people.Age()) : rng.Next(0, 18);
                var p = people.Next(h.District, age);
                var daily = age is >= 6 and < 18 ? schools[rng.Next(schools.Length)] : age is >= 18 and < 60 && rng.NextDouble() < 0.75 ? work[rng.Next(work.Length)] : -1;
                profiles[i] = new ResidentProfile
                {
                    CompoundIndex = h.CompoundIndex,
                    Age = (byte)age,
                    DailyVenue = daily,
                    BusLine = (short)(daily >= 0 && rng.NextDouble() < 0.4 ? rng.Next(plan.BusLines.Count) : -1),
                };
                yield return [(long)(i + 1), DocumentType.ResidentIdCard, p.IdNumber, p.Name, p.Sex, p.Birth, p.Phone, h.Id, p.Token, created];
            }
            if (i >= count) yield break;
        }
    }
}

using Fangkong.Core.Returnees;
using Fangkong.Domain.Travel;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Returnees from other regions (issue 21), early each simulated morning, through the same registry the phone, the
/// community and the road checkpoints use: about one resident in 5,000 a day comes back — most from places with no risk
/// area, some from the demo's risk areas in force (isolated, observed at home or tested by the rule) — registered on the
/// phone, by the community or at a checkpoint; then the review releases those whose days are over with negative tests.
/// Their stays are checked in and tested by the quarantine steps that follow. Its own random stream leaves the outbreak as it was.
/// </summary>
internal static class OutbreakReturnees
{
    private static readonly string[] Elsewhere = ["北京市海淀区", "辽宁省大连市中山区", "黑龙江省哈尔滨市南岗区", "吉林省四平市铁西区", "山东省青岛市市南区", "广东省深圳市南山区"];

    public static async Task<int> RunAsync(OutbreakWorld w, CancellationToken ct)
    {
        var rng = new Random(unchecked(w.Options.Seed * 7_919 + w.Today.DayNumber));
        w.At(5);
        var registry = w.Get<ReturneeRegistry>();
        List<(long Id, long? Household)> persons;
        List<long> areas;
        long officer;
        await using (var db = await w.DbAsync(ct))
        {
            if (!await db.OtherRiskAreas.AnyAsync(ct)) await Seeding.DemoRiskAreas.SeedAsync(db, w.Today, w.City.UtcNow, w.Epidemiologist, ct);
            areas = await db.OtherRiskAreas.AsNoTracking().Where(a => a.FromDate <= w.Today && (a.ToDate == null || a.ToDate >= w.Today)).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
            var count = await db.Persons.CountAsync(p => p.HouseholdId != null, ct);
            var returning = Math.Max(1, count / 5_000);
            // Residents picked by their place in id order: one read per returnee at a random offset.
            persons = [];
            for (var i = 0; i < returning; i++)
            {
                var p = await db.Persons.AsNoTracking().Where(x => x.HouseholdId != null).OrderBy(x => x.Id).Skip(rng.Next(count)).Select(x => new { x.Id, x.HouseholdId }).FirstOrDefaultAsync(ct);
                if (p is not null) persons.Add((p.Id, p.HouseholdId));
            }
            officer = await db.Users.Where(u => u.Role == Accounts.Roles.CommunityOfficer).OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(ct);
        }

        var registered = 0;
        foreach (var (id, household) in persons)
        {
            var fromArea = areas.Count > 0 && rng.NextDouble() < 0.45;
            var source = (ReturneeSource)rng.Next(1, 4);
            var travel = (TravelMode)rng.Next(1, 6);
            var left = w.Today.AddDays(-rng.Next(0, 4));
            var plate = travel switch
            {
                TravelMode.Car => $"吉A{rng.Next(10000, 99999)}",
                TravelMode.Train => $"K{rng.Next(1000, 9999)}",
                TravelMode.Plane => $"CZ{rng.Next(1000, 9999)}",
                _ => null,
            };
            await using var db = await w.DbAsync(ct);
            try
            {
                await registry.RegisterAsync(db, new ReturneeRegistration(id, household, fromArea ? areas[rng.Next(areas.Count)] : null,
                    fromArea ? null : Elsewhere[rng.Next(Elsewhere.Length)], left, w.Today, travel, plate, source,
                    source == ReturneeSource.Checkpoint ? rng.Next(1, 11) : null, null, source == ReturneeSource.Community && officer > 0 ? officer : null), ct);
                registered++;
            }
            catch (Exception e) when (e is Common.InputException or Common.NotFoundException)
            {
                // A resident without a household's place (not in the address tree) cannot be followed up: skipped, as the page would refuse them.
            }
        }
        w.At(5, 30);
        await using (var db = await w.DbAsync(ct)) await w.Get<ReturneeRelease>().ReviewAsync(db, null, ct);
        return registered;
    }
}

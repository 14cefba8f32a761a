using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Simulation;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Seeds the index infections and spreads them each day along the store's real co-presence: households, and the day's
/// stored visits at the venues the infectious at large went to. Reads are batched (a thousand persons or venues a
/// query), never one per person, and only the spreaders' venues are read — not the whole day.
/// </summary>
internal static class OutbreakSpreading
{
    private static readonly TimeSpan LongestStay = TimeSpan.FromDays(1);

    /// <summary>Index infections among residents, infected two days before the first simulated day so they spread on it.</summary>
    public static async Task<int> SeedAsync(OutbreakWorld w, CancellationToken ct)
    {
        List<long> residents;
        await using (var db = await w.DbAsync(ct))
            residents = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var day = w.Today.AddDays(-2);
        var at = w.City.ToUtc(day.ToDateTime(new TimeOnly(12, 0)));
        var seeded = 0;
        while (seeded < Math.Min(w.Options.Seeds, residents.Count))
        {
            var person = residents[w.Rng.Next(residents.Count)];
            if (w.Infections.ContainsKey(person)) continue;
            // An index case is at large and must spread first: found later than the course would have it.
            w.Infections[person] = new Infected(person, null, day, at, InfectionSetting.Seed, null, InfectionCourse.Draw(w.Rng));
            seeded++;
        }
        return seeded;
    }

    /// <summary>Draws today's transmissions and records them; returns how many were infected.</summary>
    public static async Task<int> SpreadAsync(OutbreakWorld w, Dictionary<long, QuarantinePlace> quarantined, CancellationToken ct)
    {
        var spreaders = w.Infections.Values
            .Where(i => i.CaseId is null && i.Course.InfectiousOn(i.DayOf(w.Today)) && quarantined.GetValueOrDefault(i.PersonId) != QuarantinePlace.Centralized)
            .Select(i => i.PersonId).Order().ToList();
        if (spreaders.Count == 0) return 0;
        var damping = w.Policy.Damping(w.Infections.Count);
        if (damping <= 0) return 0;

        await using var db = await w.DbAsync(ct);
        // Households of the spreaders, then their members.
        var households = new Dictionary<long, long>();
        foreach (var chunk in spreaders.Chunk(1000))
            foreach (var p in await db.Persons.AsNoTracking().Where(p => chunk.Contains(p.Id) && p.HouseholdId != null).Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct))
                households[p.Id] = p.HouseholdId!.Value;
        var members = new Dictionary<long, List<long>>();
        foreach (var chunk in households.Values.Distinct().Chunk(1000))
            foreach (var p in await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && chunk.Contains(p.HouseholdId.Value)).Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct))
            {
                if (!members.TryGetValue(p.HouseholdId!.Value, out var family)) members[p.HouseholdId.Value] = family = [];
                family.Add(p.Id);
            }

        // The day's stays: the spreaders at large first, then everyone at the venues where they could infect.
        var start = w.DayStartUtc;
        var end = w.DayEndUtc;
        var earliest = start - LongestStay;
        var atLarge = spreaders.Where(p => !quarantined.ContainsKey(p)).ToList();
        var venues = new HashSet<long>();
        foreach (var chunk in atLarge.Chunk(1000))
            venues.UnionWith(await db.Visits.AsNoTracking().Where(v => chunk.Contains(v.PersonId) && v.EnteredAtUtc >= earliest && v.EnteredAtUtc < end)
                .Select(v => v.VenueId).ToListAsync(ct));
        var risky = venues.Where(v => w.VenueTypes.TryGetValue(v, out var t) && w.Policy.RateAt(t) > 0).Order().ToList();
        var stays = new List<Presence>();
        foreach (var chunk in risky.Chunk(500))
            stays.AddRange((await db.Visits.AsNoTracking().Where(v => chunk.Contains(v.VenueId) && v.EnteredAtUtc >= earliest && v.EnteredAtUtc < end)
                    .Select(v => new { v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc }).ToListAsync(ct))
                .Select(v => new Presence(v.PersonId, v.VenueId, v.EnteredAtUtc.Ticks, (v.ExitedAtUtc ?? end).Ticks)));
        var index = new PresenceIndex(stays);

        var set = atLarge.ToHashSet();
        var list = spreaders.Select(p => new Spreader(p, households.TryGetValue(p, out var h) ? members[h] : [], set.Contains(p)));
        // A fever clinic's suspected case is isolated, then a case record already (a person is a case once): not infected here.
        bool Susceptible(long person, InfectionSetting setting) =>
            !w.Infections.ContainsKey(person) && !w.SuspectedPersons.Contains(person) && (!quarantined.TryGetValue(person, out var place) || (setting == InfectionSetting.Household && place == QuarantinePlace.Home));
        var home = w.City.ToUtc(w.Today.ToDateTime(new TimeOnly(20, 0)));
        var exposures = OutbreakSpread.Day(list, index, v => w.VenueTypes.TryGetValue(v, out var t) ? t : null, Susceptible, w.Policy, damping, start, end, home, w.Rng);
        foreach (var e in exposures)
            w.Infections[e.PersonId] = new Infected(e.PersonId, e.InfectorId, w.Today, e.AtUtc, e.Setting, e.VenueId, InfectionCourse.Draw(w.Rng));
        return exposures.Count;
    }
}

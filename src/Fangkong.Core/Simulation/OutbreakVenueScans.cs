using Fangkong.Core.VenueCodes;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Morning rides and errands on phones (issue 21): from 05:00 (the first buses, before the morning's zone steps) a few hundred residents scan a bus's code on boarding and again
/// on leaving, and a supermarket's or market's on the way, through the same use case as the scan page (ADR 0038) — so those
/// visits are the gate's visits, traced alike, and a red resident is refused at the door. About one in ten also registers a
/// household member without a phone (代登记). Its own random stream leaves the outbreak itself as it was.
/// </summary>
internal static class OutbreakVenueScans
{
    public static async Task<int> RunAsync(OutbreakWorld w, CancellationToken ct)
    {
        var rng = new Random(unchecked(w.Options.Seed * 7_919 + w.Today.DayNumber));
        var scans = w.Get<VenueScans>();
        var issuer = w.Get<VenueCodeIssuer>();
        List<long> buses, shops;
        List<(long Person, long? Member)> riders;
        var tokens = new Dictionary<long, string>();
        await using (var db = await w.DbAsync(ct))
        {
            buses = await db.Venues.AsNoTracking().Where(v => v.Type == VenueType.Bus).OrderBy(v => v.Id).Select(v => v.Id).Take(20).ToListAsync(ct);
            shops = await db.Venues.AsNoTracking().Where(v => v.Type == VenueType.Supermarket || v.Type == VenueType.Market).OrderBy(v => v.Id).Select(v => v.Id).Take(20).ToListAsync(ct);
            if (buses.Count == 0) return 0;
            // One resident in 200 rides (at most 400 a day), picked by id so that every day's riders differ.
            var count = Math.Min(400, Math.Max(1, await db.Persons.CountAsync(ct) / 200));
            var offset = rng.Next(1000);
            var picked = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null).OrderBy(p => p.Id).Skip(offset).Take(count * 20)
                .Select(p => new { p.Id, Household = p.HouseholdId!.Value }).ToListAsync(ct);
            var chosen = picked.Where(_ => rng.NextDouble() < 0.05).Take(count).ToList();
            var households = chosen.Select(c => c.Household).ToList();
            var members = (await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && households.Contains(p.HouseholdId.Value))
                .Select(p => new { p.Id, Household = p.HouseholdId!.Value }).ToListAsync(ct)).ToLookup(p => p.Household, p => p.Id);
            riders = chosen.Select(c => (c.Id, rng.NextDouble() < 0.1 ? members[c.Household].Where(m => m != c.Id).Select(m => (long?)m).FirstOrDefault() : null)).ToList();
            foreach (var venue in buses.Concat(shops)) tokens[venue] = (await issuer.IssueAsync(db, venue, "https://fangkong.invalid", ct)).Token;
        }

        // Each bus's passengers board together (one burst, one group), ride a quarter of an hour and leave together; some stop at a shop.
        var recorded = 0;
        var byBus = riders.Select((r, i) => (r, Bus: buses[i % buses.Count])).GroupBy(x => x.Bus).ToList();
        for (var b = 0; b < byBus.Count; b++)
        {
            var passengers = byBus[b].Select(x => x.r).ToList();
            var token = tokens[byBus[b].Key];
            var minute = b * 40 / Math.Max(1, byBus.Count);
            w.At(5, minute);
            recorded += await ScanAllAsync(scans, passengers, token, $"sim-{w.Today:yyyyMMdd}-bus{b}-in", ct);
            w.At(5, minute + 15);
            recorded += await ScanAllAsync(scans, passengers, token, $"sim-{w.Today:yyyyMMdd}-bus{b}-out", ct);
            if (shops.Count == 0) continue;
            var shoppers = passengers.Where(_ => rng.NextDouble() < 0.3).ToList();
            var shop = tokens[shops[b % shops.Count]];
            recorded += await ScanAllAsync(scans, shoppers, shop, $"sim-{w.Today:yyyyMMdd}-shop{b}-in", ct);
            w.At(5, minute + 19);
            recorded += await ScanAllAsync(scans, shoppers, shop, $"sim-{w.Today:yyyyMMdd}-shop{b}-out", ct);
        }
        return recorded;
    }

    /// <summary>Everyone's scans at once (with their household members'), as phones in a crowd send them: the gate's queue groups them.</summary>
    private static async Task<int> ScanAllAsync(VenueScans scans, IReadOnlyList<(long Person, long? Member)> people, string token, string key, CancellationToken ct)
    {
        var requests = people.SelectMany((p, i) => p.Member is { } m
            ? new[] { (p.Person, (long?)null, $"{key}-{i}"), (p.Person, (long?)m, $"{key}-{i}m") }
            : [(p.Person, (long?)null, $"{key}-{i}")]).ToList();
        var answers = await Task.WhenAll(requests.Select(r => scans.ScanAsync(null, r.Item1, new VenueScanRequest(token, r.Item3, r.Item2), ct)));
        return answers.Length;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fangkong.Bench.Rounds;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;

namespace Fangkong.Bench.Zones;

/// <summary>
/// Sealing 200 compounds (about 100,000 residents) at once in a city of a million: the officer's one request — resolve
/// the households, re-derive every resident's colour with its explanation, commit — over HTTP, against a set-based SQL
/// statement writing the same colours and change rows (no rules, no explanation worded), in the same run; then the
/// morning review of every zone in force and the zone's page (its lifting checklist read from the facts).
/// </summary>
public static class ZonesBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var residents = a.Int("residents", 1_000_000);
        var compounds = a.Int("compounds", 200);
        var target = a.Int("sealed-residents", 100_000);
        Console.WriteLine($"Zones benchmark: {residents:N0} residents, {compounds} compounds of about {target:N0} residents sealed at once, {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "zones");
            await using var host = await BenchHost.StartAsync(storage, async _ =>
            {
                var watch = Stopwatch.StartNew();
                await DemoCitySeeder.SeedAsync(storage, new SeedOptions { Residents = residents, Days = 0 }, null, TimeProvider.System, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  city of {residents:N0} residents ready in {watch.Elapsed.TotalSeconds:F1} s"));
            });
            var picked = await ZoneSql.PickCompoundsAsync(storage, compounds, target);
            Console.WriteLine($"  {picked.Ids.Count} compounds picked, {picked.Residents:N0} residents in them");

            // The baseline first, then undone, so the use case starts from the same store.
            double sqlMs;
            await using (var db = new FangkongDb(storage.BuildOptions()))
            {
                var start = Stopwatch.GetTimestamp();
                var written = await ZoneSql.SealAsync(db, picked.Ids);
                sqlMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                Console.WriteLine($"  plain SQL wrote {written:N0} colours and change rows");
                await ZoneSql.UndoAsync(db);
            }

            var epi = await host.LoginAsync("epi", SeedOptions.DemoPassword);
            var admin = await host.LoginAsync("admin", SeedOptions.DemoPassword);
            var body = new { name = "基准封控区", level = "Sealed", reason = "基准测试", members = picked.Ids.Select(id => new { kind = "Compound", id }).ToArray() };
            var seal = Stopwatch.GetTimestamp();
            var r = await epi.PostAsJsonAsync("/api/zones", body);
            var sealMs = Stopwatch.GetElapsedTime(seal).TotalMilliseconds;
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"sealing failed: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            var zone = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("zone");
            var zoneId = zone.GetProperty("id").GetInt64();
            var check = await ZoneSql.CheckAsync(storage, zoneId);
            Console.WriteLine($"  sealed: {zone.GetProperty("residents").GetInt32():N0} residents, {check.Red:N0} codes red, {check.Explained:N0} changes explained by the zone");
            if (check.Red != check.Residents || check.Explained != check.Residents)
                throw new InvalidOperationException($"not every code changed and explained: {check}");

            var review = await RoundCity.TimeAsync(1, 5, async () => (await admin.PostAsync("/api/zones/review", null)).EnsureSuccessStatusCode());
            var page = await RoundCity.TimeAsync(1, 10, async () => (await epi.GetAsync($"/api/zones/{zoneId}")).EnsureSuccessStatusCode());

            Console.WriteLine();
            Console.WriteLine($"### {provider}: {picked.Ids.Count} compounds, {check.Residents:N0} residents");
            Console.WriteLine("| step                                                     |        ms |");
            Console.WriteLine("|----------------------------------------------------------|-----------|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| plain SQL: colours and change rows of the same residents  | {sqlMs,9:F0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| seal over HTTP: resolve, re-derive, explain, commit        | {sealMs,9:F0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio seal / SQL                                         | {sealMs / sqlMs,9:F1} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| morning review of every zone in force (p50 of 5)          | {RoundCity.Q(review, 0.5),9:F0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the zone's page with its checklist (p50 of 10)            | {RoundCity.Q(page, 0.5),9:F0} |"));
        }
        return 0;
    }
}

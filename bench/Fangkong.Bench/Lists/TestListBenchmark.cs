using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fangkong.Bench.Gate;
using Fangkong.Bench.Rounds;
using Fangkong.Bench.Seeding;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Lists;

/// <summary>
/// The testing line list (one row per sample) at 200,000 samples, over real HTTP with an epidemiologist's cookie: the
/// first page, each filter and a search, a deep page, beside a bare Kestrel request of the same run. The samples are
/// written straight into the store in bulk: an older round of every resident in pools of ten with its positive pools
/// re-sampled singly, a newer round still in progress (single tubes for key groups, door-to-door household tubes, the
/// last tenth without a result) and 40 days of quarantine tests. Every page's count is checked against the store.
/// </summary>
public static class TestListBenchmark
{
    private const int Sites = 100;
    private static readonly List<string> Times = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var residents = a.Int("residents", 100_000);
        var runs = a.Int("runs", 30);
        var keep = args.Contains("--keep");
        Console.WriteLine($"Testing list benchmark: {residents:N0} residents, ~{residents * 2:N0} samples; {runs} requests each after 5 warm-up, {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            Console.WriteLine();
            Console.WriteLine($"## {provider}");
            var store = await ScratchStore.CreateAsync(provider, a.PostgresServer, "tests", migrate: false);
            var bareStore = await ScratchStore.CreateAsync(provider, a.PostgresServer, "bare", migrate: false);
            try
            {
                await using var host = await BenchHost.StartAsync(store.Options, _ => PrepareAsync(store.Options, residents));
                var (baseline, baseUrl) = await Baselines.StartAsync(bareStore.Options);
                await using var _ = baseline;
                using var plain = BenchHost.Client(baseUrl);
                using var epi = await host.LoginAsync("epi", SeedOptions.DemoPassword);
                await MeasureAsync(provider.ToString(), store.Options, epi, plain, runs);
            }
            finally
            {
                await bareStore.DisposeAsync();
                if (keep) Console.WriteLine($"  kept: {store.Options.ConnectionString}");
                else await store.DisposeAsync();
            }
        }
        Console.WriteLine();
        Console.WriteLine("| store | request | rows | count | p50 ms | p90 ms | p99 ms | p50 / bare |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        Times.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task MeasureAsync(string label, StorageOptions storage, HttpClient epi, HttpClient plain, int runs)
    {
        async Task<JsonElement> Get(string url)
        {
            var r = await epi.GetAsync(url);
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            return await r.Content.ReadFromJsonAsync<JsonElement>();
        }
        var bare = await RoundCity.TimeAsync(5, runs, async () => (await plain.PostAsJsonAsync("/bare", new { idNumber = "x" })).EnsureSuccessStatusCode());
        var bareP50 = RoundCity.Q(bare, 0.5);
        Times.Add(Inv($"| {label} | bare Kestrel (baseline) | 0 | | {bareP50:F2} | {RoundCity.Q(bare, 0.9):F2} | {RoundCity.Q(bare, 0.99):F2} | 1× |"));

        await using var db = new FangkongDb(storage.BuildOptions());
        var rows = from s in db.Samples join t in db.Tubes on s.TubeId equals t.Id select new { s, t };
        var older = await db.TestingRounds.Where(r => r.Scope != RoundScope.Quarantine).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var olderSite = await db.SamplingSites.Where(s => s.RoundId == older).OrderBy(s => s.Id).Skip(Sites / 2).Select(s => s.Id).FirstAsync();
        var quarantine = await db.TestingRounds.Where(r => r.Scope == RoundScope.Quarantine).Select(r => r.Id).FirstAsync();
        var probe = await db.Samples.Where(s => s.Resample && s.RoundId == older).Select(s => s.PersonId).FirstAsync();
        var probeDocument = await db.Persons.Where(p => p.Id == probe).Select(p => p.DocumentNumber).FirstAsync();
        var olderDay = DateOnly.FromDateTime(await db.Samples.Where(s => s.RoundId == older).MinAsync(s => s.AtUtc) + TimeSpan.FromHours(8));
        var (dayFrom, dayTo) = (olderDay.ToDateTime(TimeOnly.MinValue).AddHours(-8), olderDay.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(-8));
        var deepKey = await db.Samples.OrderByDescending(s => s.Id).Skip(150_000).Select(s => s.Id).FirstAsync();
        var all = await db.Samples.CountAsync();
        var day = olderDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var cases = new (string What, string Query, Func<Task<int>> Expected)[]
        {
            ("page 1", "", () => Task.FromResult(all)),
            ("deep page (after row 150,000)", $"after={deepKey}", () => db.Samples.CountAsync()),
            ($"roundId (the older round)", $"roundId={older}", () => rows.CountAsync(x => x.s.RoundId == older)),
            ("siteId (a site of the older round)", $"siteId={olderSite}", () => rows.CountAsync(x => x.t.SiteId == olderSite)),
            ("result=Positive", "result=Positive", () => rows.CountAsync(x => x.t.Outcome == TubeOutcome.Positive && x.t.Count == 1)),
            ("result=PoolPositive", "result=PoolPositive", () => rows.CountAsync(x => x.t.Outcome == TubeOutcome.Positive && x.t.Count > 1)),
            ("result=Pending", "result=Pending", () => rows.CountAsync(x => x.t.Outcome == null)),
            ("kind=Resample", "kind=Resample", () => rows.CountAsync(x => x.t.Kind == TubeKind.Resample)),
            ("kind=Household", "kind=Household", () => rows.CountAsync(x => x.t.Kind == TubeKind.Household)),
            ("quarantine=true", "quarantine=true", () => rows.CountAsync(x => x.s.RoundId == quarantine)),
            ("atHome=true", "atHome=true", () => rows.CountAsync(x => x.s.AtHome)),
            ("from=to (a day of the older round)", $"from={day}&to={day}", () => rows.CountAsync(x => x.s.AtUtc >= dayFrom && x.s.AtUtc < dayTo)),
            ("roundId + result=PoolPositive", $"roundId={older}&result=PoolPositive", () => rows.CountAsync(x => x.s.RoundId == older && x.t.Outcome == TubeOutcome.Positive && x.t.Count > 1)),
            ("search by ID number", $"q={probeDocument}", () => db.Samples.CountAsync(s => s.PersonId == probe)),
        };
        foreach (var (what, query, expected) in cases)
        {
            var url = "/api/lists/tests" + (query.Length == 0 ? "" : "?" + query);
            var page = await Get(url);
            var want = Math.Min(await expected(), Keyset.CountCap);
            var count = page.GetProperty("count").GetInt64();
            if (count != want) throw new InvalidOperationException($"CHECK FAILED: {what}: count {count}, the store says {want}");
            var n = page.GetProperty("items").GetArrayLength();
            var times = await RoundCity.TimeAsync(5, runs, () => Get(url));
            var p50 = RoundCity.Q(times, 0.5);
            Times.Add(Inv($"| {label} | {what} | {n} | {count:N0}{(page.GetProperty("countCapped").GetBoolean() ? "+" : "")} | {p50:F2} | {RoundCity.Q(times, 0.9):F2} | {RoundCity.Q(times, 0.99):F2} | {p50 / bareP50:F0}× |"));
            Console.WriteLine(Inv($"  {what}: {n} rows, count {count:N0}, p50 {p50:F2} ms"));
        }
    }

    /// <summary>A demo city and ~2 samples a resident, written in bulk; ids are time-ordered like the product's.</summary>
    private static async Task PrepareAsync(StorageOptions storage, int residents)
    {
        var watch = Stopwatch.StartNew();
        await DemoCitySeeder.SeedAsync(storage, new SeedOptions { Residents = residents, Days = 0 }, null, TimeProvider.System, CancellationToken.None);
        var city = watch.Elapsed;
        var rng = new Random(20220405);
        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        await using var db = new FangkongDb(storage.BuildOptions());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var persons = await db.Persons.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        long older = 1, newer = 2, standing = 3;
        db.TestingRounds.AddRange(Round(older, "第一轮全员核酸检测", RoundScope.City, now.AddDays(-6)), Round(newer, "第二轮全员核酸检测", RoundScope.City, now.AddHours(-20)),
            Round(standing, "隔离人员核酸检测 / Quarantine testing", RoundScope.Quarantine, now.AddDays(-40)));
        for (var s = 0; s < Sites; s++)
        {
            db.SamplingSites.Add(new SamplingSite { Id = 100 + s, RoundId = older, Name = $"第一轮采样点{s + 1}", CommunityId = 1, Tables = 4, SwabsPerTablePerHour = 60 });
            db.SamplingSites.Add(new SamplingSite { Id = 200 + s, RoundId = newer, Name = $"第二轮采样点{s + 1}", CommunityId = 1, Tables = 4, SwabsPerTablePerHour = 60 });
        }
        db.SamplingSites.Add(new SamplingSite { Id = 300, RoundId = standing, Name = "集中隔离点采样", CommunityId = 1, Tables = 1, SwabsPerTablePerHour = 30 });
        await db.SaveChangesAsync();

        var samples = new List<object?[]>(residents * 2 + 10_000);
        var tubes = new List<object?[]>(residents / 4);
        var seq = 0;
        long tubeSeq = 0;
        void AddTube(long round, long site, TubeKind kind, IReadOnlyList<long> members, DateTime start, TubeOutcome? outcome, bool atHome)
        {
            var number = tubeSeq++;
            var id = TimeOrderedIds.Compose(start, 254, number % 8192);
            for (var i = 0; i < members.Count; i++)
                samples.Add([TimeOrderedIds.Compose(start.AddSeconds(i * 20), TimeOrderedIds.SeedInstance, seq++ % 8192), round, id, members[i], start.AddSeconds(i * 20), 1L,
                    kind == TubeKind.Resample, atHome, "bench-" + seq]);
            var last = start.AddSeconds(20 * (members.Count - 1));
            var received = outcome is null && rng.Next(2) == 0 ? (DateTime?)null : last.AddHours(3);
            tubes.Add([id, round, "T" + number.ToString("D12", CultureInfo.InvariantCulture), site, kind, kind == TubeKind.Pool ? 10 : kind == TubeKind.Household ? 20 : 1, members.Count,
                1L, start, start, last, outcome is null ? received : last.AddHours(3), outcome, outcome is null ? null : last.AddHours(3 + rng.Next(2, 20)), "bench-" + id]);
        }

        // The older round: everyone in pools of ten over twelve hours; 0.2 % of pools positive, their members re-sampled singly.
        var olderStart = now.AddDays(-6);
        var positivePools = new List<IReadOnlyList<long>>();
        var pools = persons.Chunk(10).ToList();
        for (var t = 0; t < pools.Count; t++)
        {
            var positive = rng.Next(500) == 0;
            if (positive) positivePools.Add(pools[t]);
            AddTube(older, 100 + t % Sites, TubeKind.Pool, pools[t], olderStart.AddSeconds(t * 43_200.0 / pools.Count), positive ? TubeOutcome.Positive : TubeOutcome.Negative, false);
        }
        var resampleAt = olderStart.AddDays(1);
        foreach (var member in positivePools.SelectMany(p => p))
            AddTube(older, 100 + rng.Next(Sites), TubeKind.Resample, [member], resampleAt = resampleAt.AddMinutes(1), rng.Next(20) == 0 ? TubeOutcome.Positive : TubeOutcome.Negative, false);

        // The newer round, still in progress: 90 % of residents so far; key groups (5 %) in single tubes, sealed compounds'
        // households (2 %) door to door; the newest tenth of tubes have no result yet.
        var newerStart = now.AddHours(-20);
        var sampled = persons.Take(residents * 9 / 10).ToList();
        var groups = new List<(TubeKind Kind, IReadOnlyList<long> Members)>();
        var at = 0;
        while (at < sampled.Count)
        {
            var roll = rng.Next(100);
            var (kind, size) = roll < 5 ? (TubeKind.OnePerson, 1) : roll < 7 ? (TubeKind.Household, 4) : (TubeKind.Pool, 10);
            groups.Add((kind, sampled.Skip(at).Take(size).ToList()));
            at += size;
        }
        for (var g = 0; g < groups.Count; g++)
        {
            var outcome = g >= groups.Count * 9 / 10 ? (TubeOutcome?)null : rng.Next(500) == 0 ? TubeOutcome.Positive : TubeOutcome.Negative;
            AddTube(newer, 200 + g % Sites, groups[g].Kind, groups[g].Members, newerStart.AddSeconds(g * 64_800.0 / groups.Count), outcome, groups[g].Kind == TubeKind.Household);
        }

        // Forty days of quarantine tests: single tubes, a third of them home visits.
        var quarantined = residents * 2 - samples.Count;
        for (var q = 0; q < quarantined; q++)
            AddTube(standing, 300, TubeKind.Resample, [persons[rng.Next(persons.Count)]], now.AddDays(-40).AddSeconds(q * (40 * 86_400.0 - 7_200) / quarantined),
                rng.Next(1000) == 0 ? TubeOutcome.Positive : TubeOutcome.Negative, q % 3 == 0);

        await using (var loader = await BulkLoader.OpenAsync(storage, default))
        {
            var (tt, tc) = BulkLoader.Mapping<Tube>(db, nameof(Tube.Id), nameof(Tube.RoundId), nameof(Tube.Barcode), nameof(Tube.SiteId), nameof(Tube.Kind), nameof(Tube.Capacity),
                nameof(Tube.Count), nameof(Tube.OpenedByUserId), nameof(Tube.OpenedAtUtc), nameof(Tube.FirstSampledAtUtc), nameof(Tube.ClosedAtUtc), nameof(Tube.ReceivedAtUtc),
                nameof(Tube.Outcome), nameof(Tube.ResultAtUtc), nameof(Tube.OpenKey));
            await loader.WriteAsync(tt, tc, tubes, null, default);
            var (st, sc) = BulkLoader.Mapping<Sample>(db, nameof(Sample.Id), nameof(Sample.RoundId), nameof(Sample.TubeId), nameof(Sample.PersonId), nameof(Sample.AtUtc),
                nameof(Sample.SamplerUserId), nameof(Sample.Resample), nameof(Sample.AtHome), nameof(Sample.IdempotencyKey));
            await loader.WriteAsync(st, sc, samples, null, default);
        }
        if (storage.Provider == StorageProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine(Inv($"  city of {residents:N0} residents in {city.TotalSeconds:F1} s; {samples.Count:N0} samples in {tubes.Count:N0} tubes in {(watch.Elapsed - city).TotalSeconds:F1} s"));
    }

    private static TestingRound Round(long id, string name, RoundScope scope, DateTime start) => new()
    {
        Id = id,
        Name = name,
        Scope = scope,
        AreaIds = "",
        StartUtc = start,
        DeadlineUtc = start.AddDays(2),
        PoolSize = 10,
        WaveMinutes = 20,
        Status = RoundStatus.Open,
        PlannedFinishUtc = start.AddDays(1),
        CreatedAtUtc = start,
        OpenedAtUtc = start,
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net;
using Fangkong.Bench.Gate;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Rounds;

/// <summary>
/// Sample registrations per second through the real host: many sampling tables at once, each opening a pooled tube
/// by barcode and scanning ten ID cards into it, every call with its own idempotency key; beside a bare Kestrel
/// endpoint and a one-INSERT-per-request endpoint measured in the same run on the same kind of store.
/// </summary>
public static class SamplingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var seconds = TimeSpan.FromSeconds(a.Int("seconds", 10));
        var warmUp = TimeSpan.FromSeconds(a.Int("warmup", 3));
        var tables = a.Int("concurrency", 32);
        var residents = a.Int("residents", 20_000);
        Console.WriteLine($"Sampling benchmark: {tables} tables, {warmUp.TotalSeconds:0}s warm-up + {seconds.TotalSeconds:0}s measured per endpoint, {Environment.ProcessorCount} cores");
        var failed = false;
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "sampling");
            long roundId = 0;
            await using var host = await BenchHost.StartAsync(storage, async sp => roundId = await RoundCity.PrepareAsync(sp, storage, residents, tables));
            var (baseline, baseUrl) = await Baselines.StartAsync(await a.FreshStoreAsync(provider, "naive"));
            await using var _ = baseline;
            using var plain = BenchHost.Client(baseUrl);

            await using var setup = new FangkongDb(storage.BuildOptions());
            var sites = await setup.SamplingSites.Where(s => s.RoundId == roundId).OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync();
            var people = await (from x in setup.RoundResidents
                                where x.RoundId == roundId && !x.KeyGroup
                                join p in setup.Persons on x.PersonId equals p.Id
                                orderby x.PersonId
                                select p.DocumentNumber).ToArrayAsync();

            var bare = await LoadGenerator.RunAsync("bare Kestrel", tables, warmUp, seconds, async (w, n) =>
                (await plain.PostAsJsonAsync("/bare", new { idempotencyKey = $"b{w}-{n}", idNumber = people[(w + n * tables) % people.Length] })).IsSuccessStatusCode);
            var naive = await LoadGenerator.RunAsync("naive INSERT/request", tables, warmUp, seconds, async (w, n) =>
                (await plain.PostAsJsonAsync("/naive", new { idempotencyKey = $"n{w}-{n}", idNumber = people[(w + n * tables) % people.Length] })).IsSuccessStatusCode);
            Npgsql.NpgsqlConnection.ClearAllPools();

            var clients = await Task.WhenAll(Enumerable.Range(0, tables).Select(w => host.LoginAsync($"bench-sampler-{w}", RoundCity.SamplerPassword)));
            var tubes = new string[tables];
            var inTube = new int[tables];
            var next = new int[tables];
            long acknowledged = 0, exhausted = 0;
            var queue = host.Services.GetRequiredService<Fangkong.Core.Testing.SamplingQueue>();
            var (batches0, requests0) = (queue.Batches, queue.Requests);
            // Each table swabs its own share of the residents: tube first, then ten persons, then the next tube.
            var result = await LoadGenerator.RunAsync("sampling (tube + 10 swabs)", tables, warmUp, seconds, async (w, n) =>
            {
                if (inTube[w] == 0)
                {
                    tubes[w] = Barcodes.Tube(w * 100_000_000L + n);
                    var open = await clients[w].PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId = sites[w % sites.Length], barcode = tubes[w], kind = "Pool", key = $"o{w}-{n}-bench" });
                    inTube[w] = open.IsSuccessStatusCode ? 10 : 0;
                    return open.IsSuccessStatusCode;
                }
                var i = w + tables * next[w]++;
                if (i >= people.Length) { Interlocked.Increment(ref exhausted); return false; }
                var r = await clients[w].PostAsJsonAsync($"/api/testing/tubes/{tubes[w]}/samples", new { scan = people[i], key = $"s{w}-{n}-bench" });
                inTube[w]--;
                if (r.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref acknowledged);
                return r.IsSuccessStatusCode;
            });

            var groupSize = (double)(queue.Requests - requests0) / Math.Max(1, queue.Batches - batches0);
            await using var db = new FangkongDb(storage.BuildOptions());
            var written = await db.Samples.LongCountAsync(s => s.RoundId == roundId);
            Console.WriteLine();
            Console.WriteLine($"### {provider}");
            Console.WriteLine(LoadResult.Header);
            Console.WriteLine(bare.Row());
            Console.WriteLine(naive.Row());
            Console.WriteLine(result.Row());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sampling / bare: {result.PerSecond / bare.PerSecond:F3}×   sampling / naive: {result.PerSecond / naive.PerSecond:F2}×   swabs acknowledged {acknowledged:N0} (≈ {acknowledged / (seconds + warmUp).TotalSeconds:N0}/s over the whole run)   sampling p99 / naive p99: {result.P(0.99) / naive.P(0.99):F2}   mean group {groupSize:F1} calls   load average {LoadAverage()}"));
            Console.WriteLine($"acknowledged {acknowledged:N0} swabs, written {written:N0}: {(acknowledged == written ? "every acknowledged swab is written, once" : "MISMATCH")}{(exhausted > 0 ? $" ({exhausted} calls found no resident left: raise --residents)" : "")}");
            failed |= acknowledged != written || result.Errors > exhausted;
        }
        return failed ? 1 : 0;
    }

    /// <summary>The machine's load average (1, 5, 15 min) at the end of a store's run: the figures are read against it.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

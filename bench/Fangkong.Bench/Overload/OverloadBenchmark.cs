using System.Globalization;
using System.Net;
using Fangkong.Bench.Gate;

namespace Fangkong.Bench.Overload;

/// <summary>
/// The concurrency limiter's effect (ADR 0047): far more clients reading the API than one instance can serve, with a few gate
/// devices scanning at the same time, once with the limits of production-like settings and once with no limit at all.
/// Reports, per run, the answered reads' rate and latency, the reads refused 429, and the gate's latency beside them.
/// </summary>
public static class OverloadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var seconds = TimeSpan.FromSeconds(a.Int("seconds", 10));
        var warmUp = TimeSpan.FromSeconds(a.Int("warmup", 3));
        var readers = a.Int("readers", 512);
        var gates = a.Int("gates", 16);
        var limit = a.Int("limit", 16);
        Console.WriteLine($"Overload benchmark: {readers} API readers and {gates} gate devices, API limit {limit} (+{limit} queued) against none, {Environment.ProcessorCount} cores");
        var failed = false;
        foreach (var provider in a.Providers())
        {
            Console.WriteLine();
            Console.WriteLine($"### {provider}");
            Console.WriteLine("| API limit | " + LoadResult.Header.Split('\n')[0].TrimStart('|') + " 429s |");
            Console.WriteLine("|-----------|" + LoadResult.Header.Split('\n')[1].TrimStart('|') + "------|");
            foreach (var (label, api) in new[] { ($"{limit}", limit), ("none", 1_000_000) })
            {
                var storage = await a.FreshStoreAsync(provider, "overload");
                await using var host = await GateBenchmark.StartGateAsync(storage, 2_000, new Dictionary<string, string?>
                {
                    ["RateLimits:Concurrency:Api"] = api.ToString(CultureInfo.InvariantCulture),
                    ["RateLimits:Concurrency:ApiQueue"] = api.ToString(CultureInfo.InvariantCulture),
                });
                var ids = await GateBenchmark.LoadIdNumbersAsync(storage);
                var clients = await Task.WhenAll(Enumerable.Range(0, GateBenchmark.Devices).Select(d => host.LoginAsync($"bench-gate-{d}", "bench")));
                long refused = 0, failures = 0;
                var reads = LoadGenerator.RunAsync("API reads (answered)", readers, warmUp, seconds, async (w, n) =>
                {
                    var r = await clients[w % clients.Length].GetAsync("/api/gate/occupancy");
                    if (r.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.Increment(ref refused);
                    else if (!r.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                    return r.IsSuccessStatusCode;
                }, answeredOnly: true);
                var scans = LoadGenerator.RunAsync("gate beside them", gates, warmUp, seconds, async (w, n) =>
                {
                    var path = n % 2 == 0 ? "/api/gate/check-in" : "/api/gate/check-out";
                    var r = await clients[w % clients.Length].PostAsJsonAsync(path, new { idempotencyKey = $"o{w}-{n}", idNumber = ids[(w + (n / 2) * gates) % ids.Length], temperature = 36.5m });
                    return r.IsSuccessStatusCode;
                });
                var results = await Task.WhenAll(reads, scans);
                foreach (var r in results) Console.WriteLine($"| {label,-9} {r.Row()} {(r == results[0] ? refused : 0),5} |");
                failed |= failures > 0 || results[1].Errors > 0;
            }
        }
        return failed ? 1 : 0;
    }
}

using System.Diagnostics;
using System.Globalization;
using Fangkong.Bench.Gate;

namespace Fangkong.Bench.Cluster;

/// <summary>
/// Gate check-ins and check-outs through HAProxy, closed loop, at the hall without a cap (no venue lock) and at the capped hall
/// (each group locks the venue row, ADR 0044); with the CPU seconds the API processes (--pids) and the whole machine spent
/// per request, read from /proc.
/// </summary>
internal static class ClusterThroughput
{
    public static async Task<int> RunAsync(BenchArgs a)
    {
        var url = a.Get("url", "http://127.0.0.1:56010");
        var connection = a.Get("postgres", "");
        var seconds = TimeSpan.FromSeconds(a.Int("seconds", 10));
        var warmUp = TimeSpan.FromSeconds(a.Int("warmup", 3));
        var pids = a.Get("pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var label = a.Get("label", "");
        await ClusterFixture.PrepareAsync(connection);
        var ids = await ClusterFixture.GreenIdNumbersAsync(connection);
        var failed = false;
        foreach (var (name, user) in new (string, Func<int, string>)[] { ("gate, no cap", ClusterFixture.LoadUser), ("gate, capped (lock)", ClusterFixture.CappedUser) })
        {
            var devices = await Task.WhenAll(Enumerable.Range(0, ClusterFixture.DevicesPerVenue)
                .Select(d => FieldDevice.SignInAsync(url, user(d), ClusterFixture.Password, TimeSpan.FromSeconds(30))));
            var workers = a.Int("concurrency", 48);
            var tag = $"tp{DateTime.UtcNow.Ticks:x}";
            var cpu0 = ApiCpu(pids);
            var machine0 = MachineCpu();
            var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
            double cpuAtMeasure = 0, machineAtMeasure = 0;
            var sampled = 0;
            var result = await LoadGenerator.RunAsync(name, workers, warmUp, seconds, async (w, n) =>
            {
                if (Stopwatch.GetTimestamp() >= measureFrom && Interlocked.Exchange(ref sampled, 1) == 0)
                {
                    cpuAtMeasure = ApiCpu(pids);
                    machineAtMeasure = MachineCpu();
                }
                // Each worker walks its own visitors, in then out, so no more than `workers` are inside: the cap is never reached.
                var person = ids[(w + (n / 2) * workers) % ids.Length];
                var r = await devices[w % devices.Length].SendAsync(n % 2 == 0 ? "/api/gate/check-in" : "/api/gate/check-out",
                    $"{tag}-{w}-{n}", person, Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency, () => { });
                return r is not null;
            });
            var apiCpu = ApiCpu(pids) - (sampled == 1 ? cpuAtMeasure : cpu0);
            var machineCpu = MachineCpu() - (sampled == 1 ? machineAtMeasure : machine0);
            Console.WriteLine(LoadResult.Header);
            Console.WriteLine(result.Row());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"throughput {label} | {name} | {result.PerSecond:F0} req/s | p50 {result.P(0.5):F1} ms | p99 {result.P(0.99):F1} ms | API CPU {apiCpu * 1000 / Math.Max(1, result.Requests):F2} ms/request | machine CPU {machineCpu * 1000 / Math.Max(1, result.Requests):F2} ms/request | {Environment.ProcessorCount} cores"));
            failed |= result.Errors > 0;
        }
        return failed ? 1 : 0;
    }

    /// <summary>User + system CPU seconds of the given processes (the API instances).</summary>
    private static double ApiCpu(int[] pids) => pids.Sum(pid =>
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return 0; }
    });

    /// <summary>Busy CPU seconds of the whole machine (every core, everything running on it).</summary>
    private static double MachineCpu()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
        return (cpu.Sum() - cpu[3] - cpu[4]) / 100.0; // all but idle and iowait
    }
}

using System.Diagnostics;

namespace Fangkong.Bench.Gate;

/// <summary>
/// Closed-loop load on 127.0.0.1: C workers each send a request, wait for the answer, send the next.
/// A warm-up period is discarded; the run stops by itself after the measured period.
/// </summary>
internal static class LoadGenerator
{
    /// <param name="answeredOnly">Count only the requests <paramref name="send"/> calls successful (the overload bench's answered reads); the others are neither rate, latency nor error.</param>
    public static async Task<LoadResult> RunAsync(string name, int workers, TimeSpan warmUp, TimeSpan measure,
        Func<int, long, Task<bool>> send, bool answeredOnly = false)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)((warmUp + measure).TotalSeconds * Stopwatch.Frequency);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[workers];
        var errors = new long[workers];
        var counted = new long[workers];
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            long n = 0;
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= stopAt) break;
                var ok = await send(w, n++);
                var end = Stopwatch.GetTimestamp();
                if (start < measureFrom || (answeredOnly && !ok)) continue;
                if (!ok) errors[w]++;
                counted[w]++;
                mine.Add((end - start) * 1000.0 / Stopwatch.Frequency);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(name, counted.Sum(), errors.Sum(), measure, all);
    }
}

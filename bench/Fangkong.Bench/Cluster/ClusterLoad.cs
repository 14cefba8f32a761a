using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Cluster;

/// <summary>
/// Gate load through HAProxy for a fixed time, each device a closed loop of check-ins and check-outs with keys it retries
/// until answered; writes every acknowledged (device user, key) to a file and prints the longest time without any answer.
/// </summary>
internal static class ClusterLoad
{
    public static async Task<int> RunAsync(BenchArgs a)
    {
        var url = a.Get("url", "http://127.0.0.1:56010");
        var connection = a.Get("postgres", "");
        var seconds = a.Int("seconds", 20);
        // Keys are 8–64 characters of [A-Za-z0-9_.:-] (GateService), new for every run on the same cluster.
        var tag = $"{a.Get("tag", "run")}{DateTime.UtcNow.Ticks:x}";
        var acked = a.Get("acked", "acked.txt");
        await ClusterFixture.PrepareAsync(connection);
        var ids = await ClusterFixture.GreenIdNumbersAsync(connection);
        var devices = await Task.WhenAll(Enumerable.Range(0, ClusterFixture.DevicesPerVenue)
            .Select(d => FieldDevice.SignInAsync(url, ClusterFixture.LoadUser(d), ClusterFixture.Password, TimeSpan.FromSeconds(30))));
        Console.WriteLine($"load: {devices.Length} devices on instances {string.Join(",", devices.Select(d => d.Instance))}, {seconds} s");
        // The fault test kills a part only once the load runs, on the instance most devices are pinned to.
        var busiest = devices.GroupBy(d => d.Instance).OrderByDescending(g => g.Count()).First().Key;
        if (a.Get("started", "") is { Length: > 0 } started) await File.WriteAllTextAsync(started, busiest + "\n");

        var start = Stopwatch.GetTimestamp();
        var stopAt = start + seconds * Stopwatch.Frequency;
        var giveUpAt = stopAt + 90 * Stopwatch.Frequency; // a request in flight at the end keeps trying for 90 s more
        var answers = new ConcurrentBag<(string User, string Key, long At, bool Replayed)>();
        long failures = 0, unanswered = 0;
        var workers = devices.Select((device, w) => Task.Run(async () =>
        {
            for (long n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
            {
                var person = ids[(w + (n / 2) * devices.Length) % ids.Length];
                var key = $"{tag}-{w}-{n}";
                var reply = await device.SendAsync(n % 2 == 0 ? "/api/gate/check-in" : "/api/gate/check-out", key, person, giveUpAt,
                    () => Interlocked.Increment(ref failures));
                if (reply is null) { Interlocked.Increment(ref unanswered); break; }
                answers.Add((device.UserName, key, reply.At, reply.Replayed));
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);

        var times = answers.Select(x => x.At).Order().ToArray();
        var gap = 0.0;
        for (var i = 1; i < times.Length; i++) gap = Math.Max(gap, (times[i] - times[i - 1]) / (double)Stopwatch.Frequency);
        await File.WriteAllLinesAsync(acked, answers.Select(x => $"{x.User}\t{x.Key}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {answers.Count:N0} acknowledged in {elapsed.TotalSeconds:F1} s ({answers.Count / elapsed.TotalSeconds:F0}/s), {failures:N0} failed attempts retried, {answers.Count(x => x.Replayed):N0} answered as replays, {unanswered} never answered; longest time without an answer: {gap:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"downtime-seconds {gap:F2}"));
        return unanswered == 0 ? 0 : 1;
    }

    /// <summary>Every acknowledged key is a gate event in the store, exactly once.</summary>
    public static async Task<int> VerifyAsync(BenchArgs a)
    {
        var connection = a.Get("postgres", "");
        var lines = await File.ReadAllLinesAsync(a.Get("acked", "acked.txt"));
        var acked = lines.Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => (User: p[0], Key: p[1])).ToList();
        await using var db = ClusterFixture.Open(connection);
        var devices = await db.Users.Where(u => u.UserName.StartsWith("fault-gate-")).ToDictionaryAsync(u => u.UserName, u => u.DeviceId!.Value);
        var deviceIds = devices.Values.ToList();
        var keys = acked.Select(x => x.Key).ToList();
        var stored = (await db.GateEvents.AsNoTracking().Where(e => deviceIds.Contains(e.DeviceId) && keys.Contains(e.IdempotencyKey))
            .Select(e => new { e.DeviceId, e.IdempotencyKey }).ToListAsync())
            .GroupBy(e => (e.DeviceId, e.IdempotencyKey)).ToDictionary(g => g.Key, g => g.Count());
        var missing = acked.Count(x => !stored.ContainsKey((devices[x.User], x.Key)));
        var twice = stored.Values.Count(c => c > 1);
        Console.WriteLine($"verify: {acked.Count:N0} acknowledged, {acked.Count - missing:N0} in the store, {missing} missing, {twice} stored more than once");
        return missing == 0 && twice == 0 && acked.Count > 0 ? 0 : 1;
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Cluster;

/// <summary>
/// N different visitors check in at once at the hall of capacity 50, through HAProxy, from devices spread over every
/// instance: never more than 50 admitted, and the store holds exactly the admitted ones inside (ADR 0044).
/// </summary>
internal static class ClusterCapacity
{
    public static async Task<int> RunAsync(BenchArgs a)
    {
        var url = a.Get("url", "http://127.0.0.1:56010");
        var connection = a.Get("postgres", "");
        var visitors = a.Int("visitors", 200);
        await ClusterFixture.PrepareAsync(connection);
        var ids = await ClusterFixture.GreenIdNumbersAsync(connection);
        if (ids.Length < visitors) { Console.WriteLine($"capacity: only {ids.Length} green residents"); return 1; }
        // Everyone out first, so the proof can run again on the same cluster.
        await using (var db = ClusterFixture.Open(connection))
            await db.Visits.Where(v => v.VenueId == ClusterFixture.CappedVenue && v.ExitedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.ExitedAtUtc, DateTime.UtcNow));
        // Devices signed in at each instance in turn (--instances), so every instance decides for the hall at once;
        // through HAProxy otherwise.
        var targets = a.Get("instances", url).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var devices = await Task.WhenAll(Enumerable.Range(0, ClusterFixture.DevicesPerVenue)
            .Select(d => FieldDevice.SignInAsync(targets[d % targets.Length], ClusterFixture.CappedUser(d), ClusterFixture.Password, TimeSpan.FromSeconds(30))));
        var instances = Math.Min(targets.Length, devices.Length);
        var tag = $"cap{DateTime.UtcNow.Ticks:x}";
        var giveUpAt = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = Enumerable.Range(0, visitors).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await devices[i % devices.Length].SendAsync("/api/gate/check-in", $"{tag}-{i}", ids[i], giveUpAt, () => { });
        })).ToArray();
        var t = Stopwatch.StartNew();
        go.SetResult();
        var replies = await Task.WhenAll(sends);
        var admitted = replies.Count(r => r?.Outcome == "Admit");
        var unanswered = replies.Count(r => r is null);
        await using var check = ClusterFixture.Open(connection);
        var inside = await check.Visits.CountAsync(v => v.VenueId == ClusterFixture.CappedVenue && v.ExitedAtUtc == null);
        Console.WriteLine($"capacity: {visitors} check-ins at once from {devices.Length} devices on {instances} instances in {t.Elapsed.TotalSeconds:F1} s: {admitted} admitted, {visitors - admitted - unanswered} refused, {unanswered} unanswered; {inside} inside by the store (capacity {ClusterFixture.Capacity})");
        return admitted <= ClusterFixture.Capacity && inside == admitted && unanswered == 0 && admitted == Math.Min(visitors, ClusterFixture.Capacity) ? 0 : 1;
    }
}

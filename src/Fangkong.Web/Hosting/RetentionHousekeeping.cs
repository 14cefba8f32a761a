using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Retention;
using Fangkong.Domain.Common;

namespace Fangkong.Web.Hosting;

/// <summary>
/// The daily retention purge (ADR 0026): once soon after start, then every day at <c>Policy:Retention:DailyAtHour</c> city time,
/// every class of personal data past its period is deleted in batches. Logs counts per class, never a record. One instance of
/// the cluster purges each day's run (ADR 0047); the others only drop the purged visits from their own contact index.
/// </summary>
public sealed class RetentionHousekeeping(DemoCityProgress demo, RetentionRun run, RetentionPolicy policy, ClusterLeases leases, IVisitWrites visitWrites,
    CityClock clock, TimeProvider time, ILogger<RetentionHousekeeping> log) : BackgroundService
{
    public const string Lease = "retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await demo.WhenReadyAsync(stoppingToken); // not over a demo city still being generated
        var delay = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, time, stoppingToken);
            try
            {
                foreach (var c in await TickAsync(stoppingToken) ?? [])
                    if (c.Count > 0) log.LogInformation("Retention: purged {Count} {Class} records past their period", c.Count, c.Class);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Retention purge failed; will retry at the next run");
            }
            delay = UntilNextRun();
        }
    }

    /// <summary>One run: the counts purged, or null when another instance has claimed this day's run.</summary>
    public async Task<IReadOnlyList<RetentionCount>?> TickAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        IReadOnlyList<RetentionCount>? counts = null;
        if (!await leases.RunOnceAsync(Lease, Slot(), async () => counts = await run.PurgeAsync(now, ct), ct)) visitWrites.Purged(now);
        return counts;
    }

    /// <summary>The day whose scheduled run is the last one due: a run at start before the hour belongs to the day before.</summary>
    private long Slot() => DateOnly.FromDateTime(clock.LocalNow.AddHours(-Math.Clamp(policy.DailyAtHour, 0, 23))).DayNumber;

    private TimeSpan UntilNextRun()
    {
        var local = clock.LocalNow;
        var next = local.Date.AddHours(Math.Clamp(policy.DailyAtHour, 0, 23));
        if (next <= local) next = next.AddDays(1);
        return next - local;
    }
}

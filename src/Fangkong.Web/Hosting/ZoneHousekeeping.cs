using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Once a city day (checked hourly, first at start): reviews every zone in force and proposes the downgrades and lifts its rules
/// allow, on one instance of the cluster per day (ADR 0047).
/// </summary>
public sealed class ZoneHousekeeping(DemoCityProgress demo, IDbContextFactory<FangkongDb> dbs, ZoneReview review, ClusterLeases leases, CityClock clock,
    TimeProvider time, ILogger<ZoneHousekeeping> log) : BackgroundService
{
    public const string Lease = "zone-review";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await demo.WhenReadyAsync(stoppingToken); // not over a demo city still being generated
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        DateOnly? reviewed = null;
        do
        {
            if (reviewed == clock.Today) continue;
            try
            {
                var day = clock.Today;
                var run = await TickAsync(stoppingToken);
                reviewed = day;
                if (run is { } r && r.Proposed + r.Withdrawn > 0)
                    log.LogInformation("Zone review {Day}: {Assessed} zones, {Proposed} steps proposed, {Withdrawn} withdrawn", r.Day, r.Assessed, r.Proposed, r.Withdrawn);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Zone review failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One review: what it did, or null when another instance has claimed today's.</summary>
    public async Task<ZoneReviewRun?> TickAsync(CancellationToken ct)
    {
        ZoneReviewRun? done = null;
        await leases.RunOnceAsync(Lease, clock.Today.DayNumber, async () =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            done = await review.RunAsync(db, 0, ct);
        }, ct);
        return done;
    }
}

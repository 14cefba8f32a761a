using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Hosting;

/// <summary>Once a city day (checked hourly, first at start): reviews every zone in force and proposes the downgrades and lifts its rules allow.</summary>
public sealed class ZoneHousekeeping(DemoCityProgress demo, IDbContextFactory<FangkongDb> dbs, ZoneReview review, CityClock clock, TimeProvider time, ILogger<ZoneHousekeeping> log) : BackgroundService
{
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
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                var run = await review.RunAsync(db, 0, stoppingToken);
                reviewed = run.Day;
                if (run.Proposed + run.Withdrawn > 0)
                    log.LogInformation("Zone review {Day}: {Assessed} zones, {Proposed} steps proposed, {Withdrawn} withdrawn", run.Day, run.Assessed, run.Proposed, run.Withdrawn);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Zone review failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

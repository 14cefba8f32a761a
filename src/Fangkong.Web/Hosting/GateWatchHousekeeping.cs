using Fangkong.Core.Data;
using Fangkong.Core.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Hosting;

/// <summary>Every few minutes: judges every venue's gates by the unattended-gate rule, raising and clearing alerts (issue 24).</summary>
public sealed class GateWatchHousekeeping(DemoCityProgress demo, IDbContextFactory<FangkongDb> dbs, GateWatchRun run, TimeProvider time, ILogger<GateWatchHousekeeping> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await demo.WhenReadyAsync(stoppingToken); // not over a demo city still being generated
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), time);
        do
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                var outcome = await run.RunAsync(db, stoppingToken);
                if (outcome.Raised + outcome.Cleared > 0)
                    log.LogInformation("Gate watch: {Venues} venues, {Raised} alerts raised, {Cleared} cleared", outcome.Venues, outcome.Raised, outcome.Cleared);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Gate watch failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Hosting;

/// <summary>Every minute: closes overdue entries (inferred exits). Entry records past retention go with the daily purge (<see cref="RetentionHousekeeping"/>).</summary>
public sealed class GateHousekeeping(DemoCityProgress demo, IDbContextFactory<FangkongDb> dbs, VisitCloser closer, TimeProvider time, ILogger<GateHousekeeping> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await demo.WhenReadyAsync(stoppingToken); // not over a demo city still being generated
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                var closed = await closer.CloseOverdueAsync(db, stoppingToken);
                if (closed > 0) log.LogInformation("Closed {Count} overdue visits as inferred exits", closed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Inferred-exit pass failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Retention;
using Fangkong.Domain.Common;

namespace Fangkong.Web.Hosting;

/// <summary>
/// The daily retention purge (ADR 0026): once soon after start, then every day at <c>Policy:Retention:DailyAtHour</c> city time,
/// every class of personal data past its period is deleted in batches. Logs counts per class, never a record.
/// </summary>
public sealed class RetentionHousekeeping(DemoCityProgress demo, RetentionRun run, RetentionPolicy policy, CityClock clock, TimeProvider time, ILogger<RetentionHousekeeping> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await demo.WhenReadyAsync(stoppingToken); // not over a demo city still being generated
        var delay = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, time, stoppingToken);
            try
            {
                foreach (var c in await run.PurgeAsync(clock.UtcNow, stoppingToken))
                    if (c.Count > 0) log.LogInformation("Retention: purged {Count} {Class} records past their period", c.Count, c.Class);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Retention purge failed; will retry at the next run");
            }
            delay = UntilNextRun();
        }
    }

    private TimeSpan UntilNextRun()
    {
        var local = clock.LocalNow;
        var next = local.Date.AddHours(Math.Clamp(policy.DailyAtHour, 0, 23));
        if (next <= local) next = next.AddDays(1);
        return next - local;
    }
}

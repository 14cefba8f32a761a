using Fangkong.Core.Tracing;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Builds the process's contact index (<see cref="StayIndex"/>, ADR 0033) in the background at start, logging its progress, and
/// again whenever the daily purge asks. Contact searches read the store until it is ready; <c>GET /api/tracing/index</c> shows it.
/// </summary>
public sealed class StayIndexBuilder(DemoCityProgress demo, StayIndex index, ILogger<StayIndexBuilder> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting, and a first start's demo city be written (ids the index would not follow), before reading every visit.
        await Task.Yield();
        await demo.WhenReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                log.LogInformation("Contact index: building");
                await index.BuildAsync(Report, stoppingToken);
                GC.Collect();
                var s = index.Status;
                log.LogInformation("Contact index ready: {Stays:N0} stays of {Persons:N0} persons since {Floor:u} in {Seconds:F1} s, ≈{Bytes:F2} GB (managed heap {Heap:F2} GB)",
                    s.Stays, s.Persons, s.FloorUtc, s.BuildSeconds, s.Bytes / 1e9, GC.GetTotalMemory(false) / 1e9);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Contact index build failed; searches read the store until the next build");
            }
            await index.WaitForRebuildAsync(stoppingToken);
        }
    }

    private void Report(StayIndexStatus s)
    {
        if (s.State == StayIndexState.Building)
            log.LogInformation("Contact index: {Read:N0} of {Expected:N0} stays read", s.Read, s.Expected);
    }
}

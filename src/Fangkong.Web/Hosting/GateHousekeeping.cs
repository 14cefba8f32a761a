using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Every minute: closes overdue entries (inferred exits), on one instance of the cluster per minute (ADR 0047). Entry records
/// past retention go with the daily purge (<see cref="RetentionHousekeeping"/>).
/// </summary>
public sealed class GateHousekeeping(DemoCityProgress demo, IDbContextFactory<FangkongDb> dbs, VisitCloser closer, ClusterLeases leases, CityClock clock,
    TimeProvider time, ILogger<GateHousekeeping> log) : BackgroundService
{
    public const string Lease = "inferred-exits";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await demo.WhenReadyAsync(stoppingToken); // not over a demo city still being generated
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                if (await TickAsync(stoppingToken) is > 0 and var closed) log.LogInformation("Closed {Count} overdue visits as inferred exits", closed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Inferred-exit pass failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: the visits closed, or null when another instance has claimed this minute.</summary>
    public async Task<int?> TickAsync(CancellationToken ct)
    {
        int? closed = null;
        await leases.RunOnceAsync(Lease, ClusterLeases.Minute(clock.UtcNow), async () =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            closed = await closer.CloseOverdueAsync(db, ct);
        }, ct);
        return closed;
    }
}

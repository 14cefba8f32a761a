using System.Diagnostics;
using System.Threading.Channels;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Exports;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Hosting;

/// <summary>Wakes the export worker of this instance when a job is requested here; other instances' jobs are found by polling.</summary>
public sealed class ExportSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    public void Wake() => _channel.Writer.TryWrite(true);
    internal ChannelReader<bool> Reader => _channel.Reader;
}

/// <summary>
/// Runs queued line-list exports one at a time; polls every few seconds, or at once when woken. Instances claim jobs with
/// <c>FOR UPDATE SKIP LOCKED</c> (<see cref="ExportRunner.ClaimAsync"/>), so a job runs on one of them.
/// </summary>
public sealed class ExportWorker(IDbContextFactory<FangkongDb> dbs, StaleReads reads, ExportRunner runner, ExportSignal signal, ILogger<ExportWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                while (await runner.ClaimAsync(db, stoppingToken) is { } id)
                {
                    log.LogInformation("Export {Job} started", id);
                    using var span = Telemetry.Traces.StartActivity("export job");
                    span?.SetTag("fangkong.export.job", id);
                    var started = Stopwatch.GetTimestamp();
                    var outcome = "done";
                    try
                    {
                        // The rows from a standby when there is one (ADR 0047): an export is a copy of a moment anyway.
                        await using (var rows = await reads.CreateAsync(stoppingToken)) await runner.RunAsync(db, id, stoppingToken, rows);
                        log.LogInformation("Export {Job} finished", id);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        outcome = "failed";
                        log.LogWarning(e, "Export {Job} failed", id);
                    }
                    Telemetry.ExportJob.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("fangkong.export.outcome", outcome));
                    db.ChangeTracker.Clear();
                }
                await runner.PurgeAsync(db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Export pass failed; will retry");
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Poll);
            try { await signal.Reader.ReadAsync(wait.Token); }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
        }
    }
}

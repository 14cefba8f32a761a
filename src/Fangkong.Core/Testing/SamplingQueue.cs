using System.Threading.Channels;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fangkong.Core.Testing;

/// <summary>
/// The sampling tables' queue, the gate's twin (ADR 0035): one loop on a thread of its own drains whatever calls are
/// waiting (up to <see cref="MaxBatch"/>), from every table, and hands them to <see cref="SampleBatch"/> as one group —
/// one transaction, one commit — and only then answers each caller. A group that fails (a race with another instance:
/// a tube filled or a person swabbed there meanwhile) rolls back whole and answers nobody from it; each of its calls is
/// then decided alone on fresh reads.
/// </summary>
public sealed class SamplingQueue : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private readonly Channel<(PendingScan Item, TaskCompletionSource<ScanResult> Done)> _queue =
        Channel.CreateBounded<(PendingScan, TaskCompletionSource<ScanResult>)>(new BoundedChannelOptions(20_000) { SingleReader = true });
    private readonly IDbContextFactory<FangkongDb> _dbs;
    private readonly SampleBatch _batch;
    private readonly ILogger<SamplingQueue> _log;
    private readonly Task _loop;

    public SamplingQueue(IDbContextFactory<FangkongDb> dbs, SampleBatch batch, ILogger<SamplingQueue> log)
    {
        _dbs = dbs;
        _batch = batch;
        _log = log;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Groups committed so far and calls in them: the benchmark reports the mean group.</summary>
    public long Batches { get; private set; }
    public long Requests { get; private set; }

    internal async Task<ScanResult> SubmitAsync(PendingScan item, CancellationToken ct)
    {
        var done = new TaskCompletionSource<ScanResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((item, done), ct);
        // Once queued the write goes ahead even if the caller gives up; the table's retry then replays it.
        return await done.Task.WaitAsync(ct);
    }

    private void Run()
    {
        var group = new List<(PendingScan Item, TaskCompletionSource<ScanResult> Done)>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            while (group.Count < MaxBatch && _queue.Reader.TryRead(out var next)) group.Add(next);
            if (group.Count == 0) continue;
            try
            {
                PendingScan[] items = [.. group.Select(g => g.Item)];
                var results = Telemetry.Group("sampling group commit", Telemetry.SamplingGroupSize, Telemetry.SamplingCommit, items.Length, () => Commit(items));
                for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
            }
            catch (Exception e)
            {
                _log.LogWarning(e, "Sampling group of {Count} failed; deciding each alone", group.Count);
                foreach (var (item, done) in group)
                {
                    try { done.TrySetResult(Alone(item)); }
                    catch (Exception single) { done.TrySetException(single); }
                }
            }
            Batches++;
            Requests += group.Count;
        }
    }

    private ScanResult[] Commit(IReadOnlyList<PendingScan> items)
    {
        using var db = _dbs.CreateDbContext();
        return _batch.Commit(db, items, _dbs.CreateDbContext);
    }

    /// <summary>
    /// One call alone; when it loses a race to another writer (the unique indexes, a guarded count), once more on fresh
    /// reads, which then see the winner's rows: a retry's first answer, or "already sampled".
    /// </summary>
    private ScanResult Alone(PendingScan item)
    {
        try { return Commit([item])[0]; }
        catch (Exception e) when (SampleBatch.LostRace(e)) { return Commit([item])[0]; }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}

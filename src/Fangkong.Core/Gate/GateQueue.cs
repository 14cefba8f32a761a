using System.Threading.Channels;
using Fangkong.Core.Common;
using Microsoft.Extensions.Logging;

namespace Fangkong.Core.Gate;

/// <summary>
/// The gate's queue: one loop drains whatever requests are waiting (up to <see cref="MaxBatch"/>) and hands them to
/// <see cref="GateBatch"/> as one group, which reads, decides and writes them in one transaction; only then is each
/// caller answered. A burst of N requests costs one commit instead of N, and nothing is acknowledged before it is durable
/// (ADR 0004). The loop has a thread of its own and makes the group's round trips synchronously on it, so at a peak they
/// never wait in the thread pool's queue behind the HTTP requests that fill it (ADR 0032).
/// </summary>
public sealed class GateQueue : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private readonly Channel<(PendingGate Item, TaskCompletionSource<GateResult> Done)> _queue =
        Channel.CreateBounded<(PendingGate, TaskCompletionSource<GateResult>)>(new BoundedChannelOptions(20_000) { SingleReader = true });
    private readonly GateBatch _batch;
    private readonly ILogger<GateQueue> _log;
    private readonly Task _loop;

    public GateQueue(GateBatch batch, ILogger<GateQueue> log)
    {
        _batch = batch;
        _log = log;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Batches committed so far and requests in them: the benchmark reports the average group size.</summary>
    public long Batches { get; private set; }
    public long Requests { get; private set; }

    internal async Task<GateAnswer> SubmitAsync(PendingGate item, CancellationToken ct)
    {
        var done = new TaskCompletionSource<GateResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((item, done), ct);
        // Once queued the write goes ahead even if the caller gives up; the device's retry then replays it.
        var result = await done.Task.WaitAsync(ct);
        // Worded here, in the caller's context and so in its reader's language, not on the loop that serves everyone.
        if (result.Refusal is { } refuse) throw refuse();
        return result.Answer! with { Note = result.Note is { } note ? Messages.Get(note) : null };
    }

    private void Run()
    {
        var group = new List<(PendingGate Item, TaskCompletionSource<GateResult> Done)>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            while (group.Count < MaxBatch && _queue.Reader.TryRead(out var next)) group.Add(next);
            if (group.Count == 0) continue;
            try
            {
                var items = group.Select(g => g.Item).ToList();
                var results = Telemetry.Group("gate group commit", Telemetry.GateGroupSize, Telemetry.GateCommit, items.Count, () => _batch.Commit(items));
                for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
            }
            catch (Exception e)
            {
                // One bad request, or a race with another instance (the same first-time visitor registered at two gates),
                // must not fail its neighbours: each is retried alone, and reads what the other instance committed.
                _log.LogWarning(e, "Gate group of {Count} failed; retrying one by one", group.Count);
                foreach (var (item, done) in group)
                {
                    try { done.TrySetResult(_batch.Commit([item])[0]); }
                    catch (Exception single) { done.TrySetException(single); }
                }
            }
            Batches++;
            Requests += group.Count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}

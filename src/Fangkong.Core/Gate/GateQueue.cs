using System.Threading.Channels;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.Extensions.Logging;

namespace Fangkong.Core.Gate;

/// <summary>
/// The gate's queue: each lane's loop drains whatever requests are waiting (up to <see cref="MaxBatch"/>) and hands them to
/// <see cref="GateBatch"/> as one group, which reads, decides and writes them in one transaction; only then is each
/// caller answered. A burst of N requests costs one commit instead of N, and nothing is acknowledged before it is durable
/// (ADR 0004).
/// <para>
/// On PostgreSQL several lanes commit at once (ADR 0032): one lane waits for its group's WAL flush while the next decides,
/// and the server flushes concurrent commits together. A device always lands in the same lane (its keys, retries and
/// reuses are decided in one place), and a venue with a cap puts all its devices in one lane, so its cap holds exactly.
/// SQLite serialises writers whatever we do, so it keeps one lane.
/// </para>
/// </summary>
public sealed class GateQueue : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private readonly Lane[] _lanes;
    private readonly GateBatch _batch;
    private readonly ILogger<GateQueue> _log;
    private long _batches, _requests;

    public GateQueue(GateBatch batch, StorageOptions storage, ILogger<GateQueue> log)
    {
        _batch = batch;
        _log = log;
        var lanes = storage.GateLanes > 0 ? storage.GateLanes : storage.Provider == StorageProvider.Postgres ? 4 : 1;
        _lanes = Enumerable.Range(0, lanes).Select(_ => new Lane(this)).ToArray();
    }

    /// <summary>Batches committed so far and requests in them: the benchmark reports the average group size.</summary>
    public long Batches => Interlocked.Read(ref _batches);
    public long Requests => Interlocked.Read(ref _requests);

    internal async Task<GateAnswer> SubmitAsync(PendingGate item, CancellationToken ct)
    {
        var done = new TaskCompletionSource<GateResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await LaneOf(item).Queue.Writer.WriteAsync((item, done), ct);
        // Once queued the write goes ahead even if the caller gives up; the device's retry then replays it.
        var result = await done.Task.WaitAsync(ct);
        // Worded here, in the caller's context and so in its reader's language, not on the loop that serves everyone.
        if (result.Refusal is { } refuse) throw refuse();
        return result.Answer! with { Note = result.Note is { } note ? Messages.Get(note) : null };
    }

    /// <summary>A capped venue's requests in one lane (its count is exact); otherwise a device's requests in one lane.</summary>
    private Lane LaneOf(PendingGate item)
    {
        if (_lanes.Length == 1) return _lanes[0];
        var by = item.Venue.Capacity > 0 ? item.Venue.Id : item.Device.Id;
        return _lanes[(int)((ulong)by % (ulong)_lanes.Length)];
    }

    private sealed class Lane
    {
        public readonly Channel<(PendingGate Item, TaskCompletionSource<GateResult> Done)> Queue =
            Channel.CreateBounded<(PendingGate, TaskCompletionSource<GateResult>)>(new BoundedChannelOptions(20_000) { SingleReader = true });
        public readonly Task Loop;

        public Lane(GateQueue owner) => Loop = Task.Run(() => owner.RunAsync(Queue.Reader));
    }

    private async Task RunAsync(ChannelReader<(PendingGate Item, TaskCompletionSource<GateResult> Done)> reader)
    {
        var group = new List<(PendingGate Item, TaskCompletionSource<GateResult> Done)>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxBatch && reader.TryRead(out var next)) group.Add(next);
            if (group.Count == 0) continue;
            try
            {
                var results = await _batch.CommitAsync(group.Select(g => g.Item).ToList(), CancellationToken.None);
                for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
            }
            catch (Exception e)
            {
                // One bad request, or a race with another lane or instance (the same first-time visitor registered at two
                // gates), must not fail its neighbours: each is retried alone, and reads what the other lane committed.
                _log.LogWarning(e, "Gate group of {Count} failed; retrying one by one", group.Count);
                foreach (var (item, done) in group)
                {
                    try { done.TrySetResult((await _batch.CommitAsync([item], CancellationToken.None))[0]); }
                    catch (Exception single) { done.TrySetException(single); }
                }
            }
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _requests, group.Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes) lane.Queue.Writer.TryComplete();
        await Task.WhenAll(_lanes.Select(l => l.Loop));
    }
}

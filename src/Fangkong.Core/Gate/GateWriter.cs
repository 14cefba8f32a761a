using System.Threading.Channels;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fangkong.Core.Gate;

/// <summary>
/// Group commit for the gate: one loop drains whatever requests are waiting (up to <see cref="MaxBatch"/>),
/// decides them in order against the venue occupancy read once for the group, writes them in one
/// transaction and only then answers each caller. A burst of N requests costs one commit instead of N,
/// and nothing is acknowledged before it is durable (ADR 0004).
/// </summary>
public sealed class GateWriter : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private readonly Channel<(PendingGate Item, TaskCompletionSource<GateAnswer> Done)> _queue =
        Channel.CreateBounded<(PendingGate, TaskCompletionSource<GateAnswer>)>(new BoundedChannelOptions(20_000) { SingleReader = true });
    private readonly GateBatch _batch;
    private readonly ILogger<GateWriter> _log;
    private readonly Task _loop;

    public GateWriter(GateBatch batch, ILogger<GateWriter> log)
    {
        _batch = batch;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Batches committed so far and requests in them: the benchmark reports the average group size.</summary>
    public long Batches { get; private set; }
    public long Requests { get; private set; }

    internal async Task<GateAnswer> SubmitAsync(PendingGate item, CancellationToken ct)
    {
        var done = new TaskCompletionSource<GateAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((item, done), ct);
        // Once queued the write goes ahead even if the caller gives up; the device's retry then replays it.
        return await done.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var group = new List<(PendingGate Item, TaskCompletionSource<GateAnswer> Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxBatch && _queue.Reader.TryRead(out var next)) group.Add(next);
            if (group.Count == 0) continue;
            try
            {
                var results = await _batch.CommitAsync(group.Select(g => g.Item).ToList(), CancellationToken.None);
                for (var i = 0; i < group.Count; i++) Complete(group[i].Done, results[i]);
            }
            catch (Exception e) when (group.Count > 1)
            {
                // One bad request (or a race with another instance) must not fail its neighbours: retry alone.
                _log.LogWarning(e, "Gate group of {Count} failed; retrying one by one", group.Count);
                foreach (var (item, done) in group)
                {
                    try { Complete(done, (await _batch.CommitAsync([item], CancellationToken.None))[0]); }
                    catch (Exception single) { done.TrySetException(single); }
                }
            }
            catch (Exception e)
            {
                group[0].Done.TrySetException(e);
            }
            Batches++;
            Requests += group.Count;
        }
    }

    private static void Complete(TaskCompletionSource<GateAnswer> done, GateResult result)
    {
        if (result.Answer is { } answer) done.TrySetResult(answer);
        else done.TrySetException(result.Error!);
    }

    internal static async Task<GateAnswer> ReplayAnswerAsync(FangkongDb db, GateEvent e, CancellationToken ct)
    {
        var name = e.PersonId is { } pid ? await db.Persons.Where(p => p.Id == pid).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var venue = await db.Venues.AsNoTracking().FirstAsync(v => v.Id == e.VenueId, ct);
        var occupancy = await db.Visits.CountAsync(v => v.VenueId == e.VenueId && v.ExitedAtUtc == null, ct);
        var colour = e.PersonId is { } p2
            ? await db.Colours.Where(h => h.PersonId == p2).Select(h => (Domain.Codes.CodeColour?)h.Colour).FirstOrDefaultAsync(ct) ?? Domain.Codes.CodeColour.Green
            : Domain.Codes.CodeColour.Green;
        return new GateAnswer(e.Id, e.Outcome, GateBatch.ParseReasons(e.Reasons), Domain.People.Masking.Name(name), colour,
            e.VisitId, occupancy, venue.Capacity, true, e.AtUtc, "重复提交，返回首次结果 / retry: the first answer is returned");
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}

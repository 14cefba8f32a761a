namespace Fangkong.Web.Hosting;

/// <summary>
/// How far the first start's demo city has come. The server answers at once (issue 19: first page in under a minute on a
/// fresh clone) while the city is generated behind it; until it is ready every request gets the progress page or a 503,
/// never a half-generated city, and the housekeeping services wait so they do not work on it mid-way.
/// </summary>
public sealed class DemoCityProgress
{
    private TaskCompletionSource _ready = Completed();
    private volatile Snapshot _now = new(DemoCityState.Ready, "", 0, 0);

    /// <summary>Ready until <see cref="Begin"/>, which the first start calls before the host starts serving.</summary>
    public void Begin()
    {
        _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _now = new Snapshot(DemoCityState.Generating, "", 0, 0);
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    public Snapshot Now => _now;

    public bool IsReady => _now.State == DemoCityState.Ready;

    /// <summary>Completes when the city is ready (at once when there was nothing to generate); never when generating failed.</summary>
    public Task WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    public void Report(string phase, long done, long total) => _now = new Snapshot(DemoCityState.Generating, phase, done, total);

    public void Finished()
    {
        _now = new Snapshot(DemoCityState.Ready, "", 0, 0);
        _ready.TrySetResult();
    }

    public void Failed(string reason) => _now = new Snapshot(DemoCityState.Failed, reason, 0, 0);

    public sealed record Snapshot(DemoCityState State, string Phase, long Done, long Total)
    {
        public int Percent => Total == 0 ? 0 : (int)Math.Min(100, 100 * Done / Total);
    }
}

public enum DemoCityState { Generating, Ready, Failed }

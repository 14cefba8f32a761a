namespace Fangkong.Core.Simulation;

/// <summary>
/// The simulation's clock: the use cases read the time from it, and the simulation moves it through each simulated day,
/// so every record it makes carries that day's time. It only moves forward, as time-ordered ids expect.
/// </summary>
internal sealed class SimulationClock(DateTime startUtc) : TimeProvider
{
    private DateTimeOffset _now = new(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc));

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTime utc)
    {
        var next = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (next > _now) _now = next;
    }
}

namespace Fangkong.Domain.Testing;

/// <summary>Where a round stands against its plan and its deadline, as its planners read it.</summary>
public enum RoundProgressKind
{
    /// <summary>The standing quarantine round: no area, no deadline; tests come as the schedules call for them.</summary>
    Standing,
    /// <summary>Planned, or sampling, and the wave plan finishes before the sampling deadline.</summary>
    OnTime,
    /// <summary>The wave plan itself finishes after the sampling deadline.</summary>
    PlanOverruns,
    /// <summary>Not opened although its start has passed.</summary>
    NotStarted,
    /// <summary>Past the plan's finish with residents still to sample.</summary>
    Behind,
    /// <summary>Past the sampling deadline with residents still to sample.</summary>
    PastDeadline,
    /// <summary>Every resident sampled.</summary>
    AllSampled,
    Closed,
}

/// <summary>What the verdict is drawn from: the round's plan, its state, and how many of its residents were sampled.</summary>
public sealed record RoundFacts(bool Standing, bool Opened, bool Closed, DateTime StartUtc, DateTime SamplingDeadlineUtc, DateTime PlannedFinishUtc,
    TimeSpan PlanOverrun, int Residents, int Sampled);

/// <param name="Late">How far past the plan's finish or the deadline (or how far the plan overruns it).</param>
public sealed record RoundProgress(RoundProgressKind Kind, int Residents, int Sampled, TimeSpan Late)
{
    public int Unsampled => Math.Max(0, Residents - Sampled);
}

/// <summary>
/// The plan's verdict ("meets the deadline") holds only until the clock passes the plan: a round past its planned
/// finish or its deadline with residents unsampled is behind or late, whatever the plan said; one with everyone
/// sampled is done early.
/// </summary>
public static class RoundProgressRule
{
    public static RoundProgress Assess(RoundFacts f, DateTime nowUtc)
    {
        RoundProgress Is(RoundProgressKind kind, TimeSpan late = default) => new(kind, f.Residents, f.Sampled, late);
        if (f.Standing) return Is(RoundProgressKind.Standing);
        if (f.Closed) return Is(RoundProgressKind.Closed);
        if (f.Residents > 0 && f.Sampled >= f.Residents) return Is(RoundProgressKind.AllSampled);
        if (nowUtc >= f.SamplingDeadlineUtc) return Is(RoundProgressKind.PastDeadline, nowUtc - f.SamplingDeadlineUtc);
        if (!f.Opened && nowUtc >= f.StartUtc) return Is(RoundProgressKind.NotStarted, nowUtc - f.StartUtc);
        if (f.Opened && nowUtc >= f.PlannedFinishUtc) return Is(RoundProgressKind.Behind, nowUtc - f.PlannedFinishUtc);
        return f.PlanOverrun > TimeSpan.Zero ? Is(RoundProgressKind.PlanOverruns, f.PlanOverrun) : Is(RoundProgressKind.OnTime);
    }
}

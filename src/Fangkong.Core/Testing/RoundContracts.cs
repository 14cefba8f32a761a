using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

/// <summary>What an administrator fills in to start a round; every field but the name and the area has a default.</summary>
public sealed record RoundRequest(
    string? Name,
    RoundScope? Scope,
    IReadOnlyList<string>? AreaIds,
    DateTime? StartAt,
    int? DeadlineHours = null,
    int? PoolSize = null,
    bool? SingleTubeForKeyGroups = null,
    bool? HouseholdTubeInSealedCompounds = null,
    CodeColour? PositivePoolColour = null,
    bool? YellowForMissedRound = null,
    int? WaveMinutes = null,
    int? ResidentsPerSite = null,
    int? SwabsPerTablePerHour = null);

public sealed record SiteChange(int? Tables, int? SwabsPerTablePerHour);

/// <summary>A round as shown to its planners: status, policy, and whether the wave plan meets the deadline.</summary>
public sealed record RoundView(long Id, string Number, string Name, RoundScope Scope, IReadOnlyList<string> AreaIds, RoundStatus Status,
    DateTime StartUtc, DateTime DeadlineUtc, DateTime SamplingDeadlineUtc, DateTime PlannedFinishUtc, bool MeetsDeadline, TimeSpan Overrun,
    int PoolSize, bool SingleTubeForKeyGroups, bool HouseholdTubeInSealedCompounds, CodeColour PositivePoolColour, bool YellowForMissedRound,
    int WaveMinutes, int Residents, int Sites, int AtHome, DateTime? ClosedAtUtc, int MissedAtClose)
{
    public static RoundView From(TestingRound r, int sites, int atHome)
    {
        var samplingDeadline = RoundPlanner.SamplingDeadline(r.DeadlineUtc);
        return new(r.Id, r.Number, r.Name, r.Scope, r.AreaIds.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Status, r.StartUtc, r.DeadlineUtc,
            samplingDeadline, r.PlannedFinishUtc, r.PlannedFinishUtc <= samplingDeadline,
            r.PlannedFinishUtc > samplingDeadline ? r.PlannedFinishUtc - samplingDeadline : TimeSpan.Zero,
            r.PoolSize, r.SingleTubeForKeyGroups, r.HouseholdTubeInSealedCompounds, r.PositivePoolColour, r.YellowForMissedRound,
            r.WaveMinutes, r.Residents, sites, atHome, r.ClosedAtUtc, r.MissedAtClose);
    }

    /// <summary>What <see cref="RoundProgressRule"/> judges the round by, with how many of its residents were sampled.</summary>
    public RoundFacts Facts(int sampled) => new(Scope == RoundScope.Quarantine, Status != RoundStatus.Planned, Status == RoundStatus.Closed,
        StartUtc, SamplingDeadlineUtc, PlannedFinishUtc, Overrun, Residents, sampled);
}

public sealed record SiteView(long Id, string Name, long CommunityId, string CommunityName, int Tables, int SwabsPerTablePerHour,
    int Compounds, int Residents, DateTime? FirstWaveUtc, DateTime? LastWaveEndUtc);

/// <summary>A resident's own slot: where and when to come down, or that samplers will come to the door.</summary>
public sealed record MySlot(long RoundId, string RoundName, RoundStatus Status, string SiteName, DateTime? StartUtc, DateTime? EndUtc,
    bool AtHome, DateTime? SampledAtUtc, string? Result);

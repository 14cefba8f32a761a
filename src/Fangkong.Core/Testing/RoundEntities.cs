using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Common;
using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

public enum RoundStatus { Planned = 1, Open = 2, Closed = 3 }

/// <summary>
/// What a round covers: the whole city, some districts, or some communities — or no area: the standing round in which
/// quarantined persons' scheduled single tubes are sampled, day after day — or the households of zones in force, on
/// their test days (sealed households at the door).
/// </summary>
public enum RoundScope { City = 1, Districts = 2, Communities = 3, Quarantine = 4, Zones = 5 }

/// <summary>A mass-testing round (全员核酸检测) over an area, with its deadline and pooling policy.</summary>
public sealed class TestingRound : INumberedRecord
{
    public long Id { get; set; }
    /// <summary>The short number people use ("R2026-0042"); the id stays internal.</summary>
    public string Number { get; set; } = "";
    public required string Name { get; set; }
    public RoundScope Scope { get; set; }
    /// <summary>District codes, community ids or zone ids, comma-separated; empty for the whole city.</summary>
    public required string AreaIds { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime DeadlineUtc { get; set; }
    public int PoolSize { get; set; }
    public bool SingleTubeForKeyGroups { get; set; }
    public bool HouseholdTubeInSealedCompounds { get; set; }
    public CodeColour PositivePoolColour { get; set; }
    public bool YellowForMissedRound { get; set; }
    public int WaveMinutes { get; set; }
    public RoundStatus Status { get; set; }
    public int Residents { get; set; }
    /// <summary>When the wave plan finishes the last site; later than the deadline means the plan cannot meet it.</summary>
    public DateTime PlannedFinishUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public long CreatedByUserId { get; set; }
    public DateTime? OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public int MissedAtClose { get; set; }

    public SamplingPolicy Policy => new()
    {
        PoolSize = PoolSize,
        SingleTubeForKeyGroups = SingleTubeForKeyGroups,
        HouseholdTubeInSealedCompounds = HouseholdTubeInSealedCompounds,
        PositivePoolColour = PositivePoolColour,
        YellowForMissedRound = YellowForMissedRound,
        WaveLength = TimeSpan.FromMinutes(WaveMinutes),
    };

    RecordKind INumberedRecord.NumberKind => RecordKind.Round;
    DateTime INumberedRecord.NumberedAtUtc => CreatedAtUtc;
}

/// <summary>A sampling point of a round: tables × samplers' throughput, and the compounds sent to it.</summary>
public sealed class SamplingSite
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public required string Name { get; set; }
    public long CommunityId { get; set; }
    public int Tables { get; set; }
    public int SwabsPerTablePerHour { get; set; }
    /// <summary>In the standing quarantine round: the quarantine site this point samples (null: home isolation visits).</summary>
    public long? QuarantineSiteId { get; set; }
}

/// <summary>
/// One resident in one round: where they live (denormalised so coverage groups by place without joins)
/// and what happened — sampled, result, missed. The round's roster is written once, set-based, when the round is created;
/// the site comes from <see cref="SiteCompound"/> and the time slot from the unit's <see cref="RoundWave"/>.
/// </summary>
public sealed class RoundResident
{
    public long RoundId { get; set; }
    public long PersonId { get; set; }
    public required string DistrictCode { get; set; }
    public long CommunityId { get; set; }
    public long CompoundId { get; set; }
    public long BuildingId { get; set; }
    public long UnitId { get; set; }
    public long HouseholdId { get; set; }
    public bool AtHome { get; set; }
    public bool KeyGroup { get; set; }
    public DateTime? SampledAtUtc { get; set; }
    public PersonOutcome? Outcome { get; set; }
    public DateTime? ResultAtUtc { get; set; }
    public bool Missed { get; set; }
}

/// <summary>Which site a compound's residents go to in a round.</summary>
public sealed class SiteCompound
{
    public long RoundId { get; set; }
    public long CompoundId { get; set; }
    public long SiteId { get; set; }
}

/// <summary>When a building unit's residents come down to their site (one wave, or several for a large unit).</summary>
public sealed class RoundWave
{
    public long RoundId { get; set; }
    public long UnitId { get; set; }
    public long SiteId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public int Residents { get; set; }
}

namespace Fangkong.Core.Testing;

/// <summary>Why a person is to be sampled in a single tube.</summary>
public enum SingleTubeReason
{
    PositivePool = 1,
    QuarantineSchedule = 2,
    /// <summary>A returnee's test the traveller rule asks for, with no stay (tests only: 落地检, issue 21).</summary>
    ReturneeSchedule = 3,
}

/// <summary>
/// A person to be sampled in a single tube: a member of a positive pool, or a quarantined person on a scheduled
/// test day (in the standing quarantine-testing round, due on <see cref="DueDate"/>).
/// </summary>
public sealed class ResampleTask
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long PersonId { get; set; }
    public SingleTubeReason Reason { get; set; } = SingleTubeReason.PositivePool;
    /// <summary>The positive pool, for a re-sampling task.</summary>
    public long? SourceTubeId { get; set; }
    /// <summary>The quarantine and its scheduled day, for a quarantine test.</summary>
    public long? StayId { get; set; }
    public DateOnly? DueDate { get; set; }
    /// <summary>A quarantine test due in the home stage: sampled by a home visit, not at the site.</summary>
    public bool AtHome { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public long? SampleId { get; set; }
    public DateTime? DoneAtUtc { get; set; }
}

public enum DoorReason { Immobile = 1, Sealed = 2, Missing = 3 }

/// <summary>A household to be sampled at home (敲门行动), assigned to a team.</summary>
public sealed class DoorTask
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long HouseholdId { get; set; }
    public long CompoundId { get; set; }
    public long SiteId { get; set; }
    public DoorReason Reason { get; set; }
    public string? Team { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
}

namespace Fangkong.Core.Testing;

/// <summary>A member of a positive pool to be re-sampled in a single tube.</summary>
public sealed class ResampleTask
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long PersonId { get; set; }
    public long SourceTubeId { get; set; }
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

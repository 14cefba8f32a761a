namespace Fangkong.Core.People;

public enum MarkerKind { Immobile = 1, KeyGroup = 2 }

/// <summary>A standing fact about a person that changes how they are sampled: cannot come down, or a key group.</summary>
public sealed class PersonMarker
{
    public long PersonId { get; set; }
    public MarkerKind Kind { get; set; }
}

public enum ControlLevel { Precaution = 1, Controlled = 2, Sealed = 3 }

/// <summary>A compound's control level (封控区 sealed, 管控区 controlled, 防范区 precaution).</summary>
public sealed class ZoneControl
{
    public long CompoundId { get; set; }
    public ControlLevel Level { get; set; }
    public DateTime SinceUtc { get; set; }
    public required string Reason { get; set; }
}

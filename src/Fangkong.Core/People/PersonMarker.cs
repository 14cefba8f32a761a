namespace Fangkong.Core.People;

public enum MarkerKind { Immobile = 1, KeyGroup = 2 }

/// <summary>A standing fact about a person that changes how they are sampled: cannot come down, or a key group.</summary>
public sealed class PersonMarker
{
    public long PersonId { get; set; }
    public MarkerKind Kind { get; set; }
}

namespace Fangkong.Core.Tracing;

/// <summary>Audit of every read of a person's trajectory or a venue's visitor log: who, whom, why, when.</summary>
public sealed class TraceAccess
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string UserName { get; set; }
    public long? PersonId { get; set; }
    public long? VenueId { get; set; }
    public required string Kind { get; set; }
    public required string Purpose { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }
    public DateTime AtUtc { get; set; }
}

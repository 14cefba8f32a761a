using System.Text.Json.Serialization;
using Fangkong.Domain.Text;

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
    /// <summary>The purpose as the reader typed it; empty for a read the platform made for a case (<see cref="PlatformPurpose"/>).</summary>
    public required string Purpose { get; set; }
    /// <summary>
    /// The purpose of a read the platform made for a case (a contact search, a report), worded when read — so
    /// <see cref="TraceAccessLog"/> shows it as <see cref="Purpose"/>, in the reader's language.
    /// </summary>
    [JsonIgnore]
    public Message? PlatformPurpose { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }
    public DateTime AtUtc { get; set; }
}

using Fangkong.Domain.Gate;

namespace Fangkong.Core.Gate;

/// <summary>
/// How an entry was recorded: a gate device reading an ID card (also at an entrance without a gate) or a health code, a
/// resident's phone scanning the venue's code, or that phone registering a household member who has none (代登记, ADR 0038).
/// </summary>
public enum EntryMethod { IdCard = 1, HealthCode = 2, VenueCode = 3, Manual = 4, VenueCodeProxy = 5 }

/// <summary>
/// One stay at a venue. The id is time-ordered (see <see cref="Data.TimeOrderedIds"/>), so id ranges are time
/// ranges and the table can be range-partitioned by id without changing any key (ADR 0003).
/// </summary>
public sealed class Visit
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long VenueId { get; set; }
    public long? EntryDeviceId { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public DateTime? ExitedAtUtc { get; set; }
    /// <summary>True when no exit was scanned and the exit was set to the venue's closing time.</summary>
    public bool ExitInferred { get; set; }
    public EntryMethod Method { get; set; }
    public decimal? Temperature { get; set; }
}

/// <summary>
/// Every gate request, admitted or not, keyed by (device, idempotency key) so that a retry from an
/// offline device finds its first answer instead of writing again.
/// </summary>
public sealed class GateEvent
{
    public long Id { get; set; }
    public long DeviceId { get; set; }
    public required string IdempotencyKey { get; set; }
    public long VenueId { get; set; }
    public long? PersonId { get; set; }
    public GateDirection Direction { get; set; }
    public EntryMethod Method { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>When the device says it happened (offline uploads); AtUtc is when the server recorded it.</summary>
    public DateTime? DeviceTimeUtc { get; set; }
    public decimal? Temperature { get; set; }
    public GateOutcome Outcome { get; set; }
    /// <summary>Comma-separated <see cref="DenyReason"/> names.</summary>
    public string Reasons { get; set; } = "";
    public long? VisitId { get; set; }
    public long? OperatorUserId { get; set; }
    public required string PolicyVersion { get; set; }
}

/// <summary>
/// In or out. <see cref="NextScan"/> is a venue-code scan's request only: in, or out when the person is already inside;
/// the group resolves it, so a stored event is always In or Out (ADR 0038).
/// </summary>
public enum GateDirection { In = 1, Out = 2, NextScan = 3 }

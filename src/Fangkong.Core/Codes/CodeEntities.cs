using Fangkong.Domain.Codes;

namespace Fangkong.Core.Codes;

/// <summary>A person's current colour (one row per person; absent means green with no history).</summary>
public sealed class HealthCodeState
{
    public long PersonId { get; set; }
    public CodeColour Colour { get; set; }
    public DateTime SinceUtc { get; set; }
    public required string Rule { get; set; }
    public required string PolicyVersion { get; set; }
}

/// <summary>Append-only log of colour changes: rule, evidence, policy version, and for manual changes both officers.</summary>
public sealed class HealthCodeChange
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public CodeColour From { get; set; }
    public CodeColour To { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Rule { get; set; }
    public required string Explanation { get; set; }
    /// <summary>References to the records that prove the change, e.g. "gate-event:123", "test:45", "manual:7".</summary>
    public required string Evidence { get; set; }
    public required string PolicyVersion { get; set; }
}

public enum ManualCodeStatus { Pending = 1, Approved = 2, Rejected = 3, Revoked = 4 }

/// <summary>A manual colour: requested by one officer with a reason, in force only once a second officer approves.</summary>
public sealed class ManualCodeRequest
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public CodeColour Colour { get; set; }
    public required string Reason { get; set; }
    public long RequestedByUserId { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public long? DecidedByUserId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public ManualCodeStatus Status { get; set; }
}

using Fangkong.Domain.Codes;
using Fangkong.Domain.Text;

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
    /// <summary>
    /// Why, as a sentence's key in Codes' catalogue ("Codes.Why.Fever") and its arguments (a venue's or a round's name, a
    /// temperature, an officer's reason): worded when read, in the reader's language (ADR 0020), so a resident who
    /// switches language reads the whole history in the new one. The arguments are a JSON array of strings in the store.
    /// Changes explained before issue 15 have the key "Codes.Why.Earlier" and their old Chinese and English halves.
    /// </summary>
    public required string ExplanationKey { get; set; }
    public required string[] ExplanationArgs { get; set; }
    /// <summary>References to the records that prove the change, e.g. "gate-event:123", "test:45", "manual:7".</summary>
    public required string Evidence { get; set; }
    public required string PolicyVersion { get; set; }

    /// <summary>The stored explanation as a message to word (not mapped).</summary>
    public Message Explanation => new(ExplanationKey, ExplanationArgs);
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

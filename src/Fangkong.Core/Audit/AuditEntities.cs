namespace Fangkong.Core.Audit;

/// <summary>
/// One entry of the tamper-evident audit log (ADR 0024): who did what to whom, why and when. Entries are only ever
/// added; each carries the SHA-256 of its fields and of the previous entry's hash (<see cref="AuditHash"/>), so an
/// edited, deleted or inserted row breaks the chain at that entry (<see cref="AuditVerifier"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Time-ordered id, given when the entry is made.</summary>
    public long Id { get; set; }
    /// <summary>Position in the chain, 1, 2, 3…: given when the entry is saved, under the chain head's lock.</summary>
    public long Seq { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>What kind of act (<see cref="AuditKinds"/>): a read, an export, a colour change, an account change.</summary>
    public required string Kind { get; set; }
    /// <summary>The act itself, as the feature names it ("trajectory", "venue-log-export-revealed", "manual-approve").</summary>
    public required string Action { get; set; }
    /// <summary>The officer who acted; none when the platform acted by rule (a fever at a gate, a result).</summary>
    public long? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>The officer's role when they acted (filled from their account when the entry is saved).</summary>
    public string ActorRole { get; set; } = "";
    /// <summary>The person whose data was read or changed, if one.</summary>
    public long? PersonId { get; set; }
    public long? VenueId { get; set; }
    /// <summary>The purpose as the officer typed it, or empty when the platform's own purpose is in <see cref="PurposeKey"/>.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>A platform purpose as a message key with its arguments (JSON), worded when read (ADR 0020).</summary>
    public string? PurposeKey { get; set; }
    /// <summary>The record the act was about or proves it: a case number, "manual:7", "export:12", "user:5".</summary>
    public string Reference { get; set; } = "";
    /// <summary>What changed, in the record's own terms ("Green→Red", "role: sampler→administrator").</summary>
    public string Detail { get; set; } = "";
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>The chain's one head row: the last entry's position and hash. Locked by every append, so appends queue.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }
    public long Seq { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>An alarm the audit log raised when an act crossed a threshold of <c>Policy:Audit</c>.</summary>
public sealed class AuditAlarm
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary><see cref="AuditAlarmKinds"/>.</summary>
    public required string Kind { get; set; }
    public long? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>The entry that crossed the threshold.</summary>
    public long EntrySeq { get; set; }
    /// <summary>How many (persons, requests) against which threshold, or the hour or reason that was odd.</summary>
    public string Detail { get; set; } = "";
}

using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Zones;

/// <summary>Where a zone stands: proposed (by the platform or an officer), in force, lifted, or dismissed unconfirmed.</summary>
public enum ZoneState { Proposed = 1, Active = 2, Lifted = 3, Dismissed = 4 }

/// <summary>The levels of the address tree a zone member can be (domain.md §1): a whole community down to one unit.</summary>
public enum AddressKind { Community = 1, Compound = 2, Building = 3, Unit = 4 }

/// <summary>
/// A zone (封控区 · 管控区 · 防范区, or 高 · 中 · 低风险区): a level over a set of addresses, the cases that caused it, who
/// set it and why, under a preset and a policy version (domain.md §7). Its members and the households they resolve to
/// are <see cref="ZoneMember"/> and <see cref="ZoneHousehold"/>; every change is a <see cref="ZoneChange"/>.
/// </summary>
public sealed class Zone : INumberedRecord
{
    public long Id { get; set; }
    /// <summary>The short number people use ("Z2026-0042"); the id stays internal.</summary>
    public string Number { get; set; } = "";
    public required string Name { get; set; }
    public ZoneLevel Level { get; set; }
    public ZonePreset Preset { get; set; }
    /// <summary>The district the zone lies in (the district of its first member): where the dashboard and bulletin count it.</summary>
    public required string DistrictCode { get; set; }
    public ZoneState State { get; set; }
    public DateTime ProposedAtUtc { get; set; }
    /// <summary>The officer who proposed or drew it; null when the platform proposed it from a case.</summary>
    public long? ProposedByUserId { get; set; }
    /// <summary>When it came into force (confirmed or drawn); null while proposed.</summary>
    public DateTime? StartedAtUtc { get; set; }
    /// <summary>The city day the zone took its current level: the lifting rules count days from here.</summary>
    public DateOnly? LevelSince { get; set; }
    /// <summary>The officer who put it in force.</summary>
    public long? SetByUserId { get; set; }
    /// <summary>Why, as a sentence's key and arguments (a case's number, an officer's words), worded when read.</summary>
    public required string ReasonKey { get; set; }
    public required string[] ReasonArgs { get; set; }
    public required string PolicyVersion { get; set; }
    /// <summary>When it was lifted or dismissed.</summary>
    public DateTime? EndedAtUtc { get; set; }
    /// <summary>Edition 9: a medium-risk area that was high lowers to low after fewer clear days.</summary>
    public bool DowngradedFromSealed { get; set; }
    /// <summary>Households and residents its members cover, counted when they were resolved.</summary>
    public int Households { get; set; }
    public int Residents { get; set; }

    /// <summary>A downgrade or lift waiting for a second officer (null: none).</summary>
    public ZoneStep? PendingStep { get; set; }
    public ZoneLevel? PendingLevel { get; set; }
    public string? PendingRule { get; set; }
    /// <summary>The officer who asked for the pending step: someone else approves it.</summary>
    public long? PendingByUserId { get; set; }
    public DateTime? PendingAtUtc { get; set; }

    public Message Reason => new(ReasonKey, ReasonArgs);

    RecordKind INumberedRecord.NumberKind => RecordKind.Zone;
    DateTime INumberedRecord.NumberedAtUtc => ProposedAtUtc;
}

/// <summary>An address a zone covers, at any level of the tree; a community covers all its compounds' households.</summary>
public sealed class ZoneMember
{
    public long ZoneId { get; set; }
    public AddressKind Kind { get; set; }
    public long AddressId { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public long? AddedByUserId { get; set; }
}

/// <summary>
/// A household a zone covers, resolved from its members set-based when they are set or extended, with the compound it
/// is in: codes, gates and testing join this, never the address tree (ADR 0021).
/// </summary>
public sealed class ZoneHousehold
{
    public long ZoneId { get; set; }
    public long HouseholdId { get; set; }
    public long CompoundId { get; set; }
}

/// <summary>A case that caused a zone or was found inside it, with why it counts (home, a frequented place, found inside).</summary>
public sealed class ZoneCase
{
    public long ZoneId { get; set; }
    public long CaseId { get; set; }
    public required string EvidenceKey { get; set; }
    public required string[] EvidenceArgs { get; set; }
    public DateTime AddedAtUtc { get; set; }

    public Message Evidence => new(EvidenceKey, EvidenceArgs);
}

/// <summary>What happened to a zone in one step of its history.</summary>
public enum ZoneChangeKind
{
    Proposed = 1,
    Confirmed = 2,
    Dismissed = 3,
    Drawn = 4,
    Extended = 5,
    Upgraded = 6,
    /// <summary>The daily assessment found a downgrade or lift due: it waits for an officer to ask for it.</summary>
    StepProposed = 7,
    /// <summary>An officer asked for the downgrade or lift: it waits for a second officer.</summary>
    StepRequested = 8,
    StepRejected = 9,
    Downgraded = 10,
    Lifted = 11,
    CaseAdded = 12,
}

/// <summary>
/// One step of a zone's append-only history: what changed, from and to which level, under which rule, on what evidence
/// (sentences kept as keys and arguments), by which officer and approved by which, under which policy version.
/// </summary>
public sealed class ZoneChange
{
    public long Id { get; set; }
    public long ZoneId { get; set; }
    public ZoneChangeKind Kind { get; set; }
    public ZoneLevel? FromLevel { get; set; }
    public ZoneLevel? ToLevel { get; set; }
    public required string Rule { get; set; }
    public required Message[] Evidence { get; set; }
    /// <summary>The officer who made the change; null when the platform did (a proposal from a case, an assessment).</summary>
    public long? OfficerUserId { get; set; }
    /// <summary>The second officer who approved a downgrade or lift.</summary>
    public long? ApproverUserId { get; set; }
    public required string PolicyVersion { get; set; }
    public DateTime AtUtc { get; set; }
}

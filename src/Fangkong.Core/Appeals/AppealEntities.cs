using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Common;

namespace Fangkong.Core.Appeals;

/// <summary>Where an appeal stands. "Upheld, awaiting approval" holds until a second officer approves the manual colour it asked for.</summary>
public enum AppealState { Open = 1, UpheldAwaitingApproval = 2, Upheld = 3, Refused = 4 }

/// <summary>The office that answers for the rule that fired (domain.md §3): who decided the colour answers the appeal.</summary>
public enum AppealOffice { Tracing = 1, Zone = 2, Testing = 3, District = 4 }

/// <summary>A resident's appeal against a colour other than green, with the rule that had fired when they appealed.</summary>
public sealed class Appeal : INumberedRecord
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    public long PersonId { get; set; }
    public long SubmittedByUserId { get; set; }
    /// <summary>The phone's key for this submission: the same key again answers with the same appeal.</summary>
    public required string IdempotencyKey { get; set; }
    public required string Reason { get; set; }
    public CodeColour Colour { get; set; }
    public required string Rule { get; set; }
    /// <summary>The rule's evidence at submission ("case:12", "zone:3").</summary>
    public required string Evidence { get; set; }
    /// <summary>The colour change appealed against (0 when the colour has no change row): one open appeal per person per change.</summary>
    public long ColourChangeId { get; set; }
    public AppealOffice Office { get; set; }
    /// <summary>The responsible district's code ("220402"); empty when the person has no known district (the city answers).</summary>
    public required string DistrictCode { get; set; }
    public long? CommunityId { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public AppealState State { get; set; }
    public long? AnsweredByUserId { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    /// <summary>The officer's reason: why it was upheld, or why it was refused (the resident reads it).</summary>
    public string? Answer { get; set; }
    /// <summary>The manual colour the uphold asked for (ManualCodes' two-officer path).</summary>
    public long? ManualRequestId { get; set; }

    public RecordKind NumberKind => RecordKind.Appeal;
    public DateTime NumberedAtUtc => SubmittedAtUtc;
}

/// <summary>One evidence file of an appeal (a photo or a PDF), kept in the store with the appeal (ADR 0027).</summary>
public sealed class AppealFile
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public required string FileName { get; set; }
    /// <summary>The type read from the file's first bytes, never the one the client claimed.</summary>
    public required string ContentType { get; set; }
    public int Size { get; set; }
    public required byte[] Content { get; set; }
}

public enum BulkUnlockState { Submitted = 1, Requested = 2, Approved = 3, Rejected = 4 }

/// <summary>An employer's request to turn their staff's codes green: reviewed as one request, asked for by one officer, approved by another.</summary>
public sealed class BulkUnlock : INumberedRecord
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    /// <summary>The employer: the submitting manager's venue.</summary>
    public long? VenueId { get; set; }
    public required string Employer { get; set; }
    public long SubmittedByUserId { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public required string Reason { get; set; }
    public BulkUnlockState State { get; set; }
    public long? RequestedByUserId { get; set; }
    public DateTime? RequestedAtUtc { get; set; }
    public long? DecidedByUserId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }

    public RecordKind NumberKind => RecordKind.BulkUnlock;
    public DateTime NumberedAtUtc => SubmittedAtUtc;
}

public enum BulkLineOutcome { Pending = 1, Unlocked = 2, Refused = 3, AlreadyGreen = 4 }

/// <summary>One person of a bulk request, with what became of them; a refusal names its reason as a message key.</summary>
public sealed class BulkUnlockLine
{
    public long Id { get; set; }
    public long BulkUnlockId { get; set; }
    public int Line { get; set; }
    public long PersonId { get; set; }
    public BulkLineOutcome Outcome { get; set; }
    /// <summary>Why the person was refused: a key of Appeals' catalogue ("Appeals.Bulk.Refused.Case") and its evidence.</summary>
    public string? RefusalKey { get; set; }
    public string? RefusalEvidence { get; set; }
    public long? ManualRequestId { get; set; }
}

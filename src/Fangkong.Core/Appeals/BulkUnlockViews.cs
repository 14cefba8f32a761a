using Fangkong.Domain.Codes;

namespace Fangkong.Core.Appeals;

public sealed record BulkUnlockRow(long Id, string Number, string Employer, BulkUnlockState State, int Persons, DateTime SubmittedAtUtc, string Reason,
    string? DecisionNote);

/// <summary>One person of a bulk request (masked), their colour now and what became of them; a refusal worded for the reader.</summary>
public sealed record BulkLineView(int Line, long PersonId, string MaskedName, string MaskedDocument, CodeColour Colour, BulkLineOutcome Outcome, string? Refusal);

public sealed record BulkUnlockDetail(BulkUnlockRow Request, long? RequestedByUserId, IReadOnlyList<BulkLineView> Lines);

public sealed record BulkSubmission(string? Reason, string? Text);

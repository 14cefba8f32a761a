using Fangkong.Core.Codes;
using Fangkong.Domain.Codes;

namespace Fangkong.Core.Appeals;

public sealed record AppealFileView(long Id, string FileName, string ContentType, int Size);

/// <summary>An appeal as its resident and its officers see it: state, deadline, the rule appealed against and the answer.</summary>
public sealed record AppealView(long Id, string Number, AppealState State, CodeColour Colour, string Rule, AppealOffice Office, string DistrictCode,
    long? CommunityId, DateTime SubmittedAtUtc, DateTime DueAtUtc, bool Overdue, string Reason, string? Answer, DateTime? AnsweredAtUtc,
    long? ManualRequestId, IReadOnlyList<AppealFileView> Files);

/// <summary>A line of the officers' queue: no reason or answer text, the person masked.</summary>
public sealed record AppealRow(long Id, string Number, AppealState State, CodeColour Colour, string Rule, AppealOffice Office, string DistrictCode,
    string MaskedName, DateTime SubmittedAtUtc, DateTime DueAtUtc, bool Overdue);

/// <summary>A fact behind a person's colour as an officer reads it: its kind, when, and the record that proves it.</summary>
public sealed record AppealFact(string Kind, DateTime AtUtc, string Evidence);

/// <summary>What an officer answering an appeal reads (audited): the appeal, the person (masked), their facts and colour history.</summary>
public sealed record AppealDetail(AppealView Appeal, long PersonId, string MaskedName, string MaskedDocument, CodeColour ColourNow,
    string ExplanationNow, IReadOnlyList<AppealFact> Facts, IReadOnlyList<ColourChange> History);

public sealed record AppealSubmission(string? IdempotencyKey, string? Reason, IReadOnlyList<EvidenceUpload>? Files);

public sealed record AppealFilter(AppealState? State, bool? Overdue, string? Q, int? Page, int? PageSize);

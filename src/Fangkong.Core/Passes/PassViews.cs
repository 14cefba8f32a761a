using Fangkong.Domain.Passes;
using Fangkong.Domain.People;

namespace Fangkong.Core.Passes;

/// <summary>A pass as officers, holders and checkpoints read it: the holder masked, its state and days, its QR once issued.</summary>
public sealed record PassView(long Id, PassKind Kind, PassState State, string Holder, string HolderIdNumber, string Employer, string Route,
    string? Plate, string? Cargo, DateOnly ValidFrom, DateOnly ValidTo, DateTime AppliedAtUtc, DateTime? DecidedAtUtc, string? RefusalReason,
    PassRevocation? Revocation, string? RevocationNote, DateTime? RevokedAtUtc, string? Qr)
{
    internal static PassView Of(Pass p, string? qr = null) => new(p.Id, p.Kind, p.State, Masking.Name(p.HolderName), Masking.DocumentNumber(p.HolderIdNumber),
        p.Employer, p.Route, p.Plate, p.Cargo, p.ValidFrom, p.ValidTo, p.AppliedAtUtc, p.DecidedAtUtc, p.RefusalReason, p.Revocation, p.RevocationNote,
        p.RevokedAtUtc, p.State == PassState.Approved ? qr : null);
}

/// <summary>An application as a pass officer enters it for an enterprise or a transport company.</summary>
public sealed record PassApplication(PassKind? Kind, string? HolderName, string? HolderIdNumber, string? Employer, string? Route, string? Plate,
    string? Cargo, DateOnly? ValidFrom, DateOnly? ValidTo, string? IdempotencyKey);

/// <summary>Many passes approved or refused at once (all or none): refusing needs a reason.</summary>
public sealed record PassDecision(IReadOnlyList<long>? PassIds, bool Approve, string? Reason);

/// <summary>A pass withdrawn by an officer, with the reason.</summary>
public sealed record PassWithdrawal(string? Reason);

/// <summary>What a checkpoint (or anyone with the QR) learns from the platform about a pass: the verdict, why, and the pass (masked).</summary>
public sealed record PassCheck(bool Valid, PassVerdict Verdict, string Message, long? PassId, PassKind? Kind, string? Holder, string? Plate, string? Route,
    DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>The revocation list a checkpoint device fetches to verify offline: every pass revoked and still within its days.</summary>
public sealed record RevocationList(DateTime AtUtc, IReadOnlyList<long> Revoked);

using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

/// <summary>
/// A sampling table's call, checked without the store and waiting for its group (<see cref="SampleBatch"/>).
/// <c>At</c> is the device time as sent (a retry is compared with it); <c>Time</c> is it checked against the clock, null
/// when too far off — refused only where a new record needs it, since a replay of an old scan is still answered.
/// </summary>
internal abstract record PendingScan(long UserId, string Key, string Barcode, DateTime? At, DateTime? Time);

/// <summary>A tube's barcode scanned first: opens it in a round, at a site, of a kind.</summary>
internal sealed record PendingOpen(long UserId, string Key, string Barcode, DateTime? At, DateTime? Time,
    long? RoundId, long? SiteId, TubeKind Kind, long? DoorTaskId) : PendingScan(UserId, Key, Barcode, At, Time);

/// <summary>
/// A person's code or ID card scanned into an open tube. <c>Token</c> or <c>Document</c> names whom the scan names (a code
/// whose signature holds names its person even after it expired, for comparing a retry); <c>ScanError</c> is the refusal
/// a new swab gets when the scan names nobody it may swab.
/// </summary>
internal sealed record PendingSwab(long UserId, string Key, string Barcode, DateTime? At, DateTime? Time,
    string? Token, string? Document, Func<Exception>? ScanError) : PendingScan(UserId, Key, Barcode, At, Time);

/// <summary>A swab's answer before it is worded in the caller's language.</summary>
internal sealed record SampleDraft(long SampleId, string MaskedName, IReadOnlyList<string> Warnings, TubeView Tube, bool Replayed);

/// <summary>One call's outcome in a group: the tube opened, the swab recorded, or the refusal that call alone earned.</summary>
internal readonly record struct ScanResult(TubeView? Tube, SampleDraft? Sample, Func<Exception>? Refusal)
{
    public static ScanResult Refused(Func<Exception> refusal) => new(null, null, refusal);
}

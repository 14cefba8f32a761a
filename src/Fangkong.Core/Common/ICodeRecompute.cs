using Fangkong.Core.Data;
using Fangkong.Domain.Codes;

namespace Fangkong.Core.Common;

/// <summary>
/// How a chain below Codes (gate, testing, tracing, quarantine) asks for colours to be re-derived after it stored a new
/// fact. Codes reads those chains' facts, so it sits above them; they reach it only through this port, implemented by
/// Codes' HealthCodeService (ADR 0018). The Recompute methods add the changed states and change rows without saving, so
/// the caller commits them with the facts that caused them; RecomputeAndWriteAsync writes them at once, in the caller's
/// transaction, for changes too many to track (a sealed zone's residents).
/// </summary>
public interface ICodeRecompute
{
    /// <summary>Re-derives one person's colour.</summary>
    Task<CodeDecision> RecomputeAsync(FangkongDb db, long personId, CancellationToken ct);

    /// <summary>Re-derives many persons' colours with a few set queries per chunk; returns how many colours changed.</summary>
    Task<int> RecomputeManyAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct);

    /// <summary>Re-derives many persons' colours together and returns each one's decision (the gate shows a fever's new colour).</summary>
    Task<IReadOnlyDictionary<long, CodeDecision>> RecomputeEachAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct);

    /// <summary>Re-derives many persons' colours and writes the changes at once (a zone's residents); returns how many changed.</summary>
    Task<int> RecomputeAndWriteAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct);

    /// <summary>
    /// What each person's colour is now and would be were the facts named by <paramref name="withoutEvidence"/> gone
    /// (e.g. "contact:42", a designation a release ends), decided by the same rules; reads only, writes nothing.
    /// </summary>
    Task<IReadOnlyDictionary<long, ColourPreview>> PreviewAsync(FangkongDb db, IReadOnlyCollection<long> personIds, IReadOnlyCollection<string> withoutEvidence, CancellationToken ct);
}

/// <summary>A colour as stored now and as the rules would derive it after a change that has not been made.</summary>
public sealed record ColourPreview(CodeColour Now, CodeColour After);

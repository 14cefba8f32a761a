using Fangkong.Core.Data;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Testing;

/// <summary>The person of a positive single tube, and how the case it opens was found.</summary>
public sealed record PositiveSample(long PersonId, DateTime SampledAtUtc, long TubeId, long RoundId, CaseFoundBy FoundBy);

/// <summary>
/// What lab results set in motion beyond testing: a case for each single-tube positive, and the follow-ups of the
/// contacts whose tests came in. Tracing and Quarantine sit above Testing (ADR 0018), so <see cref="ResultFanOut"/>
/// reaches them only through this port, implemented by Quarantine's ResultFollowUp.
/// </summary>
public interface IResultFollowUp
{
    /// <summary>Adds a case (unsaved) for each positive person who has none, the first of their samples counting; returns how many.</summary>
    Task<int> OpenCasesAsync(FangkongDb db, IReadOnlyList<PositiveSample> positives, DateTime now, CancellationToken ct);

    /// <summary>Follows up the tested persons once their colours are re-derived and saved: secondary contacts, companions.</summary>
    Task AfterTestsAsync(FangkongDb db, IReadOnlyCollection<long> tested, CancellationToken ct);
}

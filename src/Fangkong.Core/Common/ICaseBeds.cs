using Fangkong.Core.Data;

namespace Fangkong.Core.Common;

/// <summary>Where a case lies now, as its course page names it: hospital, ward and bed.</summary>
public sealed record CaseBedNow(string Hospital, string Ward, string Bed, DateTime FromUtc);

/// <summary>
/// How Tracing's case registry, which records a case's course, keeps the case's bed in step: a case discharged, released,
/// dead or excluded gives its bed up in the same save. Hospitals reads cases, so it sits above Tracing; the registry reaches
/// it only through this port, implemented by Hospitals' CaseBedEnding (ADR 0018).
/// </summary>
public interface ICaseBeds
{
    /// <summary>The bed the case lies in now; null when in none.</summary>
    Task<CaseBedNow?> CurrentAsync(FangkongDb db, long caseId, CancellationToken ct);

    /// <summary>Ends the case's stay in its bed at <paramref name="atUtc"/> (not before the stay began) without saving; false when it holds none.</summary>
    Task<bool> EndStayAsync(FangkongDb db, long caseId, DateTime atUtc, CancellationToken ct);
}

using Fangkong.Core.Data;

namespace Fangkong.Core.Common;

/// <summary>
/// How the chains below Zones that report cases (Tracing's case registry, a lab result's follow-up) tell Zones of new
/// cases: a positive found inside a controlled zone turns it sealed at once, one inside a sealed zone restarts its
/// clock, and the home of a case outside any zone is proposed for sealing. Zones reads cases, so it sits above the
/// chains; they reach it only through this port, implemented by Zones' ZoneCaseFollowUp (ADR 0018, ADR 0021).
/// </summary>
public interface ICaseZones
{
    /// <summary>Follows up saved cases; writes and saves zone changes and their residents' colours in the caller's transaction.</summary>
    Task OnCasesAsync(FangkongDb db, IReadOnlyCollection<long> caseIds, long? userId, CancellationToken ct);
}

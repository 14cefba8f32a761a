using Fangkong.Core.Tracing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fangkong.Web.Hosting.Health;

/// <summary>
/// Not ready while this instance's contact index (ADR 0033) is expected and still loading: an instance that has just started
/// answers contact searches from the store, slowly, so HAProxy sends it nothing until the index is built. A host without
/// housekeeping (tests, the benchmark) builds no index, and is ready without it.
/// </summary>
public sealed class ContactIndexHealth(StayIndex index, IConfiguration config) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = index.Status;
        var expected = config.GetValue("Housekeeping", true);
        var result = status.State switch
        {
            StayIndexState.Ready => HealthCheckResult.Healthy(HostText.Get("Health.Index.Ready", status.Stays)),
            StayIndexState.Building => HealthCheckResult.Unhealthy(HostText.Get("Health.Index.Loading", status.Read, status.Expected)),
            _ when expected => HealthCheckResult.Unhealthy(HostText.Get("Health.Index.NotBuilt")),
            _ => HealthCheckResult.Healthy(HostText.Get("Health.Index.Off")),
        };
        return Task.FromResult(result);
    }
}

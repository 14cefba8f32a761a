using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fangkong.Web.Hosting.Health;

/// <summary>Not ready while a first start generates the demo city: the API answers 503 to everything until then.</summary>
public sealed class DemoCityHealth(DemoCityProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = progress.Now;
        return Task.FromResult(now.State == DemoCityState.Ready
            ? HealthCheckResult.Healthy(HostText.Get("Health.Demo.Ready"))
            : HealthCheckResult.Unhealthy(HostText.Get("Health.Demo.Generating", now.Percent)));
    }
}

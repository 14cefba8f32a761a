using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fangkong.Web.Hosting.Health;

/// <summary>
/// Ready only while the store answers a round trip within <see cref="Timeout"/>. On PostgreSQL the connection string names
/// every host with <c>Target Session Attributes=primary</c>, so during a failover this fails until the standby is promoted,
/// and HAProxy takes the instance out of rotation instead of letting its writes fail one by one (ADR 0043).
/// </summary>
public sealed class DatabaseHealth(IDbContextFactory<FangkongDb> dbs) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await using var db = await dbs.CreateDbContextAsync(limit.Token);
            // A real query, not only a connection: a SQLite file that is not a migrated store, or a PostgreSQL server that
            // accepts connections but is read-only, is not ready for the gate.
            await db.Venues.AsNoTracking().Select(v => v.Id).FirstOrDefaultAsync(limit.Token);
            return HealthCheckResult.Healthy(HostText.Get("Health.Database.Up"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(HostText.Get("Health.Database.Down", e.GetType().Name));
        }
    }
}

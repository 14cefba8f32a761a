using System.Net;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Web.Hosting.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fangkong.Web.Tests.Hosting;

public sealed class HealthTestsSqlite() : HealthTests(StorageProvider.Sqlite);
public sealed class HealthTestsPostgres() : HealthTests(StorageProvider.Postgres);

/// <summary>
/// /health/live and /health/ready for HAProxy and operators (issue 22): answered without an account, ready only while the store
/// answers and the contact index, where this instance builds one, is loaded.
/// </summary>
public abstract class HealthTests(StorageProvider provider)
{
    [Fact]
    public async Task Live_and_ready_answer_without_an_account_and_ready_waits_for_the_contact_index()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var client = host.Anonymous();
        var live = await client.GetAsync(HealthEndpoints.LivePath);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetAsync(HealthEndpoints.ReadyPath);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.JsonAsync()).GetProperty("checks");
        foreach (var name in new[] { "database", "contact-index", "demo-city" })
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());

        // An instance that builds its index (housekeeping on) is not ready until the index is loaded.
        var index = host.Services.GetRequiredService<StayIndex>();
        var builds = new ContactIndexHealth(index, Settings(("Housekeeping", "true")));
        Assert.Equal(HealthStatus.Unhealthy, (await builds.CheckHealthAsync(new HealthCheckContext())).Status);
        await index.BuildAsync(null, CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await builds.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Ready_fails_while_the_database_does_not_answer()
    {
        // Nothing listens there: a stopped server, a failed-over node (PostgreSQL); a store in a directory that is gone (SQLite).
        var broken = new StorageOptions
        {
            Provider = provider,
            ConnectionString = provider == StorageProvider.Postgres
                ? "Host=127.0.0.1;Port=56099;Username=postgres;Database=none;Timeout=1"
                : $"Data Source={Path.Combine(Path.GetTempPath(), "fk-gone-" + Guid.NewGuid().ToString("N"), "x.db")}",
        };
        var result = await new DatabaseHealth(new Factory(broken)).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Description));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class Factory(StorageOptions storage) : IDbContextFactory<FangkongDb>
    {
        public FangkongDb CreateDbContext() => new(storage.BuildOptions());
    }
}

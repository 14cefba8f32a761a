using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Tests.Cluster;

public sealed class OverloadTestsSqlite(OverloadTests.SqliteHost h) : OverloadTests(h), IClassFixture<OverloadTests.SqliteHost>;
public sealed class OverloadTestsPostgres(OverloadTests.PostgresHost h) : OverloadTests(h), IClassFixture<OverloadTests.PostgresHost>;

/// <summary>
/// Overload without collapse (ADR 0047): an instance whose API pool is full answers 429 with Retry-After and a problem at
/// once, never 500; the devices' pool is reserved, so gates still admit, and every check-in acknowledged is stored once.
/// The meters of ADR 0048 record it.
/// </summary>
public abstract class OverloadTests(OverloadTests.Host app)
{
    public sealed class SqliteHost() : Host(StorageProvider.Sqlite);
    public sealed class PostgresHost() : Host(StorageProvider.Postgres);

    public abstract class Host(StorageProvider provider) : IAsyncLifetime
    {
        public ApiHost Api { get; private set; } = null!;

        public async Task InitializeAsync() => Api = await ApiHost.StartAsync(provider, web: b =>
        {
            b.UseSetting("RateLimits:Concurrency:Api", "1");
            b.UseSetting("RateLimits:Concurrency:ApiQueue", "0");
            b.UseSetting("RateLimits:Concurrency:RetryAfterSeconds", "2");
        });

        public async Task DisposeAsync() => await Api.DisposeAsync();
    }

    /// <summary>Takes the API pool's only place, as a slow request would, until disposed.</summary>
    private RateLimitLease HoldApiPool()
    {
        var limiter = app.Api.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var http = new DefaultHttpContext();
        http.Request.Path = "/api/command/dashboard";
        var lease = limiter.AttemptAcquire(http);
        Assert.True(lease.IsAcquired);
        return lease;
    }

    [Fact]
    public async Task A_full_instance_sheds_the_api_with_429_and_keeps_admitting_at_the_gate()
    {
        var gate = await app.Api.LoginAsync("gate");
        var people = new[] { app.Api.Scenario.Alice, app.Api.Scenario.Bob, app.Api.Scenario.Carol };
        var acknowledged = new List<string>();
        using (HoldApiPool())
        {
            var reads = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => gate.GetAsync("/api/gate/occupancy")));
            Assert.All(reads, r =>
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
                Assert.Equal("2", r.Headers.GetValues("Retry-After").Single());
                Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            });
            // The gate's pool is its own: check-ins go through while the rest of the API is refused.
            var keys = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid().ToString("N")).ToList();
            var writes = await Task.WhenAll(keys.Select((k, i) => gate.CheckInAsync(people[i % 3].DocumentNumber, 36.5m, k)));
            Assert.All(writes, w => Assert.True(w.StatusCode is HttpStatusCode.OK, $"{w.StatusCode}: {w.Content.ReadAsStringAsync().Result}"));
            acknowledged.AddRange(keys);
        }
        Assert.Equal(HttpStatusCode.OK, (await gate.GetAsync("/api/gate/occupancy")).StatusCode);
        await using var db = app.Api.Db();
        var stored = await db.GateEvents.Where(e => acknowledged.Contains(e.IdempotencyKey)).GroupBy(e => e.IdempotencyKey).Select(g => g.Count()).ToListAsync();
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.All(stored, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task More_requests_than_the_pool_holds_are_answered_or_refused_never_failed()
    {
        var gate = await app.Api.LoginAsync("gate");
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => gate.GetAsync("/api/gate/occupancy")));
        Assert.All(answers, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_meters_record_gate_groups_and_shed_requests()
    {
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Name == Telemetry.Name) l.EnableMeasurementEvents(i); };
        void Count(Instrument i) { lock (seen) seen[i.Name] = seen.GetValueOrDefault(i.Name) + 1; }
        listener.SetMeasurementEventCallback<int>((i, _, _, _) => Count(i));
        listener.SetMeasurementEventCallback<long>((i, _, _, _) => Count(i));
        listener.SetMeasurementEventCallback<double>((i, _, _, _) => Count(i));
        listener.Start();
        var gate = await app.Api.LoginAsync("gate");
        (await gate.CheckInAsync(app.Api.Scenario.Bob.DocumentNumber, 36.6m)).EnsureSuccessStatusCode();
        using (HoldApiPool()) Assert.Equal(HttpStatusCode.TooManyRequests, (await gate.GetAsync("/api/gate/occupancy")).StatusCode);
        lock (seen)
        {
            Assert.True(seen.GetValueOrDefault("fangkong.gate.group.size") > 0);
            Assert.True(seen.GetValueOrDefault("fangkong.gate.commit.duration") > 0);
            Assert.True(seen.GetValueOrDefault("fangkong.requests.shed") > 0);
        }
    }
}

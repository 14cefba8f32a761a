using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Exports;
using Fangkong.Core.Signing;
using Fangkong.Core.Tracing;
using Fangkong.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Cluster;

public sealed class ClusterTestsSqlite(ClusterTests.SqliteCluster c) : ClusterTests(c), IClassFixture<ClusterTests.SqliteCluster>;
public sealed class ClusterTestsPostgres(ClusterTests.PostgresCluster c) : ClusterTests(c), IClassFixture<ClusterTests.PostgresCluster>;

/// <summary>
/// Three instances over one store (ADR 0047). Background work runs once across them: they tick together, and each period's
/// work runs on exactly one (counted); export jobs are claimed by one instance each. What one instance writes, the others'
/// live figures and contact index follow. On SQLite the three share one file.
/// </summary>
public abstract class ClusterTests(ClusterTests.Cluster cluster)
{
    public sealed class SqliteCluster() : Cluster(StorageProvider.Sqlite);
    public sealed class PostgresCluster() : Cluster(StorageProvider.Postgres);

    public abstract class Cluster(StorageProvider provider) : IAsyncLifetime
    {
        public ClusterHosts Hosts { get; private set; } = null!;
        public async Task InitializeAsync() => Hosts = await ClusterHosts.StartAsync(provider, 3);
        public async Task DisposeAsync() => await Hosts.DisposeAsync();
    }

    private ClusterHosts Hosts => cluster.Hosts;

    [Fact]
    public async Task Each_minute_of_inferred_exits_runs_on_one_instance()
    {
        var gates = Hosts.OnEach<GateHousekeeping>();
        Hosts.Time.Advance(TimeSpan.FromMinutes(7)); // a minute no other test of the class has claimed
        var first = await Task.WhenAll(gates.Select(g => g.TickAsync(default)));
        Assert.Single(first, r => r is not null);
        // The same minute again, on every instance: it has run.
        Assert.All(await Task.WhenAll(gates.Select(g => g.TickAsync(default))), r => Assert.Null(r));
        Hosts.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await Task.WhenAll(gates.Select(g => g.TickAsync(default))), r => r is not null);
        await using var db = Hosts.Store.NewDb();
        var lease = await db.ClusterLeases.SingleAsync(l => l.Name == GateHousekeeping.Lease);
        Assert.Equal(ClusterLeases.Minute(Hosts.Time.GetUtcNow().UtcDateTime), lease.Period);
    }

    [Fact]
    public async Task The_daily_purge_and_zone_review_run_on_one_instance()
    {
        var purges = await Task.WhenAll(Hosts.OnEach<RetentionHousekeeping>().Select(h => h.TickAsync(default)));
        Assert.Single(purges, r => r is not null);
        var reviews = await Task.WhenAll(Hosts.OnEach<ZoneHousekeeping>().Select(h => h.TickAsync(default)));
        Assert.Single(reviews, r => r is not null);
    }

    [Fact]
    public async Task A_due_key_rotation_rotates_once()
    {
        var signers = Hosts.OnEach<CodeSigner>();
        await signers[0].ActiveKeyAsync();
        Hosts.Time.Advance(TimeSpan.FromDays(31)); // past Policy:Signing:RotateEvery (30 days)
        Assert.Single(await Task.WhenAll(signers.Select(s => s.RotateIfDueAsync())), rotated => rotated);
        await using var db = Hosts.Store.NewDb();
        Assert.Equal(1, await db.SigningKeys.CountAsync(k => k.RetiredAtUtc == null));
    }

    [Fact]
    public async Task Three_instances_claim_each_export_job_once()
    {
        var ids = Enumerable.Range(1, 12).Select(i => 9_100_000L + i).ToList();
        await using (var db = Hosts.Store.NewDb())
        {
            db.ExportJobs.AddRange(ids.Select(id => new ExportJob
            {
                Id = id,
                List = "cases",
                Format = "csv",
                FilterJson = "{}",
                RequestedByUserId = 3,
                RequestedAtUtc = Hosts.Time.GetUtcNow().UtcDateTime,
            }));
            await db.SaveChangesAsync();
        }
        var claimed = await Task.WhenAll(Enumerable.Range(0, Hosts.Count).Select(async i =>
        {
            var runner = Hosts.Services(i).GetRequiredService<ExportRunner>();
            await using var db = await Hosts.Services(i).GetRequiredService<IDbContextFactory<FangkongDb>>().CreateDbContextAsync();
            var mine = new List<long>();
            while (await runner.ClaimAsync(db, default) is { } id) mine.Add(id);
            return mine;
        }));
        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(ids.Order(), all.Where(ids.Contains).Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task A_check_in_at_one_instance_shows_in_the_live_figures_and_contact_index_of_another()
    {
        var index = Hosts.Services(1).GetRequiredService<StayIndex>();
        await index.BuildAsync(null, default);
        var before = index.Status.RecentStays;
        var watching = await Hosts.LoginAsync(1, "gate");
        var inside = await Inside(watching);
        var writer = await Hosts.LoginAsync(0, "gate");
        (await writer.CheckInAsync(Hosts.Scenario.Alice.DocumentNumber, 36.6m)).EnsureSuccessStatusCode();
        Assert.Equal(inside + 1, await Inside(watching));
        await using var db = await Hosts.Services(1).GetRequiredService<IDbContextFactory<FangkongDb>>().CreateDbContextAsync();
        Assert.NotNull(await index.ViewAsync(db, Hosts.Time.GetUtcNow().UtcDateTime.AddDays(-1), default));
        Assert.Equal(before + 1, index.Status.RecentStays);
    }

    private static async Task<int> Inside(HttpClient gate) =>
        (await gate.GetFromJsonAsync<JsonElement>("/api/gate/occupancy")).GetProperty("inside").GetInt32();
}

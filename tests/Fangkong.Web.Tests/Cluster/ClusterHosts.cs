using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Web.Tests.Cluster;

/// <summary>
/// Several instances of the platform over ONE store (ADR 0047), as behind a load balancer: each its own host, memory and
/// background services, sharing the database and one fake clock. Housekeeping and the export worker are off so a test
/// drives their ticks itself, on every instance at once.
/// </summary>
public sealed class ClusterHosts : IAsyncDisposable
{
    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    private ClusterHosts(TestStore store, FakeTimeProvider time, Scenario scenario)
    {
        Store = store;
        Time = time;
        Scenario = scenario;
    }

    public TestStore Store { get; }
    public Scenario Scenario { get; }
    public FakeTimeProvider Time { get; }
    public int Count => _hosts.Count;
    public IServiceProvider Services(int instance) => _hosts[instance].Services;

    public static async Task<ClusterHosts> StartAsync(StorageProvider provider, int instances)
    {
        var store = await TestStore.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var scenario = new Scenario();
        await using (var db = store.NewDb()) await scenario.LoadAsync(db);
        var cluster = new ClusterHosts(store, time, scenario);
        for (var i = 0; i < instances; i++)
        {
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Storage:Provider", provider.ToString());
                b.UseSetting("Storage:ConnectionString", store.Options.ConnectionString);
                b.UseSetting("Demo:SeedOnStart", "false");
                b.UseSetting("Housekeeping", "false");
                b.UseSetting("ExportWorker", "false");
                b.UseSetting("Policy:Accounts:RequireTotp", "false");
                b.UseSetting("Policy:Accounts:SignInsPerMinute", "100000");
                b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
            });
            _ = factory.Server; // start the instance
            cluster._hosts.Add(factory);
        }
        return cluster;
    }

    /// <summary>The same service resolved or made on every instance.</summary>
    public IReadOnlyList<T> OnEach<T>() where T : class =>
        _hosts.Select(h => h.Services.GetService<T>() ?? ActivatorUtilities.CreateInstance<T>(h.Services)).ToList();

    public async Task<HttpClient> LoginAsync(int instance, string userName)
    {
        var client = _hosts[instance].CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Scenario.Password });
        r.EnsureSuccessStatusCode();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var h in _hosts) await h.DisposeAsync();
        await Store.DisposeAsync();
    }
}

using System.Net.Http.Json;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Web.Tests.Support;

/// <summary>The real web host over a real store holding a small generated demo city (addresses, households, demo accounts).</summary>
public sealed class CityHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private readonly bool _ownsStore;

    private CityHost(TestStore store, WebApplicationFactory<Program> factory, FakeTimeProvider time, bool ownsStore)
    {
        Store = store; _factory = factory; Time = time; _ownsStore = ownsStore;
    }

    public TestStore Store { get; }
    public FakeTimeProvider Time { get; }
    public IServiceProvider Services => _factory.Services;
    public FangkongDb Db() => Store.NewDb();

    public static async Task<CityHost> StartAsync(StorageProvider provider, int residents = 1000, Action<IWebHostBuilder>? web = null)
    {
        var store = await TestStore.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        await DemoCitySeeder.SeedAsync(store.Options, new SeedOptions { Residents = residents, Days = 0, PasswordIterations = PasswordHasher.RandomSecretIterations }, null, time, CancellationToken.None);
        return Over(store, time, ownsStore: true, web);
    }

    /// <summary>The web host over a store someone else filled (and disposes), on their clock.</summary>
    public static CityHost Over(TestStore store, FakeTimeProvider time, bool ownsStore = false, Action<IWebHostBuilder>? web = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Provider", store.Options.Provider.ToString());
            b.UseSetting("Storage:ConnectionString", store.Options.ConnectionString);
            b.UseSetting("Demo:SeedOnStart", "false");
            // Demo accounts sign in with a password only (ADR 0023); the account tests turn the second factor on.
            b.UseSetting("Policy:Accounts:RequireTotp", "false");
            b.UseSetting("Policy:Accounts:SignInsPerMinute", "100000");
            b.UseSetting("Housekeeping", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
            web?.Invoke(b);
        });
        _ = factory.Server;
        return new CityHost(store, factory, time, ownsStore);
    }

    public HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = Anonymous();
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = SeedOptions.DemoPassword });
        r.EnsureSuccessStatusCode();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_ownsStore) await Store.DisposeAsync();
    }
}

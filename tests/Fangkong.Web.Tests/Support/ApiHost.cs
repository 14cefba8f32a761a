using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Web.Tests.Support;

/// <summary>
/// The real web host over a real store (a fresh SQLite file or PostgreSQL database), with a fake clock so
/// time rules (expiry, inferred exits) can be driven, and the scenario's people, venue and accounts loaded.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private readonly bool _kestrel;

    private ApiHost(TestStore store, WebApplicationFactory<Program> factory, FakeTimeProvider time, Scenario scenario, bool kestrel)
    {
        _kestrel = kestrel;
        Store = store;
        _factory = factory;
        Time = time;
        Scenario = scenario;
    }

    public TestStore Store { get; }
    public FakeTimeProvider Time { get; }
    public Scenario Scenario { get; }
    public IServiceProvider Services => _factory.Services;

    /// <param name="kestrel">Serve on a real Kestrel port (real HTTP: chunked bodies, the server's own limits) instead of in memory.</param>
    public static async Task<ApiHost> StartAsync(StorageProvider provider, Action<Scenario>? configure = null, Action<IWebHostBuilder>? web = null, bool kestrel = false)
    {
        var store = await TestStore.CreateAsync(provider);
        // 2026-11-20 10:00 in the city (UTC+8): inside every demo venue's opening hours.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Provider", provider.ToString());
            b.UseSetting("Storage:ConnectionString", store.Options.ConnectionString);
            b.UseSetting("Demo:SeedOnStart", "false");
            b.UseSetting("Housekeeping", "false");
            // The scenario's accounts sign in with a password only, as many times as tests need; the account tests turn these on.
            b.UseSetting("Policy:Accounts:RequireTotp", "false");
            b.UseSetting("Policy:Accounts:SignInsPerMinute", "100000");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
            web?.Invoke(b);
        });
        var scenario = new Scenario();
        configure?.Invoke(scenario);
        await using (var db = store.NewDb()) await scenario.LoadAsync(db);
        if (kestrel)
        {
            factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            factory.StartServer();
        }
        else _ = factory.Server; // start the host
        return new ApiHost(store, factory, time, scenario, kestrel);
    }

    public HttpClient Anonymous() => _kestrel
        // Over real HTTP a large body waits for the server's go-ahead ("Expect: 100-continue"): long enough for a busy machine.
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new(), Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        { BaseAddress = _factory.ClientOptions.BaseAddress }
        : _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = Anonymous();
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Scenario.Password });
        r.EnsureSuccessStatusCode();
        return client;
    }

    public FangkongDb Db() => Store.NewDb();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Store.DisposeAsync();
    }
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Testing;
using Fangkong.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fangkong.Web.Tests.Browser.Testing;

/// <summary>
/// The real app on Kestrel over a SQLite file holding a small generated city with an open testing round, and Chromium.
/// The clock is real: the sampler's page stamps scans with the browser's time, which the server checks against its own.
/// </summary>
public sealed class CityBrowserFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    public TestStore Store { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public long RoundId { get; private set; }
    /// <summary>The demo resident's person: kept out of the other tests' swabs, so the certificate test can sample them.</summary>
    public long ResidentPersonId { get; private set; }
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await DemoCitySeeder.SeedAsync(Store.Options, new SeedOptions { Residents = 1000, Days = 0, PasswordIterations = PasswordHasher.RandomSecretIterations }, null, TimeProvider.System, CancellationToken.None);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Provider", "Sqlite");
            b.UseSetting("Storage:ConnectionString", Store.Options.ConnectionString);
            b.UseSetting("Demo:SeedOnStart", "false");
            b.UseSetting("Housekeeping", "false");
            b.UseSetting("Ui:MonitorRefreshSeconds", "1");
            // Staff sign in with a password only here, as in the other browser fixtures (the second factor has its own tests).
            b.UseSetting("Policy:Accounts:RequireTotp", "false");
            b.UseSetting("Policy:Accounts:SignInsPerMinute", "100000");
        });
        _factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
            var planner = scope.ServiceProvider.GetRequiredService<RoundPlanner>();
            var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).FirstAsync();
            var round = await planner.CreateAsync(db, new RoundRequest("第一轮全员核酸检测", RoundScope.City, null, DateTime.UtcNow.AddMinutes(-5)), admin, default);
            await planner.OpenAsync(db, round.Id, default);
            RoundId = round.Id;
            ResidentPersonId = await db.Users.Where(u => u.UserName == "resident").Select(u => u.PersonId!.Value).FirstAsync();
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public Task<IPage> SignInAsync(string userName, string? culture = null) =>
        BrowserFixture.SignInAsync(Browser, BaseUrl, userName, SeedOptions.DemoPassword, culture);

    public FangkongDb Db() => Store.NewDb();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Store.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CityBrowserCollection : ICollectionFixture<CityBrowserFixture>
{
    public const string Name = "city-browser";
}

using Fangkong.Core.Data;
using Fangkong.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Fangkong.Web.Tests.Browser;

/// <summary>
/// The real app on a real Kestrel port over a SQLite file, with Debian's Chromium driven by Playwright.
/// One host and one browser for the whole collection; each test opens its own context (own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    public TestStore Store { get; private set; } = null!;
    // Open all day (00:00–00:00): the gate tests must not depend on the hour they run at.
    public Scenario Scenario { get; } = new() { HallOpens = TimeOnly.MinValue, HallCloses = TimeOnly.MinValue };
    public IServiceProvider Services => _factory!.Services;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ArtifactsDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fangkong.slnx"))) dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using (var db = Store.NewDb()) await Scenario.LoadAsync(db);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Provider", "Sqlite");
            b.UseSetting("Storage:ConnectionString", Store.Options.ConnectionString);
            b.UseSetting("Demo:SeedOnStart", "false");
            // Demo accounts sign in with a password only (ADR 0023); the account tests turn the second factor on.
            b.UseSetting("Policy:Accounts:RequireTotp", "false");
            b.UseSetting("Policy:Accounts:SignInsPerMinute", "100000");
            b.UseSetting("Housekeeping", "false");
            b.UseSetting("Policy:Codes:QrRefresh", "00:00:02");
            b.UseSetting("Policy:Codes:QrLifetime", "00:00:30");
            b.UseSetting("Ui:MonitorRefreshSeconds", "1");
        });
        // A dynamic port on 127.0.0.1 (UseKestrel(0) falls back to the default localhost:5000, which parallel runs share).
        _factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless; expectations wait longer than Playwright's default 5 s.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        // A shared 2-core CI machine can be slow to render.
        Assertions.SetDefaultExpectTimeout(15_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context signed in through the login page.</summary>
    public Task<IPage> SignInAsync(string userName, string? culture = null) => SignInAsync(Browser, BaseUrl, userName, Scenario.Password, culture);

    public static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string userName, string password, string? culture = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        if (culture is not null) await page.GotoAsync($"/culture?c={culture}&r=/login");
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Store.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

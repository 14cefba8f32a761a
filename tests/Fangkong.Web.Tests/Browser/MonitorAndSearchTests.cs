using Fangkong.Core.Gate;
using Fangkong.Domain.Gate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser;

/// <summary>The venue manager's monitor and the epidemiologist's audited trajectory search.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitorAndSearchTests(BrowserFixture app)
{
    private Task<GateAnswer> GateAsync(GateDirection direction) =>
        app.Services.GetRequiredService<GateService>().HandleAsync(new GateRequest(Scenario.DeviceId, Guid.NewGuid().ToString("N"), direction,
            app.Scenario.Carol.DocumentNumber, null, direction == GateDirection.In ? 36.4m : null), default);

    [Fact]
    public async Task The_manager_sees_live_occupancy_and_the_hourly_chart()
    {
        var page = await app.SignInAsync("manager");
        Assert.EndsWith("/monitor", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("辽源市政务服务中心");
        await Expect(page.Locator("[data-testid=hour-chart] rect.entries")).ToHaveCountAsync(24);
        // The y axis says how many: round ticks from 0 (1, 2 or 5 × 10ⁿ apart).
        var ticks = (await page.Locator("[data-testid=hour-tick]").AllTextContentsAsync()).Select(t => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ticks.Count >= 2 && ticks[0] == 0, string.Join(",", ticks));
        Assert.All(ticks.Skip(1).Zip(ticks), p => Assert.Contains(p.First - p.Second, new[] { 1, 2, 5, 10, 20, 50, 100 }));
        var inside = page.Locator("[data-testid=inside]");
        await Expect(inside).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = int.Parse((await inside.TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);

        // Someone enters at the gate: the open page follows without a reload, and again when they leave.
        var entered = await GateAsync(GateDirection.In);
        Assert.Equal(GateOutcome.Admit, entered.Outcome);
        await Expect(inside).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "venue-monitor.png") });
        await GateAsync(GateDirection.Out);
        await Expect(inside).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_epidemiologist_picks_a_venue_to_monitor()
    {
        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/monitor");
        await page.FillAsync("[data-testid=monitor-venue]", Scenario.HallId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.PressAsync("[data-testid=monitor-venue]", "Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("辽源市政务服务中心");
    }

    [Fact]
    public async Task The_epidemiologist_finds_a_person_masked_and_reads_a_trajectory_only_with_a_purpose()
    {
        var page = await app.SignInAsync("epi");
        await page.FillAsync("[data-testid=search-q]", "欧阳");
        await page.PressAsync("[data-testid=search-q]", "Enter");
        var table = page.Locator("[data-testid=person-table]");
        await Expect(table).ToContainTextAsync("欧**娜");
        await Expect(table).Not.ToContainTextAsync("欧阳娜娜");
        await page.ClickAsync("text=欧**娜");
        await page.FillAsync("[data-testid=purpose]", "病例2026-118流调");
        await page.ClickAsync("[data-testid=trace-go]");
        await Expect(page.Locator("[data-testid=trajectory]")).ToBeVisibleAsync();
        await using var db = app.Store.NewDb();
        Assert.Contains(db.TraceAccesses, a => a.Purpose == "病例2026-118流调" && a.UserName == "epi" && a.PersonId == app.Scenario.Carol.Id);

        // The administrator sees that read in the audit page; the epidemiologist may not open it.
        var admin = await app.SignInAsync("admin");
        await admin.GotoAsync("/audit");
        await Expect(admin.Locator("[data-testid=audit]")).ToContainTextAsync("病例2026-118流调");
        await page.GotoAsync("/audit");
        await page.WaitForURLAsync(url => url.Contains("/denied", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=audit]")).ToHaveCountAsync(0);
    }
}

/// <summary>The venue side of tracing: find a venue by type, read its log only with a purpose, names masked, export it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VenueLogTests(BrowserFixture app)
{
    [Fact]
    public async Task The_epidemiologist_reads_a_masked_venue_log_with_a_purpose_and_exports_it()
    {
        var gate = app.Services.GetRequiredService<GateService>();
        var carol = app.Scenario.Carol.DocumentNumber;
        await gate.HandleAsync(new GateRequest(Scenario.DeviceId, Guid.NewGuid().ToString("N"), GateDirection.In, carol, null, 36.6m), default);
        await gate.HandleAsync(new GateRequest(Scenario.DeviceId, Guid.NewGuid().ToString("N"), GateDirection.Out, carol, null, null), default);

        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/search?tab=venues");
        await page.SelectOptionAsync("[data-testid=search-type]", "ServiceHall");
        await page.PressAsync("[data-testid=search-q]", "Enter");
        var table = page.Locator("[data-testid=venue-table]");
        await Expect(table).ToContainTextAsync("辽源市政务服务中心");
        await Expect(table).Not.ToContainTextAsync("龙山区农贸市场");
        await page.ClickAsync("text=辽源市政务服务中心");

        await Expect(page.Locator("[data-testid=venue-log]")).ToHaveCountAsync(0);
        await page.FillAsync("[data-testid=purpose]", "病例2026-120流调");
        await page.ClickAsync("[data-testid=trace-go]");
        var log = page.Locator("[data-testid=venue-log]");
        await Expect(log).ToContainTextAsync("欧**娜");
        await Expect(log).ToContainTextAsync(Fangkong.Domain.People.Masking.DocumentNumber(carol));
        await Expect(log).Not.ToContainTextAsync("欧阳娜娜");
        await Expect(log).Not.ToContainTextAsync(carol);

        var csv = await page.APIRequest.GetAsync((await page.Locator("[data-testid=export-csv]").GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
        Assert.Contains("欧**娜", await csv.TextAsync(), StringComparison.Ordinal);
    }
}

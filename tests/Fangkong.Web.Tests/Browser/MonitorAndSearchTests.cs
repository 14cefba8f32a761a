using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser;

/// <summary>The venue manager's monitor and the epidemiologist's audited trajectory search.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitorAndSearchTests(BrowserFixture app)
{
    [Fact]
    public async Task The_manager_sees_live_occupancy_and_the_hourly_chart()
    {
        var page = await app.SignInAsync("manager");
        Assert.EndsWith("/monitor", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("辽源市政务服务中心");
        await Expect(page.Locator("[data-testid=hour-chart]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=inside]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "venue-monitor.png") });
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

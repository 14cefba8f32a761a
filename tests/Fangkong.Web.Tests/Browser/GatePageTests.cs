using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser;

/// <summary>A gate operator admits and denies visitors with only a keyboard, as a card reader would type.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GatePageTests(BrowserFixture app)
{
    private static async Task ScanAsync(IPage page, string text, string temperature)
    {
        await page.FillAsync("[data-testid=temperature]", temperature);
        await page.FillAsync("[data-testid=scan-input]", text);
        await page.PressAsync("[data-testid=scan-input]", "Enter");
    }

    [Fact]
    public async Task The_gate_admits_a_healthy_visitor_and_denies_a_feverish_one()
    {
        var page = await app.SignInAsync("gate");
        Assert.EndsWith("/gate", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=venue]")).ToContainTextAsync("辽源市政务服务中心");

        await ScanAsync(page, app.Scenario.Alice.DocumentNumber, "36.5");
        await Expect(page.Locator("[data-testid=decision-text]")).ToHaveTextAsync("准许通行");
        await Expect(page.Locator("[data-testid=visitor]")).ToHaveTextAsync("张*明");
        await Expect(page.Locator("[data-testid=occupancy]")).ToHaveTextAsync("1 / 40");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "gate-admit.png") });

        // The input is cleared and focused again for the next swipe.
        await Expect(page.Locator("[data-testid=scan-input]")).ToBeFocusedAsync();
        await Expect(page.Locator("[data-testid=scan-input]")).ToHaveValueAsync("");

        await ScanAsync(page, app.Scenario.Bob.DocumentNumber, "38.2");
        await Expect(page.Locator("[data-testid=decision-text]")).ToHaveTextAsync("禁止通行");
        await Expect(page.Locator("[data-testid=reasons]")).ToContainTextAsync("发热");
        await Expect(page.Locator("[data-testid=colour]")).ToHaveTextAsync("黄码");
        await Expect(page.Locator("[data-testid=occupancy]")).ToHaveTextAsync("1 / 40");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "gate-deny.png") });

        await using var db = app.Store.NewDb();
        Assert.Equal(1, await db.Visits.CountAsync(v => v.PersonId == app.Scenario.Alice.Id));
        Assert.Equal(0, await db.Visits.CountAsync(v => v.PersonId == app.Scenario.Bob.Id));
    }

    [Fact]
    public async Task A_mistyped_id_number_is_explained_and_nothing_is_written()
    {
        var page = await app.SignInAsync("gate");
        await using var before = app.Store.NewDb();
        var events = await before.GateEvents.CountAsync();
        await ScanAsync(page, "110105194912310021", "36.5");
        await Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("校验码错误");
        await Expect(page.Locator("[data-testid=scan-input]")).ToBeFocusedAsync();
        await using var after = app.Store.NewDb();
        Assert.Equal(events, await after.GateEvents.CountAsync());
    }

    [Fact]
    public async Task The_gate_speaks_english_after_the_switch()
    {
        var page = await app.SignInAsync("gate", culture: "en");
        await ScanAsync(page, app.Scenario.Carol.DocumentNumber, "33.1");
        await Expect(page.Locator("[data-testid=decision-text]")).ToHaveTextAsync("RE-MEASURE");
    }
}

using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Gate;

/// <summary>A gate operator admits and denies visitors with only a keyboard, as a card reader or QR scanner types.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GatePageTests(BrowserFixture app)
{
    private static ILocator Scan(IPage page) => page.Locator("[data-testid=scan-input]");

    /// <summary>What a keyboard-wedge reader does: types into whatever has the focus, then Enter.</summary>
    private static async Task SwipeAsync(IPage page, string text)
    {
        await Expect(Scan(page)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    private async Task<int> InsideAsync()
    {
        await using var db = app.Store.NewDb();
        return await db.Visits.CountAsync(v => v.VenueId == Scenario.HallId && v.ExitedAtUtc == null);
    }

    [Fact]
    public async Task The_gate_admits_a_healthy_visitor_and_denies_a_feverish_one()
    {
        var page = await app.SignInAsync("gate");
        Assert.EndsWith("/gate", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=venue]")).ToContainTextAsync("辽源市政务服务中心 · 东门 1号机");
        await Expect(page.Locator("[data-testid=temperature]")).ToHaveValueAsync("36.5");
        var inside = await InsideAsync();
        await Expect(page.Locator("[data-testid=occupancy]")).ToHaveTextAsync($"{inside} / 40");

        await SwipeAsync(page, app.Scenario.Alice.DocumentNumber);
        await Expect(page.Locator("[data-testid=decision-text]")).ToHaveTextAsync("准许通行");
        await Expect(page.Locator("[data-testid=decision]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\badmit\b"));
        await Expect(page.Locator("[data-testid=visitor]")).ToHaveTextAsync("张*明");
        await Expect(page.Locator("[data-testid=colour]")).ToHaveTextAsync("绿码");
        await Expect(page.Locator("[data-testid=occupancy]")).ToHaveTextAsync($"{inside + 1} / 40");
        await Expect(Scan(page)).ToHaveValueAsync("");
        await page.ScreenshotAsync(new PageScreenshotOptions { Animations = ScreenshotAnimations.Disabled, Path = Path.Combine(BrowserFixture.ArtifactsDir, "gate-admit.png") });

        // Keyboard only: Shift+Tab to the temperature, type the reading, Enter returns to the scan input.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.Locator("[data-testid=temperature]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("38.2");
        await page.Keyboard.PressAsync("Enter");
        await SwipeAsync(page, app.Scenario.Bob.DocumentNumber);
        await Expect(page.Locator("[data-testid=decision][data-scan='2']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=decision-text]")).ToHaveTextAsync("禁止通行");
        await Expect(page.Locator("[data-testid=reasons]")).ToContainTextAsync("发热（≥37.3℃），请前往发热门诊");
        await Expect(page.Locator("[data-testid=decision-temperature]")).ToHaveTextAsync("38.2℃");
        await Expect(page.Locator("[data-testid=colour]")).ToHaveTextAsync("黄码");
        await Expect(page.Locator("[data-testid=occupancy]")).ToHaveTextAsync($"{inside + 1} / 40");
        await page.ScreenshotAsync(new PageScreenshotOptions { Animations = ScreenshotAnimations.Disabled, Path = Path.Combine(BrowserFixture.ArtifactsDir, "gate-deny.png") });

        await using var db = app.Store.NewDb();
        Assert.True(await db.Visits.AnyAsync(v => v.PersonId == app.Scenario.Alice.Id && v.ExitedAtUtc == null));
        Assert.Equal(0, await db.Visits.CountAsync(v => v.PersonId == app.Scenario.Bob.Id));
    }

    [Fact]
    public async Task A_mistyped_id_number_is_explained_and_nothing_is_written()
    {
        var page = await app.SignInAsync("gate");
        int events, visits;
        await using (var before = app.Store.NewDb())
            (events, visits) = (await before.GateEvents.CountAsync(), await before.Visits.CountAsync());

        await SwipeAsync(page, "110105194912310021");
        var error = page.Locator("[data-testid=error]");
        await Expect(error).ToContainTextAsync("身份证：校验码错误");
        await Expect(error).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\berror\b"));
        await Expect(Scan(page)).ToBeFocusedAsync();
        await Expect(Scan(page)).ToHaveValueAsync("");
        await page.ScreenshotAsync(new PageScreenshotOptions { Animations = ScreenshotAnimations.Disabled, Path = Path.Combine(BrowserFixture.ArtifactsDir, "gate-bad-id.png") });

        await using var after = app.Store.NewDb();
        Assert.Equal(events, await after.GateEvents.CountAsync());
        Assert.Equal(visits, await after.Visits.CountAsync());
    }

    [Fact]
    public async Task A_scanned_health_code_is_told_from_an_id_number_by_its_prefix()
    {
        var page = await app.SignInAsync("gate");
        await SwipeAsync(page, "FK1.forged.payload");
        await Expect(page.Locator("[data-testid=error]")).ToBeVisibleAsync();

        var signer = app.Services.GetRequiredService<CodeSigner>();
        var qr = await signer.SignAsync(app.Scenario.Carol.Token, CodeColour.Green, TimeSpan.FromMinutes(5), default);
        await SwipeAsync(page, qr);
        await Expect(page.Locator("[data-testid=decision][data-scan='2']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=decision-text]")).ToHaveTextAsync("准许通行");
        await Expect(page.Locator("[data-testid=decision]")).ToContainTextAsync("健康码");
        await Expect(page.Locator("[data-testid=visitor]")).ToHaveTextAsync("欧**娜");

        // Leave the hall as the other tests expect it: Carol goes out again.
        await page.ClickAsync("[data-testid=dir-out]");
        await SwipeAsync(page, qr);
        await Expect(page.Locator("[data-testid=decision][data-scan='3']")).ToContainTextAsync("健康码");
        await using var db = app.Store.NewDb();
        Assert.False(await db.Visits.AnyAsync(v => v.PersonId == app.Scenario.Carol.Id && v.ExitedAtUtc == null));
    }

    [Fact]
    public async Task The_gate_speaks_english_after_the_switch()
    {
        var page = await app.SignInAsync("gate", culture: "en");
        await page.FillAsync("[data-testid=temperature]", "33.1");
        await page.Keyboard.PressAsync("Enter");
        await SwipeAsync(page, app.Scenario.Carol.DocumentNumber);
        await Expect(page.Locator("[data-testid=decision-text]")).ToHaveTextAsync("RE-MEASURE");
        await Expect(page.Locator("[data-testid=decision-temperature]")).ToHaveTextAsync("33.1℃");
        await Expect(page.Locator("[data-testid=reasons]")).ToContainTextAsync("Implausible reading");
    }
}

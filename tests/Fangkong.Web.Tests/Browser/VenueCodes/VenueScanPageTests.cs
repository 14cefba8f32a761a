using Fangkong.Core.Places;
using Fangkong.Core.VenueCodes;
using Fangkong.Domain.Places;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.VenueCodes;

/// <summary>
/// A resident's phone opens a venue code's QR address (the test feeds it, as the camera would): the bus admits her in and
/// out; a venue that requires a recent negative test refuses her, saying why (issue 21, ADR 0038). Screenshots at 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VenueScanPageTests(BrowserFixture app)
{
    private const long BusId = 9_030, TestedVenueId = 9_031;

    private async Task<(string Bus, string Tested)> ScanUrlsAsync()
    {
        await using (var db = app.Store.NewDb())
        {
            db.Venues.Add(new Venue { Id = BusId, Name = "辽源3路公交 吉D·12345", Type = VenueType.Bus, DistrictCode = "220402" });
            db.Venues.Add(new Venue { Id = TestedVenueId, Name = "辽源市中心医院门诊楼", Type = VenueType.Hospital, DistrictCode = "220402", Address = "龙山区人民大街100号", RequiredNegativeTestHours = 48 });
            await db.SaveChangesAsync();
        }
        var issuer = app.Services.GetRequiredService<VenueCodeIssuer>();
        await using var read = app.Store.NewDb();
        return ((await issuer.IssueAsync(read, BusId, app.BaseUrl, default)).ScanUrl, (await issuer.IssueAsync(read, TestedVenueId, app.BaseUrl, default)).ScanUrl);
    }

    [Fact]
    public async Task A_phone_opens_the_codes_address_checks_in_and_out_and_is_told_why_it_is_refused()
    {
        var (bus, tested) = await ScanUrlsAsync();
        var page = await app.SignInAsync("resident");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(bus);
        await Expect(page.Locator("[data-testid=venue-name]")).ToHaveTextAsync("辽源3路公交 吉D·12345");
        await Expect(page.Locator("[data-testid=my-colour]")).ToHaveTextAsync("绿码");
        var button = page.Locator("[data-testid=scan-button]");
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        var answer = page.Locator("[data-testid=scan-answer]");
        await Expect(answer).ToHaveAttributeAsync("data-direction", "In");
        await Expect(page.Locator("[data-testid=scan-answer-text]")).ToHaveTextAsync("已登记进入");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "venue-scan-in-390.png"), FullPage = true });
        await button.ClickAsync();
        await Expect(answer).ToHaveAttributeAsync("data-direction", "Out");
        await Expect(page.Locator("[data-testid=scan-answer-text]")).ToHaveTextAsync("已登记离开");

        await page.GotoAsync(tested);
        await Expect(page.Locator("[data-testid=venue-name]")).ToHaveTextAsync("辽源市中心医院门诊楼");
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        await Expect(answer).ToHaveAttributeAsync("data-outcome", "Deny");
        await Expect(page.Locator("[data-testid=scan-reasons]")).ToContainTextAsync("核酸");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "venue-scan-deny-390.png"), FullPage = true });
        // Nothing runs off a phone's screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "venue-scan-deny-desktop.png") });
    }
}

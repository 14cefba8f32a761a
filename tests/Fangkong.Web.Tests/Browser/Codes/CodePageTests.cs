using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Codes;

/// <summary>The resident's phone page shows a signed QR with a ticking clock and refreshes the code by itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CodePageTests(BrowserFixture app)
{
    [GeneratedRegex(@"^\d\d:\d\d:\d\d$")]
    private static partial Regex ClockText();

    private static async Task ClockTicksAsync(IPage page)
    {
        var clock = page.Locator("[data-testid=clock]");
        await Expect(clock).ToHaveTextAsync(ClockText());
        var shown = await clock.TextContentAsync();
        await Expect(clock).Not.ToHaveTextAsync(shown!, new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 });
    }

    [Fact]
    public async Task The_code_page_ticks_and_refreshes_its_signed_code()
    {
        var page = await app.SignInAsync("resident");
        await page.SetViewportSizeAsync(390, 844);
        Assert.EndsWith("/code", page.Url, StringComparison.Ordinal);
        var qr = page.Locator("[data-testid=qr]");
        await Expect(qr).ToBeVisibleAsync();
        await Expect(qr).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        await Expect(page.Locator("[data-testid=code-name]")).ToHaveTextAsync("张*明");
        await Expect(page.Locator("[data-testid=code-colour]")).ToHaveTextAsync("绿码");
        await ClockTicksAsync(page);
        var first = await qr.GetAttributeAsync("data-payload");
        Assert.StartsWith("FK1.", first, StringComparison.Ordinal);

        // Refresh interval is 2 s in this host: wait for a different signed payload (issue time differs).
        await page.WaitForFunctionAsync("p => document.getElementById('qr').dataset.payload !== p", first,
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        var second = await qr.GetAttributeAsync("data-payload");
        Assert.NotEqual(first, second);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "resident-code.png") });

        // The colour history and back again by link (enhanced navigation): the clock still ticks.
        await page.ClickAsync("[data-testid=history-link]");
        await Expect(page.Locator("[data-testid=history-empty]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=history-back]");
        await ClockTicksAsync(page);

        await page.ClickAsync("[data-testid=lang-en]");
        await Expect(page.Locator("[data-testid=code-colour]")).ToHaveTextAsync("Green");
        await ClockTicksAsync(page);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser;

/// <summary>The resident's phone page shows a signed QR with a ticking clock and refreshes the code by itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CodePageTests(BrowserFixture app)
{
    [Fact]
    public async Task The_code_page_ticks_and_refreshes_its_signed_code()
    {
        var page = await app.SignInAsync("resident");
        await page.SetViewportSizeAsync(390, 844);
        Assert.EndsWith("/code", page.Url, StringComparison.Ordinal);
        var qr = page.Locator("[data-testid=qr]");
        await Expect(qr).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=code-colour]")).ToHaveTextAsync("绿码");
        await Expect(page.Locator("[data-testid=clock]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d:\d\d$"));
        var first = await qr.GetAttributeAsync("data-payload");
        Assert.StartsWith("FK1.", first, StringComparison.Ordinal);

        // Refresh interval is 2 s in this host: wait for a different signed payload (issue time differs).
        await page.WaitForFunctionAsync("p => document.getElementById('qr').dataset.payload !== p", first,
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        var second = await qr.GetAttributeAsync("data-payload");
        Assert.NotEqual(first, second);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "resident-code.png") });
    }
}

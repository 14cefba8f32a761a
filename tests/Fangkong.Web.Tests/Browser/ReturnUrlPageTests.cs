namespace Fangkong.Web.Tests.Browser;

/// <summary>A real sign-in in Chromium with a return URL a browser reads as another host stays on the site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnUrlPageTests(BrowserFixture app)
{
    [Theory]
    [InlineData("/%5Cevil.example/steal")]
    [InlineData("/%09/evil.example/steal")]
    public async Task Signing_in_with_a_foreign_return_url_stays_on_the_site(string returnUrl)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=" + returnUrl);
        await page.FillAsync("#userName", "epi");
        await page.FillAsync("#password", Scenario.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        Assert.StartsWith(app.BaseUrl + "/search", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}

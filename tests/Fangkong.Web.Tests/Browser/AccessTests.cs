using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser;

/// <summary>Where people land: the root sends each role home, a wrong role is told so, a stranger signs in first.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessTests(BrowserFixture app)
{
    [Fact]
    public async Task The_root_sends_a_resident_home_and_a_gate_page_is_denied_to_them()
    {
        var page = await app.SignInAsync("resident");
        await page.GotoAsync("/");
        await page.WaitForURLAsync(u => u.EndsWith("/code", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=signed-in]")).ToContainTextAsync("居民");

        await page.GotoAsync("/gate");
        await page.WaitForURLAsync(u => u.Contains("/denied", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        await page.ClickAsync("text=退出");
        // The sign-out redirect is what matters; waiting for the page's full load only adds a way to time out on a busy machine.
        await page.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        await page.GotoAsync("/search");
        await page.WaitForURLAsync(u => u.Contains("/login?", StringComparison.Ordinal) && u.Contains("search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_reported_on_the_login_page()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", "gate");
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}

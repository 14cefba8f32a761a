using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser;

/// <summary>
/// The header on a 1366 px desk screen and a 390 px phone, in both languages: nothing wider than the window, every link
/// and control of the header on one line (no "健康/码", no "退/出"), every nav link inside the window. Screenshots of
/// each are kept as artifacts.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed class LayoutTests(CityBrowserFixture app)
{
    [Theory]
    [InlineData("admin", "en", 1366, "/testing")]
    [InlineData("admin", "zh-CN", 1366, "/testing")]
    [InlineData("epi", "en", 1366, "/tracing/cases")]
    [InlineData("command", "zh-CN", 1366, "/command")]
    [InlineData("command", "en", 1366, "/command")]
    [InlineData("resident", "zh-CN", 390, "/code")]
    [InlineData("resident", "en", 390, "/code")]
    [InlineData("sampler", "zh-CN", 390, "/testing/sample")]
    [InlineData("sampler", "en", 390, "/testing/sample")]
    [InlineData("epi", "zh-CN", 390, "/tracing/cases")]
    [InlineData("epi", "zh-CN", 390, "/hospitals")]
    [InlineData("epi", "en", 390, "/hospitals/transfers")]
    [InlineData("grid", "zh-CN", 390, "/community/grid")]
    [InlineData("grid", "en", 390, "/community/grid")]
    public async Task The_header_fits_the_window_and_no_link_breaks_inside_a_word(string account, string culture, int width, string path)
    {
        var page = await app.SignInAsync(account, culture);
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await page.GotoAsync(path);
        await Expect(page.Locator("[data-testid=nav] a").First).ToBeVisibleAsync();

        var measured = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => {
              const lines = el => { const r = document.createRange(); r.selectNodeContents(el);
                return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top + x.height / 2))).size; };
              const parts = [...document.querySelectorAll('header .nav, header .brand, header .culture, header .who, header button')]
                .filter(el => el.offsetParent !== null);
              return {
                pageWidth: document.documentElement.scrollWidth,
                window: innerWidth,
                broken: parts.filter(el => lines(el) > 1).map(el => el.textContent.trim()),
                outside: [...document.querySelectorAll('header .nav')].filter(el => el.getBoundingClientRect().right > innerWidth || el.getBoundingClientRect().left < 0).map(el => el.textContent.trim()),
                links: document.querySelectorAll('header .nav').length,
              };
            }
            """);
        var layout = System.Text.Json.JsonSerializer.Deserialize<Layout>(measured, Web)!;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"layout-{account}-{culture}-{width}.png"), FullPage = width < 600 });
        Assert.True(layout.PageWidth <= layout.Window, $"the page is {layout.PageWidth} px wide in a {layout.Window} px window");
        Assert.Empty(layout.Broken);
        Assert.Empty(layout.Outside);
        Assert.True(layout.Links >= 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_heading_keeps_the_focus_after_a_page_change_without_a_box()
    {
        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/tracing/cases");
        await page.Locator("[data-testid=nav] a", new() { HasText = "查询" }).ClickAsync();
        // Blazor's enhanced navigation swaps the page without a load event: wait for the address and the new heading.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search$"));
        // Blazor moves the focus to the new page's heading, so a screen reader announces it; a sighted mouse user sees no box.
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        Assert.Equal("none", await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).outlineStyle"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/tracing/cases", "[data-testid=cases-filter] button[type=submit]")]
    [InlineData("/tracing/cases", "[data-testid=export]")]
    [InlineData("/command/bulletins", "[data-testid=bulletin-generate]")]
    public async Task Action_buttons_look_like_buttons(string path, string selector)
    {
        var page = await app.SignInAsync("epi");
        await page.GotoAsync(path);
        var style = await page.Locator(selector).EvaluateAsync<string[]>(
            "b => { const s = getComputedStyle(b); return [s.borderTopStyle, s.borderTopColor, s.backgroundColor, s.paddingLeft, s.cursor]; }");
        // A frame (or a filled background), some padding, a hand: not plain text, as MudBlazor's reset leaves a bare button.
        var framed = style[0] != "none" && style[1] != "rgba(0, 0, 0, 0)";
        var filled = style[2] is not ("rgba(0, 0, 0, 0)" or "transparent");
        Assert.True(framed || filled, $"{selector} on {path}: {string.Join(", ", style)}");
        Assert.NotEqual("0px", style[3]);
        Assert.Equal("pointer", style[4]);
        await page.Context.CloseAsync();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    public sealed record Layout(int PageWidth, int Window, string[] Broken, string[] Outside, int Links);
}

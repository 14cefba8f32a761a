using Fangkong.Core.Command;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Command;

/// <summary>An administrator generates yesterday's city bulletin, edits the draft and publishes it.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class BulletinPageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task An_administrator_generates_edits_and_publishes_the_daily_bulletin()
    {
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var page = await app.SignInAsync("admin");
        await page.GotoAsync("/command/bulletins");
        await page.Locator("[data-testid=bulletin-area]").SelectOptionAsync("City:220400");
        await page.Locator("[data-testid=bulletin-generate]").ClickAsync();
        await page.WaitForURLAsync("**/command/bulletins/*");
        var zh = page.Locator("[data-testid=bulletin-text-zh]");
        await Expect(zh).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{yesterday.Month}月{yesterday.Day}日0—24时，辽源市"));
        await Expect(page.Locator("[data-testid=bulletin-text-en]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^From 0:00 to 24:00 on "));

        var edited = await zh.InputValueAsync() + "请广大市民坚持做好个人防护。";
        await zh.FillAsync(edited);
        await page.Locator("[data-testid=bulletin-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=bulletin-message]")).ToHaveTextAsync("已保存");
        await page.Locator("[data-testid=bulletin-publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=bulletin-state]")).ToContainTextAsync("已发布");
        await Expect(page.Locator("[data-testid=bulletin-text]")).ToContainTextAsync("坚持做好个人防护");
        await using var db = app.Db();
        var published = await db.Bulletins.SingleAsync(b => b.State == BulletinState.Published && b.Day == yesterday);
        Assert.Equal(edited, published.TextZh);
    }
}

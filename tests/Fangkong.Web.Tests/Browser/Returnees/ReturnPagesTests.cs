using System.Globalization;
using Fangkong.Core.Accounts;
using Fangkong.Core.People;
using Fangkong.Core.Returnees;
using Fangkong.Domain.People;
using Fangkong.Domain.Zones;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Returnees;

/// <summary>
/// A resident coming back from a medium-risk area reports the return on a phone-sized page (from a road checkpoint's QR)
/// and reads the decision at once: home observation with its days, test days and the grid's worker; the worker sees them
/// on the follow-up page. Screenshots as artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnPagesTests(BrowserFixture app)
{
    private const long PersonId = 321, AreaId = 9321;

    // A resident of their own in the scenario's household (福镇社区, 第1网格 of 王丽), and another region's medium-risk area.
    private async Task SeedAsync(DateOnly today)
    {
        await using var db = app.Store.NewDb();
        db.Persons.Add(new Person
        {
            Id = PersonId,
            DocumentType = DocumentType.ResidentIdCard,
            DocumentNumber = ResidentIdNumber.Compose("220402", new DateOnly(1992, 4, 5), 321),
            Name = "周返乡",
            Phone = "13700000321",
            HouseholdId = Scenario.HouseholdId,
            DistrictCode = "220402",
            CommunityId = Scenario.CommunityId,
            Token = "tok321xxxxxxxxxxxxxxxx",
            CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });
        db.Users.Add(new User { Id = 321, UserName = "returnee", DisplayName = "返乡居民", PasswordHash = PasswordHasher.Hash(Scenario.Password), Role = Roles.Resident, PersonId = PersonId });
        db.OtherRiskAreas.Add(new OtherRiskArea
        {
            Id = AreaId,
            Province = "吉林省",
            City = "长春市",
            County = "朝阳区",
            Name = "湖西街道",
            Level = ZoneLevel.Controlled,
            FromDate = today.AddDays(-10),
            CountyHasOutbreak = true,
            CreatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, name), FullPage = true });

    [Fact]
    public async Task A_resident_reports_the_return_on_a_phone_and_reads_the_decision()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow + TimeSpan.FromHours(8));
        await SeedAsync(today);
        var page = await app.SignInAsync("returnee");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/me/return?checkpoint=7");
        await Expect(page.Locator("[data-testid=return-checkpoint]")).ToContainTextAsync("7");
        await page.SelectOptionAsync("[data-testid=return-area]", AreaId.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("[data-testid=return-left]", today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("[data-testid=return-travel]", "Train");
        await page.FillAsync("[data-testid=return-number]", "K7323");
        await ShotAsync(page, "return-form-phone.png");
        await page.ClickAsync("[data-testid=return-submit]");
        await Expect(page.Locator("[data-testid=return-message]")).ToContainTextAsync("居家健康监测");
        var item = page.Locator("[data-testid=my-return]").First;
        await Expect(item).ToHaveAttributeAsync("data-measure", "HomeObservation");
        await Expect(item.Locator("[data-testid=return-decision]")).ToContainTextAsync("13天");
        await Expect(item).ToContainTextAsync("王丽");
        await Expect(item.Locator("[data-testid=return-checkin]")).ToBeVisibleAsync();
        // Nothing overflows the phone's width.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await ShotAsync(page, "return-decision-phone.png");

        var grid = await app.SignInAsync("grid");
        await grid.SetViewportSizeAsync(390, 844);
        await grid.GotoAsync("/returnees/follow-up");
        await Expect(grid.Locator("[data-testid=follow-up-returnee]").Filter(new() { HasText = "周*乡" })).ToBeVisibleAsync();
        Assert.True(await grid.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await ShotAsync(grid, "return-follow-up-phone.png");
    }
}

using System.Globalization;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Community;

/// <summary>A grid worker at a door with a 390-px phone: the household list, the visit recorded, a problem that reaches the officer.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class GridWorkerPageTests(CityBrowserFixture app)
{
    private static async Task FitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{page.Url} is {width}px wide on a 390px phone");
    }

    [Fact]
    public async Task A_grid_worker_records_a_households_screening_on_a_phone_and_the_officer_sees_the_problem()
    {
        long household;
        List<long> members;
        await using (var db = app.Db())
        {
            var grid = await db.Users.Where(u => u.UserName == "grid").Select(u => u.JurisdictionId!.Value).SingleAsync();
            household = await (from h in db.GridHouseholds
                               where h.GridId == grid && db.Persons.Count(p => p.HouseholdId == h.HouseholdId) >= 2
                                   && !db.Screenings.Any(s => s.HouseholdId == h.HouseholdId)
                               orderby h.HouseholdId
                               select h.HouseholdId).FirstAsync();
            members = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        }

        var page = await app.SignInAsync("grid");
        await page.SetViewportSizeAsync(390, 844);
        Assert.EndsWith("/community/grid", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=household]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=grid-area]")).ToContainTextAsync("第");
        await FitsThePhoneAsync(page);

        await page.GotoAsync($"/community/households/{household}");
        await Expect(page.Locator("[data-testid=member-form]")).ToHaveCountAsync(members.Count);
        await page.Locator("[data-testid=outcome-SomeAway]").CheckAsync();
        var forms = page.Locator("[data-testid=member-form]");
        await forms.Nth(0).Locator("[data-testid=present]").CheckAsync();
        await forms.Nth(0).Locator("[data-testid=member-more]").ClickAsync();
        await forms.Nth(0).Locator("[data-testid=needs]").FillAsync("需要降压药");
        await forms.Nth(1).Locator("[data-testid=away]").CheckAsync();
        await forms.Nth(1).Locator("[data-testid=member-more]").ClickAsync();
        await forms.Nth(1).Locator("[data-testid=away-at]").FillAsync("长春市朝阳区");
        var since = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await forms.Nth(1).Locator("[data-testid=away-since]").FillAsync(since);
        for (var i = 2; i < members.Count; i++) await forms.Nth(i).Locator("[data-testid=present]").CheckAsync();
        await FitsThePhoneAsync(page);
        await page.Locator("[data-testid=screen-submit]").ClickAsync();

        await Expect(page.Locator("[data-testid=household-message]")).ToHaveTextAsync("已记录走访。");
        await Expect(page.Locator("[data-testid=visit]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=visit]").First).ToHaveAttributeAsync("data-outcome", "SomeAway");
        await Expect(page.Locator($"[data-testid=member][data-person='{members[1]}'] [data-testid=member-away]")).ToContainTextAsync("长春市朝阳区");
        await FitsThePhoneAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "grid-worker-screening.png"), FullPage = true });

        // A problem raised at the same door.
        await page.Locator("[data-testid=problem-category]").SelectOptionAsync("Medicine");
        await page.Locator("[data-testid=problem-text]").FillAsync("老人降压药已断，需社区医生送药");
        await page.Locator("[data-testid=problem-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=household-message]")).ToHaveTextAsync("问题已上报社区。");

        await using (var db = app.Db())
        {
            var visit = await db.Screenings.SingleAsync(s => s.HouseholdId == household);
            Assert.Equal(Domain.Community.ScreeningOutcome.SomeAway, visit.Outcome);
            var away = await db.ScreeningMembers.SingleAsync(m => m.ScreeningId == visit.Id && !m.Present);
            Assert.Equal((members[1], "长春市朝阳区", DateOnly.ParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture)), (away.PersonId, away.AwayAt, away.AwaySince!.Value));
        }

        // The community officer finds it unread in the inbox.
        var officer = await app.SignInAsync("officer");
        Assert.EndsWith("/community", officer.Url, StringComparison.Ordinal);
        await officer.GotoAsync("/community/problems");
        var item = officer.Locator("[data-testid=problem]", new() { HasText = "老人降压药已断" });
        await Expect(item.Locator("[data-testid=unread]")).ToBeVisibleAsync();
        await item.Locator("[data-testid=problem-link]").ClickAsync();
        await officer.Locator("[data-testid=answer-text]").FillAsync("已联系社区卫生服务站今日送药");
        await officer.Locator("[data-testid=answer-close]").CheckAsync();
        await officer.Locator("[data-testid=answer-submit]").ClickAsync();
        await Expect(officer.Locator("[data-testid=problem-message]")).ToHaveTextAsync("已答复。");
        await Expect(officer.Locator("[data-testid=problem-answer]")).ToContainTextAsync("已联系社区卫生服务站今日送药");
    }
}

using Fangkong.Core.People;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Command;

/// <summary>
/// An administrator drafts the 2020 city-style bulletin for a day with one new suspected case and no new confirmed case:
/// the text says so the way the city's office wrote it ("无新增确诊病例，新增疑似病例1例。"), counts the suspected case as
/// current, reminds returnees and is signed by the office with the next day's date.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed class CityBulletinPageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task An_administrator_drafts_a_city_style_bulletin_for_a_day_with_a_new_suspected_case_and_no_new_confirmed_case()
    {
        // A day long before the other tests' cases, which they report around now.
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-40);
        var reportedUtc = day.ToDateTime(new TimeOnly(10, 30)).AddHours(-8);
        await using (var db = app.Db())
        {
            Assert.False(await db.Cases.AnyAsync(c => c.ReportedAtUtc < reportedUtc.AddDays(1)), "the fixture already holds a case on or before the bulletin's day");
            var person = await db.Persons.Where(p => p.HouseholdId != null && !db.Cases.Any(c => c.PersonId == p.Id)).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
            var district = (await PersonDirectory.DistrictsAsync(db, [person], default)).GetValueOrDefault(person);
            db.Cases.Add(new CaseRecord
            {
                Id = 810_000_951,
                PersonId = person,
                FoundBy = CaseFoundBy.FeverClinic,
                Class = CaseClass.Suspected,
                DistrictCode = district,
                FirstPositiveSampledAtUtc = reportedUtc.AddHours(-1),
                ReportedAtUtc = reportedUtc,
                SuspectedAtUtc = reportedUtc,
                OnsetDate = day.AddDays(-1),
            });
            await db.SaveChangesAsync();
        }

        var page = await app.SignInAsync("admin");
        await page.GotoAsync("/command/bulletins");
        await page.Locator("[data-testid=bulletin-day]").FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=bulletin-area]").SelectOptionAsync("City:220400");
        await page.Locator("[data-testid=bulletin-style]").SelectOptionAsync("City");
        await Expect(page.Locator("[data-testid=bulletin-style] option:checked")).ToHaveTextAsync("市级格式（2020年）");
        await page.Locator("[data-testid=bulletin-generate]").ClickAsync();
        await page.WaitForURLAsync("**/command/bulletins/*");

        var date = $"{day.Year}年{day.Month}月{day.Day}日";
        var next = day.AddDays(1);
        var zh = await page.Locator("[data-testid=bulletin-text-zh]").InputValueAsync();
        Assert.StartsWith($"{date}0—24时，辽源市无新增确诊病例，新增疑似病例1例。", zh);
        Assert.Contains($"截至{date}24时，辽源市累计报告疑似病例1例，现有疑似病例1例。", zh);
        Assert.DoesNotContain("无症状", zh);
        Assert.Contains("请广大市民特别是返乡返岗人员继续做好个人防护", zh);
        Assert.EndsWith($"辽源市新冠肺炎疫情防控工作领导小组办公室\n{next.Year}年{next.Month}月{next.Day}日", zh.TrimEnd());
        var en = await page.Locator("[data-testid=bulletin-text-en]").InputValueAsync();
        Assert.Matches(@"^From 0:00 to 24:00 on .+, Liaoyuan reported no new confirmed cases and (1|one) new suspected case\.", en);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "bulletin-city-style.png"), FullPage = true });
    }
}

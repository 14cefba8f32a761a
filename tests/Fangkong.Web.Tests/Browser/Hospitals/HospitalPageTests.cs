using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Hospitals;

/// <summary>The hospital pages: a case admitted to a designated hospital, moved to a Fangcang bed and discharged, at a phone's width.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class HospitalPageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task An_epidemiologist_admits_a_case_moves_it_to_a_Fangcang_bed_and_discharges_it()
    {
        var number = await AddCaseAsync();
        var page = await app.SignInAsync("admin");
        await page.SetViewportSizeAsync(390, 844);
        await page.Locator("[data-testid=nav-hospitals]").ClickAsync();
        await page.WaitForURLAsync("**/hospitals");
        await page.FillAsync("[data-testid=hospital-name]", "浏览器测试定点医院");
        await page.Locator("[data-testid=hospital-kind]").SelectOptionAsync("Designated");
        await page.Locator("[data-testid=hospital-district]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.FillAsync("[data-testid=hospital-wards]", "感染一病区 2\n感染二病区");
        await page.ClickAsync("[data-testid=hospital-submit]");
        await Expect(page.Locator("[data-testid=error-wards]")).ToContainTextAsync("第2行");
        await page.FillAsync("[data-testid=hospital-wards]", "感染一病区 2\n感染二病区 2");
        await page.ClickAsync("[data-testid=hospital-submit]");
        await page.WaitForURLAsync("**/hospitals/*");
        await Expect(page.Locator("[data-testid=hospital-load]")).ToContainTextAsync("床位4张，在床0人，空床4张");

        await page.FillAsync("[data-testid=admit-case]", number);
        await page.ClickAsync("[data-testid=admit-submit]");
        await Expect(page.Locator("[data-testid=bed-message]")).ToContainTextAsync($"病例{number}已收治");
        await Expect(page.Locator("[data-testid=hospital-load]")).ToContainTextAsync("在床1人，空床3张");
        var row = page.Locator($"[data-testid=bed-row][data-case='{number}']");
        await Expect(row).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "hospital-admitted.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the hospital page is {width}px wide at a phone's 390px");

        // Move to the demo city's Fangcang hospital.
        await row.Locator("[data-testid=move-hospital]").SelectOptionAsync(new SelectOptionValue { Label = "辽源市体育中心方舱医院" });
        await row.Locator("[data-testid=move]").ClickAsync();
        await Expect(page.Locator("[data-testid=bed-message]")).ToContainTextAsync("辽源市体育中心方舱医院");
        await Expect(page.Locator("[data-testid=hospital-load]")).ToContainTextAsync("在床0人，空床4张");
        await using (var db = app.Db())
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number);
            Assert.Equal((CaseStatus.InHospital, "辽源市体育中心方舱医院"), (c.Status, c.TreatedAt));
        }

        await page.GotoAsync("/hospitals?kind=Fangcang");
        await page.Locator("[data-testid=hospital-link]", new() { HasText = "辽源市体育中心方舱医院" }).ClickAsync();
        await page.WaitForURLAsync("**/hospitals/*");
        await page.GotoAsync(page.Url + "?show=Taken");
        var fangcangRow = page.Locator($"[data-testid=bed-row][data-case='{number}']");
        await fangcangRow.Locator("[data-testid=discharge]").ClickAsync();
        await Expect(page.Locator("[data-testid=bed-message]")).ToContainTextAsync($"病例{number}已出院");
        await Expect(page.Locator($"[data-testid=bed-row][data-case='{number}']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "hospital-discharged.png"), FullPage = true });
        await using (var db = app.Db())
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number);
            Assert.Equal(CaseStatus.Discharged, c.Status);
            Assert.False(await db.BedStays.AnyAsync(s => s.CaseId == c.Id && s.State == Domain.Hospitals.BedStayState.InBed));
        }
        await page.Context.CloseAsync();
    }

    private async Task<string> AddCaseAsync()
    {
        await using var db = app.Db();
        var person = await db.Persons.OrderByDescending(p => p.Id).Where(p => !db.Cases.Any(c => c.PersonId == p.Id)).Select(p => p.Id).FirstAsync();
        var at = new DateTime(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc);
        var c = new CaseRecord
        {
            Id = 870_000_001,
            PersonId = person,
            FoundBy = CaseFoundBy.FeverClinic,
            FirstPositiveSampledAtUtc = at,
            ReportedAtUtc = at.AddHours(2),
            Class = CaseClass.Common,
            OnsetDate = new DateOnly(2026, 11, 18),
            Edition = PolicyEdition.Edition9,
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.Number;
    }
}

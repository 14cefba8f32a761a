using System.Globalization;
using System.Text.Json;
using Fangkong.Core.Hospitals;
using Fangkong.Core.People;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Tracing;

/// <summary>
/// The course page (/tracing/cases/{id}/course): a suspected case excluded and another confirmed, each previewed before it is
/// confirmed, the dashboard's suspected figures moving; a confirmed case discharged from the page giving its bed up.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed class CaseCoursePageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task Suspected_cases_are_excluded_and_confirmed_through_the_page_and_the_dashboard_counts_them()
    {
        var (excluded, confirmed) = (await AddCaseAsync(872_000_001, CaseClass.Suspected), await AddCaseAsync(872_000_002, CaseClass.Suspected));
        var page = await app.SignInAsync("epi");
        var before = await FiguresAsync(page);

        // From the case page to its course page: a suspected case may be confirmed or excluded, never discharged.
        await page.GotoAsync($"/tracing/cases/{excluded}");
        await page.Locator("[data-testid=course-link]").ClickAsync();
        await page.WaitForURLAsync($"**/tracing/cases/{excluded}/course");
        await Expect(page.Locator("[data-testid=course-now]")).ToContainTextAsync("疑似");
        var offered = await page.Locator("[data-testid=course-status] option").AllTextContentsAsync();
        Assert.Contains("已排除", offered);
        Assert.DoesNotContain("出院", offered);
        Assert.DoesNotContain("解除隔离", offered);
        await page.Locator("[data-testid=course-status]").SelectOptionAsync("Excluded");
        await page.FillAsync("[data-testid=course-note]", "两次核酸阴性");
        await page.Locator("[data-testid=course-preview]").ClickAsync();
        await Expect(page.Locator("[data-testid=course-effects]")).ToContainTextAsync("疑似病例排除");
        await Expect(page.Locator("[data-testid=course-effects]")).ToContainTextAsync("现有疑似病例减少1例");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-course-preview.png"), FullPage = true });
        await using (var db = app.Db())
            Assert.Equal(CaseStatus.Reported, (await db.Cases.SingleAsync(c => c.Id == excluded)).Status); // the preview wrote nothing
        await page.Locator("[data-testid=course-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=course-message]")).ToContainTextAsync("已保存");
        await Expect(page.Locator("[data-testid=course-now]")).ToContainTextAsync("已排除");
        await Expect(page.Locator("[data-testid=course-final]")).ToBeVisibleAsync();

        // The other one, at a phone's width: a wrong pair is refused beside its field, then the case is confirmed as common.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/tracing/cases/{confirmed}/course");
        await page.Locator("[data-testid=course-class]").SelectOptionAsync("Common");
        await page.Locator("[data-testid=course-status]").SelectOptionAsync("Excluded");
        await page.Locator("[data-testid=course-preview]").ClickAsync();
        await Expect(page.Locator("[data-testid=error-status]")).ToContainTextAsync("疑似");
        await page.Locator("[data-testid=course-status]").SelectOptionAsync("");
        await page.FillAsync("[data-testid=course-onset]", Today().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=course-preview]").ClickAsync();
        await Expect(page.Locator("[data-testid=course-effects]")).ToContainTextAsync("疑似病例确诊");
        await Expect(page.Locator("[data-testid=course-effects]")).ToContainTextAsync("健康码");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-course-phone.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the course page is {width}px wide at a phone's 390px");
        await page.Locator("[data-testid=course-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=course-now]")).ToContainTextAsync("普通型");

        await using (var db = app.Db())
        {
            var x = await db.Cases.SingleAsync(c => c.Id == excluded);
            Assert.Equal((CaseStatus.Excluded, Today()), (x.Status, x.ExcludedOn!.Value));
            var y = await db.Cases.SingleAsync(c => c.Id == confirmed);
            Assert.Equal((CaseClass.Common, Today(), Today().AddDays(-1)), (y.Class, y.SuspectedConfirmedOn!.Value, y.OnsetDate!.Value));
        }
        var after = await FiguresAsync(page);
        Assert.Equal(before["cases.suspectedExcluded"] + 1, after["cases.suspectedExcluded"]);
        Assert.Equal(before["cases.suspectedConverted"] + 1, after["cases.suspectedConverted"]);
        Assert.Equal(before["cases.currentSuspected"] - 2, after["cases.currentSuspected"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_confirmed_case_discharged_on_its_course_page_frees_its_bed()
    {
        var caseId = await AddCaseAsync(872_000_003, CaseClass.Severe);
        const long hospital = 872_100_001, ward = 872_100_002, bed = 872_100_003;
        await using (var db = app.Db())
        {
            var district = await db.Cases.Where(c => c.Id == caseId).Select(c => c.DistrictCode).SingleAsync() ?? "220402";
            db.Hospitals.Add(new Hospital { Id = hospital, Name = "病程页测试医院", Kind = HospitalKind.Designated, DistrictCode = district, CreatedAtUtc = DateTime.UtcNow.AddDays(-3) });
            db.HospitalWards.Add(new HospitalWard { Id = ward, HospitalId = hospital, Name = "重症病区" });
            db.HospitalBeds.Add(new HospitalBed { Id = bed, HospitalId = hospital, WardId = ward, Number = "7", Position = 7 });
            var stay = DateTime.UtcNow.AddHours(-3);
            db.BedStays.Add(new BedStay { Id = 872_100_004, CaseId = caseId, PersonId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.PersonId).SingleAsync(), HospitalId = hospital, WardId = ward, BedId = bed, State = BedStayState.InBed, FromUtc = stay, ByUserId = 1 });
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            (c.Status, c.StatusAtUtc, c.IsolatedAtUtc, c.TreatedAt) = (CaseStatus.InHospital, stay, stay, "病程页测试医院");
            await db.SaveChangesAsync();
        }
        var page = await app.SignInAsync("epi");
        await page.GotoAsync($"/tracing/cases/{caseId}/course");
        var offered = await page.Locator("[data-testid=course-status] option").AllTextContentsAsync();
        Assert.Contains("出院", offered);
        Assert.DoesNotContain("解除隔离", offered);
        Assert.DoesNotContain("已排除", offered);
        await page.Locator("[data-testid=course-status]").SelectOptionAsync("Discharged");
        await page.FillAsync("[data-testid=course-at]", LocalInput(DateTime.UtcNow.AddMinutes(-30)));
        await page.Locator("[data-testid=course-preview]").ClickAsync();
        await Expect(page.Locator("[data-testid=course-effects]")).ToContainTextAsync("结束在病程页测试医院重症病区7床的住院，病床空出");
        await Expect(page.Locator("[data-testid=course-effects]")).ToContainTextAsync("计入当日出院病例");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-course-discharge.png"), FullPage = true });
        await page.Locator("[data-testid=course-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=course-now]")).ToContainTextAsync("出院");
        await using (var db = app.Db())
        {
            var stay = await db.BedStays.SingleAsync(s => s.CaseId == caseId);
            Assert.Equal(BedStayState.Discharged, stay.State);
            Assert.Equal(CaseStatus.Discharged, (await db.Cases.SingleAsync(c => c.Id == caseId)).Status);
        }
        // The hospital's page shows the bed free again.
        await page.GotoAsync($"/hospitals/{hospital}");
        await Expect(page.Locator("[data-testid=hospital-load]")).ToContainTextAsync("在床0人");
        await page.Context.CloseAsync();
    }

    private async Task<long> AddCaseAsync(long id, CaseClass cls)
    {
        await using var db = app.Db();
        var person = await db.Persons.Where(p => p.Id != app.ResidentPersonId && !db.Cases.Any(c => c.PersonId == p.Id) && !db.ContactProposals.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.Id).Skip(500).Select(p => p.Id).FirstAsync();
        var now = DateTime.UtcNow;
        db.Cases.Add(new CaseRecord
        {
            Id = id,
            PersonId = person,
            FoundBy = CaseFoundBy.FeverClinic,
            FirstPositiveSampledAtUtc = now.AddHours(-6),
            ReportedAtUtc = now.AddHours(-1),
            Class = cls,
            OnsetDate = cls == CaseClass.Asymptomatic ? null : Today().AddDays(-1),
            SuspectedAtUtc = cls == CaseClass.Suspected ? now.AddHours(-1) : null,
            Edition = PolicyEdition.Edition9,
            DistrictCode = (await PersonDirectory.DistrictsAsync(db, [person], default)).GetValueOrDefault(person),
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>The dashboard's figures now, as its API gives them to the signed-in page.</summary>
    private static async Task<Dictionary<string, int>> FiguresAsync(IPage page)
    {
        var r = await page.APIRequest.GetAsync("/api/dashboard?fresh=true");
        Assert.True(r.Ok, await r.TextAsync());
        using var json = JsonDocument.Parse(await r.TextAsync());
        return json.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetInt32());
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string LocalInput(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}

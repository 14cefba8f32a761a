using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Hospitals;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Tracing;

/// <summary>The case page's timeline at a phone's width: the report, contacts found and confirmed, the admission, who did each.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class CaseTimelinePageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task The_case_page_shows_the_case_s_story_on_a_phone_and_the_read_is_audited()
    {
        // A case reported and admitted through the use cases; its household searched and confirmed on the page below.
        long caseId, person, fangcang;
        int mates;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<FangkongDb>();
            var clock = sp.GetRequiredService<CityClock>();
            var household = await db.Persons.Where(p => p.HouseholdId != null && p.Id != app.ResidentPersonId)
                .GroupBy(p => p.HouseholdId).Where(g => g.Count() == 2 && !g.Any(p => db.Cases.Any(c => c.PersonId == p.Id)))
                .OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
            person = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var epi = await db.Users.Where(u => u.UserName == "epi").Select(u => u.Id).SingleAsync();
            var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var c = await sp.GetRequiredService<CaseRegistry>().ReportAsync(db,
                new NewCase(person, CaseClass.Common, CaseFoundBy.FeverClinic, clock.UtcNow.AddHours(-6), clock.Today, null, null), epi, default);
            caseId = c.Id;
            mates = await db.Persons.CountAsync(p => p.HouseholdId == household && p.Id != person);
            fangcang = await db.Hospitals.Where(h => h.Kind == HospitalKind.Fangcang).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
            await sp.GetRequiredService<Admissions>().AdmitAsync(db, caseId, new BedRequest(fangcang, null, null), admin, default);
        }
        Assert.Equal(1, mates);
        string epiName;
        await using (var db = app.Db())
            epiName = Masking.Name(await db.Users.Where(u => u.UserName == "epi").Select(u => u.DisplayName).SingleAsync());

        var page = await app.SignInAsync("epi");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/tracing/cases/{caseId}");
        var section = page.Locator("[data-testid=case-timeline]");
        // The section tells what the page's own forms just did (it is read after them, not before).
        await page.Locator("[data-testid=search-contacts]").ClickAsync();
        await Expect(section.Locator("[data-testid=timeline-entry][data-kind=contacts-found]")).ToContainTextAsync($"排查出密切接触者{mates}名");
        await page.Locator("[data-testid=pick-all]").CheckAsync();
        await page.Locator("[data-testid=confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-message]")).ToBeVisibleAsync();
        await Expect(section.Locator("h2")).ToHaveTextAsync("病例时间线");
        await Expect(section.Locator("[data-testid=timeline-entry][data-kind=reported]")).ToContainTextAsync("报告为普通型");
        await Expect(section.Locator("[data-testid=timeline-entry][data-kind=reported] [data-testid=timeline-by]")).ToHaveTextAsync($"经办：{epiName}");
        await Expect(section.Locator("[data-testid=timeline-entry][data-kind=contacts-confirmed]")).ToContainTextAsync($"确认接触者{mates}名");
        var admitted = section.Locator("[data-testid=timeline-entry][data-kind=admitted]");
        await Expect(admitted).ToContainTextAsync("收治入辽源市体育中心方舱医院");
        await Expect(admitted.Locator("[data-testid=timeline-link]")).ToHaveAttributeAsync("href", $"/hospitals/{fangcang}");
        await Expect(section.Locator("[data-testid=timeline-entry][data-kind=onset] time")).ToHaveTextAsync("全天");
        // Oldest first: the report comes before the admission.
        var kinds = await section.Locator("[data-testid=timeline-entry]").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.kind)");
        Assert.True(Array.IndexOf(kinds, "reported") < Array.IndexOf(kinds, "admitted"), string.Join(", ", kinds));

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the case page is {width}px wide at a phone's 390px");
        // Tall enough that the section needs no scrolling, so the sticky menu does not cover it in the picture.
        await page.SetViewportSizeAsync(390, 2400);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-timeline-390.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-timeline-page-390.png"), FullPage = true });

        await using (var db = app.Db())
            // Read once per request — the first view, the search, the decision — never before a form's change as well.
            Assert.Equal(3, await db.TraceAccesses.CountAsync(a => a.Kind == CaseTimeline.AuditKind && a.PersonId == person && a.UserName == "epi"));
        await page.Context.CloseAsync();
    }
}

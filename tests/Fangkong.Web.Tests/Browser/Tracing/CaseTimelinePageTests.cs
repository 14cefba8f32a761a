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
        // A case reported, its household searched and confirmed, and admitted — through the use cases, as the pages would.
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
            await sp.GetRequiredService<ContactSearch>().ProposeAsync(db, caseId, new TraceReader(epi, "epi", $"case {caseId}"), default);
            var proposals = await db.ContactProposals.Where(p => p.CaseId == caseId).Select(p => p.Id).ToListAsync();
            mates = proposals.Count;
            await sp.GetRequiredService<ContactDecisions>().DecideAsync(db, caseId, new ContactDecision(proposals, ProposalStatus.Confirmed, null), epi, default);
            fangcang = await db.Hospitals.Where(h => h.Kind == HospitalKind.Fangcang).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
            await sp.GetRequiredService<Admissions>().AdmitAsync(db, caseId, new BedRequest(fangcang, null, null), admin, default);
        }
        Assert.True(mates >= 1, "the household's other member is proposed");
        string epiName;
        await using (var db = app.Db())
            epiName = Masking.Name(await db.Users.Where(u => u.UserName == "epi").Select(u => u.DisplayName).SingleAsync());

        var page = await app.SignInAsync("epi");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/tracing/cases/{caseId}");
        var section = page.Locator("[data-testid=case-timeline]");
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
        await section.ScrollIntoViewIfNeededAsync();
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-timeline-390.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-timeline-page-390.png"), FullPage = true });

        await using (var db = app.Db())
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.Kind == CaseTimeline.AuditKind && a.PersonId == person && a.UserName == "epi"));
        await page.Context.CloseAsync();
    }
}

using System.Globalization;
using Fangkong.Core.Gate;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Tracing;

/// <summary>
/// The case page's further steps: secondary contacts searched and confirmed through the decide form filtered by grade, and
/// the investigation page (/tracing/cases/{id}/investigation): a place learned by interview added, a risk venue flagged
/// with a time window, proposing its visitors as companions.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed class InvestigationPageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task Secondary_contacts_are_searched_from_the_case_page_and_confirmed()
    {
        const long caseId = 873_000_001;
        List<long> secondaries;
        await using (var db = app.Db())
        {
            var busy = await db.Cases.Select(c => c.PersonId).Union(db.ContactProposals.Select(p => p.PersonId)).ToListAsync();
            var households = await db.Persons.Where(p => p.HouseholdId != null).GroupBy(p => p.HouseholdId).Where(g => g.Count() == 3).Select(g => g.Key).ToListAsync();
            var free = new List<List<long>>();
            foreach (var h in households.OrderByDescending(h => h))
            {
                var members = await db.Persons.Where(p => p.HouseholdId == h).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                if (members.All(m => !busy.Contains(m) && m != app.ResidentPersonId)) free.Add(members);
                if (free.Count == 2) break;
            }
            var (sick, close) = (free[0][0], free[1][0]);
            secondaries = free[1].Skip(1).ToList();
            var now = DateTime.UtcNow;
            db.Cases.Add(new CaseRecord { Id = caseId, PersonId = sick, FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = now.AddHours(-6), ReportedAtUtc = now.AddHours(-2), Class = CaseClass.Mild, OnsetDate = DateOnly.FromDateTime(now.AddHours(8)).AddDays(-1) });
            // A close contact met at work, confirmed yesterday: their own household is where secondary contacts are found.
            db.ContactProposals.Add(new ContactProposal { Id = 873_000_002, CaseId = caseId, PersonId = close, Grade = ContactGrade.Close, Kind = ContactKind.NamedByInvestigator, FirstExposureUtc = now.AddDays(-2), Status = ProposalStatus.Confirmed, ProposedAtUtc = now.AddDays(-1), DecidedAtUtc = now.AddDays(-1), DecidedByUserId = 1 });
            await db.SaveChangesAsync();
        }
        var page = await app.SignInAsync("epi");
        await page.GotoAsync($"/tracing/cases/{caseId}");
        await page.Locator("[data-testid=search-secondary]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("grade=Secondary"));
        await Expect(page.Locator("[data-testid=secondary-message]")).ToContainTextAsync("新提出 2 名次密接");
        await Expect(page.Locator("[data-testid=contact-row]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=grade-filter]")).ToHaveValueAsync("Secondary");
        await page.Locator("[data-testid=pick-all]").CheckAsync();
        await page.Locator("[data-testid=confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-message]")).ToContainTextAsync("已处理 2 人");
        await page.GotoAsync($"/tracing/cases/{caseId}?grade=Secondary");
        await Expect(page.Locator("[data-testid=contact-status]", new() { HasText = "已确认" })).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-secondary-contacts.png"), FullPage = true });
        await using (var db = app.Db())
        {
            var decided = await db.ContactProposals.Where(p => p.CaseId == caseId && p.Grade == ContactGrade.Secondary).ToListAsync();
            Assert.Equal(secondaries.Order(), decided.Where(p => p.Status == ProposalStatus.Confirmed).Select(p => p.PersonId).Order());
            Assert.All(await db.HealthCodes.Where(h => secondaries.Contains(h.PersonId)).ToListAsync(), h => Assert.Equal(CodeColour.Yellow, h.Colour));
            Assert.Equal(2, await db.HealthCodes.CountAsync(h => secondaries.Contains(h.PersonId)));
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_interview_place_is_added_and_a_risk_venue_flagged_proposes_its_visitors_at_a_phone_width()
    {
        const long caseId = 873_000_011;
        long market, visitor;
        string marketName;
        var now = DateTime.UtcNow;
        await using (var db = app.Db())
        {
            var busy = await db.Cases.Select(c => c.PersonId).Union(db.ContactProposals.Select(p => p.PersonId)).ToListAsync();
            var people = await db.Persons.Where(p => p.Id != app.ResidentPersonId).OrderByDescending(p => p.Id).Select(p => p.Id).Take(400).ToListAsync();
            var pair = people.Where(p => !busy.Contains(p)).Skip(100).Take(2).ToList();
            visitor = pair[1];
            (market, marketName) = await db.Venues.Where(v => v.Type == VenueType.Market).OrderByDescending(v => v.Id).Select(v => ValueTuple.Create(v.Id, v.Name)).FirstAsync();
            db.Cases.Add(new CaseRecord { Id = caseId, PersonId = pair[0], FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = now.AddHours(-3), ReportedAtUtc = now.AddHours(-2), Class = CaseClass.Common, OnsetDate = DateOnly.FromDateTime(now.AddHours(8)).AddDays(-1) });
            // A stranger at the market when the case says they were there: no close contact (a market), a companion once flagged.
            db.Visits.Add(new Visit { Id = 873_000_012, PersonId = visitor, VenueId = market, EnteredAtUtc = now.AddHours(-5), ExitedAtUtc = now.AddHours(-4), Method = EntryMethod.IdCard });
            await db.SaveChangesAsync();
        }
        var page = await app.SignInAsync("epi");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/tracing/cases/{caseId}");
        await page.Locator("[data-testid=investigation-link]").ClickAsync();
        await page.WaitForURLAsync($"**/tracing/cases/{caseId}/investigation");
        await Expect(page.Locator("[data-testid=places-window]")).ToContainTextAsync("暴露窗口");
        // Nothing recorded yet: each list says so instead of showing bare headers.
        await Expect(page.Locator("[data-testid=places-none]")).ToHaveTextAsync("尚未录入流调地点。");
        await Expect(page.Locator("[data-testid=risk-none]")).ToHaveTextAsync("尚未标记风险场所。");

        await page.FillAsync("[data-testid=venue-q]", marketName);
        await page.Locator("[data-testid=venue-search]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("q="));
        await page.Locator("[data-testid=place-venue]").SelectOptionAsync(market.ToString(CultureInfo.InvariantCulture));
        // A time the wrong way round is refused beside the field and the form keeps what was typed.
        await page.FillAsync("[data-testid=place-from]", Local(now.AddHours(-4)));
        await page.FillAsync("[data-testid=place-to]", Local(now.AddHours(-5)));
        await page.Locator("[data-testid=place-add]").ClickAsync();
        await Expect(page.Locator("[data-testid=error-to]")).ToContainTextAsync("结束时间应晚于开始时间");
        await Expect(page.Locator("[data-testid=place-venue]")).ToHaveValueAsync(market.ToString(CultureInfo.InvariantCulture));
        // Before the exposure window: refused naming the window's start.
        await page.FillAsync("[data-testid=place-from]", Local(now.AddDays(-9)));
        await page.FillAsync("[data-testid=place-to]", Local(now.AddDays(-9).AddHours(1)));
        await page.Locator("[data-testid=place-add]").ClickAsync();
        await Expect(page.Locator("[data-testid=error-from]")).ToContainTextAsync("早于病例的暴露窗口");
        await page.FillAsync("[data-testid=place-from]", Local(now.AddHours(-5)));
        await page.FillAsync("[data-testid=place-to]", Local(now.AddHours(-4)));
        await page.FillAsync("[data-testid=place-note]", "病例自述买菜");
        await page.Locator("[data-testid=place-add]").ClickAsync();
        await Expect(page.Locator("[data-testid=places-message]")).ToContainTextAsync(marketName);
        await Expect(page.Locator("[data-testid=place-row]")).ToHaveCountAsync(1);

        // The market flagged as a risk venue for that hour: its visitor then is proposed as a companion.
        await page.Locator("[data-testid=risk-venue]").SelectOptionAsync(market.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("[data-testid=risk-from]", Local(now.AddHours(-5)));
        await page.FillAsync("[data-testid=risk-to]", Local(now.AddHours(-4)));
        await page.Locator("[data-testid=risk-flag]").ClickAsync();
        await Expect(page.Locator("[data-testid=places-message]")).ToContainTextAsync("新提出时空伴随者 1 名");
        await Expect(page.Locator("[data-testid=risk-proposed]")).ToHaveAttributeAsync("data-value", "1");
        await Expect(page.Locator("[data-testid=risk-proposed]")).ToContainTextAsync("提出1人");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-investigation-phone.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the investigation page is {width}px wide at a phone's 390px");
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "case-investigation.png"), FullPage = true });
        await using (var db = app.Db())
        {
            Assert.Equal((market, "病例自述买菜"), await db.InvestigationPlaces.Where(p => p.CaseId == caseId).Select(p => ValueTuple.Create(p.VenueId!.Value, p.Note!)).SingleAsync());
            var companion = await db.ContactProposals.SingleAsync(p => p.CaseId == caseId && p.Grade == ContactGrade.Companion);
            Assert.Equal((visitor, ProposalStatus.Proposed), (companion.PersonId, companion.Status));
        }

        // Deleted by mistake-correction: the place goes, the risk window stays.
        await page.Locator("[data-testid=place-remove]").ClickAsync();
        await Expect(page.Locator("[data-testid=places-message]")).ToContainTextAsync("已删除地点");
        await Expect(page.Locator("[data-testid=place-row]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=places-none]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=risk-row]")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    private static string Local(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}

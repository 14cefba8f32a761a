using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Tracing;

/// <summary>The epidemiologist confirms a case's proposed contacts and sees them in the chain graph; a quarantined resident checks in.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class TracingPageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task An_epidemiologist_confirms_the_proposed_contacts_and_sees_the_chain_graph()
    {
        long caseId = 810_000_001, sick;
        List<long> mates;
        await using (var db = app.Db())
        {
            var household = await db.Persons.Where(p => p.HouseholdId != null && p.Id != app.ResidentPersonId).GroupBy(p => p.HouseholdId).Where(g => g.Count() == 3).Select(g => g.Key).FirstAsync();
            var family = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            (sick, mates) = (family[0], family.Skip(1).ToList());
            var now = DateTime.UtcNow;
            db.Cases.Add(new CaseRecord { Id = caseId, PersonId = sick, FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = now.AddHours(-6), ReportedAtUtc = now.AddHours(-1), Class = CaseClass.Mild, OnsetDate = DateOnly.FromDateTime(now.AddDays(-1)) });
            await db.SaveChangesAsync();
        }
        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/tracing/cases");
        await page.Locator($"[data-testid=case-link][href='/tracing/cases/{caseId}']").ClickAsync();
        await page.WaitForURLAsync($"**/tracing/cases/{caseId}");
        // The page names the case by its short number (ADR 0016), the one the list showed, never by its 18-digit id.
        await Expect(page.Locator("[data-testid=case-number]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^C\d{4}-\d{4}$"));
        await page.Locator("[data-testid=search-contacts]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-message]")).ToContainTextAsync("新提出 2 名接触者");
        await Expect(page.Locator("[data-testid=contact-row]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=contact-status]").First).ToContainTextAsync("待确认");

        await page.Locator("[data-testid=pick-all]").CheckAsync();
        await page.Locator("[data-testid=confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-message]")).ToContainTextAsync("已处理 2 人");
        await Expect(page.Locator("[data-testid=contact-status]", new() { HasText = "已确认" })).ToHaveCountAsync(2);
        await using (var db = app.Db())
        {
            Assert.Equal(2, await db.ContactProposals.CountAsync(p => p.CaseId == caseId && p.Status == ProposalStatus.Confirmed));
            Assert.All(await db.HealthCodes.Where(h => mates.Contains(h.PersonId)).ToListAsync(), h => Assert.Equal(Domain.Codes.CodeColour.Red, h.Colour));
        }

        // In the chain the case is a dot with its two contacts as a count beside it, unfolded on demand.
        await page.Locator("[data-testid=chain-link]").ClickAsync();
        await page.WaitForURLAsync("**/tracing/chain");
        await Expect(page.Locator("[data-testid=chain-graph]")).ToBeVisibleAsync();
        var expand = page.Locator($"[data-testid=chain-expand][data-case='{caseId}']");
        await Expect(expand).ToHaveAttributeAsync("data-count", "2");
        await expand.ClickAsync();
        await Expect(page.Locator("[data-testid=chain-contact]")).ToHaveCountAsync(2);
        await page.Locator($"[data-testid=chain-node][data-case='{caseId}']").ClickAsync();
        await page.WaitForURLAsync($"**/tracing/cases/{caseId}");
    }

    [Fact]
    public async Task A_quarantined_resident_submits_the_daily_check_in_from_the_phone()
    {
        const long stayId = 820_000_001;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await using (var db = app.Db())
        {
            db.QuarantineStays.Add(new QuarantineStay
            {
                Id = stayId,
                PersonId = app.ResidentPersonId,
                CaseId = 1,
                Role = ContactRole.SecondaryContact,
                Edition = PolicyEdition.Edition9,
                Place = QuarantinePlace.Home,
                Day1 = today.AddDays(-1),
                ReleaseDate = today.AddDays(6),
                State = QuarantineState.InQuarantine,
                CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        try
        {
            var page = await app.SignInAsync("resident");
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/me/quarantine");
            await Expect(page.Locator("[data-testid=stay]")).ToContainTextAsync("隔离第 2");
            await page.Locator("[data-testid=temperature]").FillAsync("36.6");
            await page.Locator("[data-testid=symptom-cough]").CheckAsync();
            await page.Locator("[data-testid=checkin-submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=checkin-message]")).ToContainTextAsync("工作人员将尽快联系您");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "quarantine-check-in.png"), FullPage = true });
            await using var db = app.Db();
            var entry = await db.QuarantineCheckIns.SingleAsync(c => c.StayId == stayId);
            Assert.Equal((36.6m, "cough", CheckInAlert.Symptoms, today), (entry.Temperature, entry.Symptoms, entry.Alert, entry.Day));
        }
        finally
        {
            await using var db = app.Db();
            await db.QuarantineCheckIns.Where(c => c.StayId == stayId).ExecuteDeleteAsync();
            await db.QuarantineStays.Where(s => s.Id == stayId).ExecuteDeleteAsync();
        }
    }
}

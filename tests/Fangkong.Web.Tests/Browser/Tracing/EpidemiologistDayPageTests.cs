using System.Text.RegularExpressions;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Tracing;

/// <summary>
/// An epidemiologist's day on the pages alone: a case reported from the search page by ID number and admitted to a
/// designated hospital, its household found and confirmed, placed at a site in one bulk action after the preview, and
/// one of them released — refused first with the reason, released once the days are served and the tests negative.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed class EpidemiologistDayPageTests(CityBrowserFixture app)
{
    private const string SiteName = "浏览器测试隔离酒店";

    [Fact]
    public async Task An_epidemiologist_reports_a_case_confirms_its_contacts_places_them_in_one_bulk_action_and_releases_one()
    {
        var (person, idNumber, mates, site) = await SetUpAsync();
        var page = await app.SignInAsync("epi");

        // Report the case from the search page, found by the ID number.
        await page.GotoAsync(app.BaseUrl + "/search");
        await page.FillAsync("[data-testid=search-q]", idNumber);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?**");
        await page.Locator("[data-testid=report-case]").ClickAsync();
        await page.WaitForURLAsync("**/tracing/cases/new?person=*");
        await Expect(page.Locator("[data-testid=newcase-person]")).ToContainTextAsync(idNumber[..6]);
        var china = DateTime.UtcNow.AddHours(8);
        await page.Locator("[data-testid=newcase-class]").SelectOptionAsync("Mild");
        // A first positive sampling in the future is refused beside its field.
        await page.FillAsync("[data-testid=newcase-sampled]", china.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=newcase-submit]");
        await Expect(page.Locator("[data-testid=error-firstPositiveSampledAtUtc]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=newcase-sampled]", china.AddHours(-3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("[data-testid=newcase-onset]", china.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=newcase-found]").SelectOptionAsync("FeverClinic");
        await page.Locator("[data-testid=newcase-hospital]").SelectOptionAsync(new SelectOptionValue { Label = "辽源市传染病医院" });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "epi-day-report.png"), FullPage = true });
        await page.ClickAsync("[data-testid=newcase-submit]");
        await page.WaitForURLAsync(new Regex(@"/tracing/cases/\d+$"));
        var caseId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // The contact search proposes the household; all are confirmed at once.
        await page.ClickAsync("[data-testid=search-contacts]");
        await Expect(page.Locator("[data-testid=contact-row]")).ToHaveCountAsync(mates.Count);
        await page.Locator("[data-testid=pick-all]").CheckAsync();
        await page.ClickAsync("[data-testid=confirm]");
        await Expect(page.Locator("[data-testid=contact-status]").First).ToContainTextAsync("已确认");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "epi-day-case.png"), FullPage = true });

        // Placement: all picked, the site chosen, the preview read, then one bulk action.
        await page.ClickAsync("[data-testid=placement-link]");
        await page.WaitForURLAsync("**/placement");
        await Expect(page.Locator("[data-testid=to-place-row]")).ToHaveCountAsync(mates.Count);
        await page.Locator("[data-testid=place-pick-all]").CheckAsync();
        await page.Locator("[data-testid=place-site]").SelectOptionAsync(site.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=place-preview]");
        var previewRows = page.Locator("[data-testid=place-preview-row]");
        await Expect(previewRows).ToHaveCountAsync(mates.Count);
        // A family shares one room: the two-bed one, the smallest that fits.
        for (var i = 0; i < mates.Count; i++) await Expect(previewRows.Nth(i).Locator("[data-testid=preview-room]")).ToHaveTextAsync("202");
        await Expect(page.Locator("[data-testid=place-preview-table]")).ToContainTextAsync(SiteName);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "epi-day-placement-preview.png"), FullPage = true });
        await using (var db = app.Db())
            Assert.Equal(0, await db.QuarantineStays.CountAsync(s => s.CaseId == caseId)); // the preview wrote nothing
        await page.ClickAsync("[data-testid=place-confirm]");
        await Expect(page.Locator("[data-testid=placement-message]")).ToHaveTextAsync($"已安置{mates.Count}人。");
        await Expect(page.Locator("[data-testid=placed-row]")).ToHaveCountAsync(mates.Count);

        // Releasing one now is refused with the reason; once the days are served and the tests negative it is released.
        var released = page.Locator("[data-testid=placed-row]").First;
        var releasedContact = long.Parse((await released.GetAttributeAsync("data-contact"))!, System.Globalization.CultureInfo.InvariantCulture);
        await released.Locator("[data-testid=release-pick]").CheckAsync();
        await page.ClickAsync("[data-testid=release-preview]");
        await Expect(page.Locator("[data-testid=release-nobody]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=refusal-reason]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "epi-day-release-refused.png"), FullPage = true });
        await ServeAsync(releasedContact);
        await page.Locator($"[data-testid=placed-row][data-contact='{releasedContact}'] [data-testid=release-pick]").CheckAsync();
        await page.ClickAsync("[data-testid=release-preview]");
        await Expect(page.Locator("[data-testid=release-preview-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=release-preview-row] [data-testid=colour-after]")).ToHaveTextAsync("绿码");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "epi-day-release-preview.png"), FullPage = true });
        await page.ClickAsync("[data-testid=release-confirm]");
        await Expect(page.Locator("[data-testid=placement-message]")).ToHaveTextAsync("已解除1人。");
        await Expect(page.Locator("[data-testid=placed-row]")).ToHaveCountAsync(mates.Count - 1);
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "epi-day-placement-phone.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the placement page is {width}px wide at a phone's 390px");

        await using (var db = app.Db())
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId);
            Assert.Equal((person, CaseClass.Mild, CaseFoundBy.FeverClinic, CaseStatus.InHospital, "辽源市传染病医院"), (c.PersonId, c.Class, c.FoundBy, c.Status, c.TreatedAt));
            var contacts = await db.ContactProposals.AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync();
            Assert.Equal(mates.Order(), contacts.Select(p => p.PersonId).Order());
            Assert.All(contacts, p => Assert.Equal(ProposalStatus.Confirmed, p.Status));
            Assert.Equal([releasedContact], contacts.Where(p => p.ReleasedAtUtc != null).Select(p => p.Id));
            var stays = await db.QuarantineStays.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync();
            Assert.All(stays, s => Assert.Equal(site, s.SiteId));
            Assert.Single(stays.Select(s => s.RoomId).Distinct());
            Assert.Equal([releasedContact], stays.Where(s => s.State == QuarantineState.Released).Select(s => s.ContactId!.Value));
            var colours = await db.HealthCodes.AsNoTracking().Where(h => mates.Contains(h.PersonId)).ToDictionaryAsync(h => h.PersonId, h => h.Colour);
            var releasedPerson = contacts.Single(p => p.Id == releasedContact).PersonId;
            Assert.All(mates, m => Assert.Equal(m == releasedPerson ? CodeColour.Green : CodeColour.Red, colours[m]));
        }
        await page.Context.CloseAsync();
    }

    /// <summary>A household of three, none a case or in quarantine, and a site with a two-bed and a one-bed room.</summary>
    private async Task<(long Person, string IdNumber, List<long> Mates, long Site)> SetUpAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var busy = await db.Cases.Select(c => c.PersonId).Union(db.QuarantineStays.Select(s => s.PersonId)).Union(db.ContactProposals.Select(p => p.PersonId)).ToListAsync();
        var people = await db.Persons.Where(p => p.HouseholdId != null).Select(p => new { p.Id, p.HouseholdId, p.DocumentNumber }).ToListAsync();
        // Lowest households first: the other tests take theirs from the highest.
        var family = people.GroupBy(p => p.HouseholdId).OrderBy(g => g.Key)
            .First(g => g.Count() == 3 && g.All(p => p.Id != app.ResidentPersonId && !busy.Contains(p.Id))).OrderBy(p => p.Id).ToList();
        var district = await db.Districts.Select(d => d.Code).FirstAsync();
        var site = await scope.ServiceProvider.GetRequiredService<QuarantineSites>().CreateAsync(db, new NewSite(SiteName, district, null, [new("101", 1), new("202", 2)]), default);
        return (family[0].Id, family[0].DocumentNumber, family.Skip(1).Select(p => p.Id).ToList(), site.Id);
    }

    /// <summary>Time passes for one contact: confirmed eleven days ago, every day since sampled negative.</summary>
    private async Task ServeAsync(long contactId)
    {
        await using var db = app.Db();
        var contact = await db.ContactProposals.SingleAsync(p => p.Id == contactId);
        contact.DecidedAtUtc = contact.DecidedAtUtc!.Value.AddDays(-11);
        for (var day = 0; day <= 11; day++)
        {
            var sampled = contact.DecidedAtUtc.Value.AddDays(day);
            db.TestResults.Add(new TestResult { Id = 880_000_000 + day, PersonId = contact.PersonId, SampledAtUtc = sampled, ResultAtUtc = sampled.AddHours(6), Outcome = TestOutcome.Negative, Source = "browser-test" });
        }
        await db.SaveChangesAsync();
    }
}

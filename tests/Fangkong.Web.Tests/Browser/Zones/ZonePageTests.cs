using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Zones;

/// <summary>
/// An epidemiologist seals a case's compound from the case page — proposes its zones, opens the sealed one, confirms it —
/// and sees it on the map in its colour; on a phone too. Its own city, so no other browser test meets a sealed resident.
/// Screenshots of the zone page and the map are kept as artifacts. The zone list it is on then exports from its page.
/// </summary>
public sealed class ZonePageTests(CityBrowserFixture app) : IClassFixture<CityBrowserFixture>
{
    [Fact]
    public async Task An_epidemiologist_seals_a_case_s_compound_from_the_case_page_and_sees_it_on_the_map()
    {
        long caseId = 610_000_001, compound;
        await using (var db = app.Db())
        {
            var home = await (from p in db.Persons
                              join h in db.Households on p.HouseholdId equals h.Id
                              join u in db.Units on h.UnitId equals u.Id
                              join b in db.Buildings on u.BuildingId equals b.Id
                              where p.Id != app.ResidentPersonId
                              orderby p.Id
                              select new { p.Id, b.CompoundId }).FirstAsync();
            compound = home.CompoundId;
            var now = DateTime.UtcNow;
            db.Cases.Add(new CaseRecord { Id = caseId, PersonId = home.Id, FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = now.AddHours(-5), ReportedAtUtc = now.AddHours(-1), Class = CaseClass.Mild });
            await db.SaveChangesAsync();
        }

        var page = await app.SignInAsync("epi");
        await page.GotoAsync($"/tracing/cases/{caseId}");
        await page.Locator("[data-testid=propose-zones]").ClickAsync();
        var proposals = page.Locator("[data-testid=proposed-zone]");
        await Expect(proposals).ToHaveCountAsync(2);
        await proposals.Filter(new() { HasText = "封控区" }).Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/zones/*");
        await Expect(page.Locator("[data-testid=zone-state]")).ToHaveTextAsync("待确认");
        await page.Locator("[data-testid=zone-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=zone-state]")).ToHaveTextAsync("生效中");
        await Expect(page.Locator("[data-testid=zone-checklist] [data-testid=missing]").First).ToContainTextAsync("共需14天");
        await Expect(page.Locator($"[data-testid=zone-page-map] polygon[data-level=Sealed][data-compound='{compound}']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "zone-page.png"), FullPage = true });

        await page.Locator("[data-testid=zone-map-link]").ClickAsync();
        await page.WaitForURLAsync("**/zones/map?zone=*");
        await Expect(page.Locator("h1")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Z\d{4}-\d+"));
        var shape = page.Locator($"[data-testid=zone-map] polygon[data-level=Sealed][data-compound='{compound}']");
        await Expect(shape).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=zone-map-legend]")).ToContainTextAsync("封控区");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "zone-map.png"), FullPage = true });

        // The whole city's map, on a phone: the sealed compound is there and the map fits the screen's width.
        var phone = await app.SignInAsync("epi");
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/zones/map");
        await Expect(phone.Locator($"[data-testid=zone-map] polygon[data-level=Sealed][data-compound='{compound}']")).ToHaveCountAsync(1);
        var width = await phone.Locator("[data-testid=zone-map]").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(width, 200, 390);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "zone-map-phone.png"), FullPage = true });

        // The zone list, filtered to zones in force, exports as the other lists do (nothing to unmask: it names places,
        // not people): the exports page follows the job to as many rows as the list counts.
        await page.GotoAsync("/zones?level=Sealed&state=Active");
        await Expect(page.Locator("[data-testid=zone-row]").First).ToBeVisibleAsync();
        var counted = (await page.Locator("[data-testid=list-count]").InnerTextAsync()).Trim(); // "共 N 条"
        var rows = int.Parse(counted.Replace("共", "", StringComparison.Ordinal).Replace("条", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rows >= 1, counted);
        await Expect(page.Locator("[data-testid=export-reveal]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=export]").ClickAsync();
        await page.WaitForURLAsync("**/exports?job=*");
        var job = page.Locator("[data-testid=export-row].highlight");
        await Expect(job).ToHaveAttributeAsync("data-state", "Done", new() { Timeout = 30_000 });
        await Expect(job).ToContainTextAsync("区域一览表");
        await Expect(job.Locator("[data-testid=export-progress]")).ToHaveTextAsync($"{rows} / {rows} (100%)");
    }
}

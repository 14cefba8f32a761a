using System.IO.Compression;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Tracing;

/// <summary>An epidemiologist filters the case line list, pages on, exports it and downloads the file when the progress reaches 100 %.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class LineListPageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task An_epidemiologist_filters_pages_and_exports_the_case_list_and_downloads_it_when_done()
    {
        // 55 critical cases with ids below every other test's, so they never push another test's case off a first page.
        await using (var db = app.Db())
        {
            var persons = await db.Persons.Where(p => p.Id != app.ResidentPersonId && !db.Cases.Any(c => c.PersonId == p.Id)).OrderByDescending(p => p.Id).Select(p => p.Id).Take(55).ToListAsync();
            var now = DateTime.UtcNow;
            for (var i = 0; i < persons.Count; i++)
                db.Cases.Add(new CaseRecord { Id = 600_000_000 + i, PersonId = persons[i], FoundBy = CaseFoundBy.Checkpoint, FirstPositiveSampledAtUtc = now.AddHours(-3), ReportedAtUtc = now.AddHours(-2), Class = CaseClass.Critical });
            await db.SaveChangesAsync();
        }
        string oldest;
        await using (var db = app.Db()) oldest = await db.Cases.Where(c => c.Id == 600_000_000).Select(c => c.Number).SingleAsync();
        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/tracing/cases");
        await page.Locator("[data-testid=filter-class]").SelectOptionAsync("Critical");
        await page.Locator("[data-testid=filter-foundBy]").SelectOptionAsync("Checkpoint");
        await page.Locator("[data-testid=cases-filter] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/tracing/cases?*class=Critical*");
        await Expect(page.Locator("[data-testid=list-count]")).ToHaveTextAsync("共 55 条");
        await Expect(page.Locator("[data-testid=case-row]")).ToHaveCountAsync(50);
        await page.Locator("[data-testid=next-page]").ClickAsync();
        await page.WaitForURLAsync("**after=*");
        await Expect(page.Locator("[data-testid=case-row]")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=next-page]")).ToHaveCountAsync(0);
        // The last row is the oldest case, shown by its number, not its id.
        await Expect(page.Locator("[data-testid=case-row]").Last).ToContainTextAsync(oldest);
        await Expect(page.Locator("[data-testid=case-row]").Last).Not.ToContainTextAsync("600000000");

        // Export the filtered list: the exports page follows the job to done and offers the file.
        await page.Locator("[data-testid=export]").ClickAsync();
        await page.WaitForURLAsync("**/exports?job=*");
        var row = page.Locator("[data-testid=export-row].highlight");
        await Expect(row).ToHaveAttributeAsync("data-state", "Done", new() { Timeout = 30_000 });
        await Expect(row.Locator("[data-testid=export-progress]")).ToHaveTextAsync("55 / 55 (100%)");
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=export-download]").ClickAsync());
        var path = Path.Combine(BrowserFixture.ArtifactsDir, "cases-export.xlsx");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = await sheet.ReadToEndAsync();
            Assert.Equal(56, System.Text.RegularExpressions.Regex.Count(xml, @"<row[\s>]"));
            Assert.Contains("危重型", xml);
        }

        // A bad filter is explained on the page, not a crash.
        await page.GotoAsync("/tracing/cases?from=2026-11-20&to=2026-11-01");
        await Expect(page.Locator("[data-testid=list-error]")).ToContainTextAsync("结束日期不能早于开始日期");
    }
}

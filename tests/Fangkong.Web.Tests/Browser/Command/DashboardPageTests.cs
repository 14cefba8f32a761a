using System.Text.RegularExpressions;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Command;

/// <summary>The dashboard renders its panels and charts; a number clicks through to its line list with the same count.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed partial class DashboardPageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task An_epidemiologist_sees_the_charts_and_a_number_opens_the_list_it_counts()
    {
        await using (var db = app.Db())
        {
            var people = await db.Persons.Where(p => p.HouseholdId != null).OrderByDescending(p => p.Id).Select(p => p.Id).Take(6).ToListAsync();
            var districts = await Fangkong.Core.People.PersonDirectory.DistrictsAsync(db, people, default);
            var now = DateTime.UtcNow;
            for (var i = 0; i < people.Count; i++)
                db.Cases.Add(new CaseRecord
                {
                    Id = 805_000_000 + i,
                    PersonId = people[i],
                    FoundBy = CaseFoundBy.FeverClinic,
                    FirstPositiveSampledAtUtc = now.AddHours(-2),
                    ReportedAtUtc = now.AddMinutes(-30),
                    Class = i % 3 == 0 ? CaseClass.Asymptomatic : CaseClass.Common,
                    OnsetDate = DateOnly.FromDateTime(now.AddHours(8)).AddDays(-1),
                    DistrictCode = districts.GetValueOrDefault(people[i]),
                });
            await db.SaveChangesAsync();
        }
        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/command");
        await page.Locator("[data-testid=dash-refresh]").ClickAsync();
        var newConfirmed = page.Locator("[data-testid='fig-cases.newConfirmed']");
        await Expect(newConfirmed).ToHaveAttributeAsync("data-value", new Regex(@"^[1-9]\d*$"));
        foreach (var chart in new[] { "chart-trend", "chart-curve-onset", "chart-curve-report" })
            await Expect(page.Locator($"[data-testid={chart}] rect[data-value]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=place-row]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "dashboard.png"), FullPage = true });

        var png = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=png-curve-report]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.EndsWith(".png", png.SuggestedFilename, StringComparison.Ordinal);

        var value = await newConfirmed.GetAttributeAsync("data-value");
        await newConfirmed.ClickAsync();
        await page.WaitForURLAsync(new Regex("/tracing/cases\\?confirmedFrom="));
        await Expect(page.Locator("[data-testid=extra-filters]")).ToContainTextAsync("confirmedFrom=");
        await Expect(page.Locator("[data-testid=list-count]")).ToContainTextAsync(new Regex($"(^|\\D){value}(\\D|$)"));

        var download = await page.APIRequest.GetAsync("/api/dashboard/charts/curve-report.svg");
        Assert.Equal("image/svg+xml", download.Headers["content-type"]);
        Assert.StartsWith("<svg", await download.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_center_sees_the_numbers_without_links_to_people()
    {
        var page = await app.SignInAsync("command");
        await page.GotoAsync("/command");
        await Expect(page.Locator("[data-testid='fig-cases.cumulativeConfirmed']")).ToBeVisibleAsync();
        // Only the supervision panel's numbers open their lists: gates and findings are places, never people (issue 24).
        await Expect(page.Locator("a.num:not([data-testid=panel-supervision] a.num)")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=dash-refresh]")).ToHaveCountAsync(0);
        await page.GotoAsync("/tracing/cases");
        await Expect(page.Locator("[data-testid=cases]")).ToHaveCountAsync(0);
    }
}

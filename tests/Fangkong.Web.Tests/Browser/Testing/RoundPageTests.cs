using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Testing;

/// <summary>The command side of a round: the list, the plan, and coverage that follows the sampling live.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class RoundPageTests(CityBrowserFixture app)
{
    private async Task<int> SampledAsync(Func<RoundResident, bool>? where = null)
    {
        await using var db = app.Db();
        var rows = await db.RoundResidents.Where(x => x.RoundId == app.RoundId && x.SampledAtUtc != null).ToListAsync();
        return rows.Count(where ?? (_ => true));
    }

    /// <summary>Three swabs through the real sampling service, as a table elsewhere in the city would send them.</summary>
    private async Task SampleThreeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var sampling = scope.ServiceProvider.GetRequiredService<SamplingService>();
        var sampler = await db.Users.Where(u => u.UserName == "sampler2").Select(u => u.Id).FirstAsync();
        var people = await (from x in db.RoundResidents
                            where x.RoundId == app.RoundId && x.SampledAtUtc == null && !x.KeyGroup && x.PersonId != app.ResidentPersonId
                            join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                            join p in db.Persons on x.PersonId equals p.Id
                            select new { sc.SiteId, p.DocumentNumber }).Take(3).ToListAsync();
        var barcode = Barcodes.Tube(Random.Shared.NextInt64(1, 9_999_999_999));
        await sampling.OpenTubeAsync(db, new OpenTubeRequest(app.RoundId, people[0].SiteId, barcode, TubeKind.Pool, null, Guid.NewGuid().ToString("N"), null), sampler, default);
        foreach (var p in people)
            await sampling.AddSampleAsync(db, barcode, new SampleRequest(p.DocumentNumber, Guid.NewGuid().ToString("N"), null), sampler, default);
    }

    [Fact]
    public async Task The_coverage_page_shows_progress_live_and_drills_down_to_the_missing()
    {
        var page = await app.SignInAsync("admin");
        await page.GotoAsync("/testing");
        var link = page.Locator("[data-testid=rounds] a", new() { HasText = "第一轮全员核酸检测" });
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/testing/rounds/{app.RoundId}");
        await Expect(page.Locator("[data-testid=round-status]")).ToHaveTextAsync("采样中");
        await Expect(page.Locator("[data-testid=meets-deadline]")).ToHaveTextAsync("可按时完成");

        await using (var db = app.Db())
            await Expect(page.Locator("[data-testid=total-residents]")).ToHaveTextAsync((await db.RoundResidents.CountAsync(x => x.RoundId == app.RoundId)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=total-sampled]")).ToHaveTextAsync((await SampledAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Swabs elsewhere in the city show up without a reload.
        await SampleThreeAsync();
        var now = await SampledAsync();
        await Expect(page.Locator("[data-testid=total-sampled]")).ToHaveTextAsync(now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "round-coverage.png"), FullPage = true });

        // District → community → compound: each level's first row matches the roster.
        string? districtCode = null;
        long communityId = 0, compoundId = 0;
        for (var level = 0; level < 3; level++)
        {
            var row = page.Locator("[data-testid=coverage-table] tbody tr").First;
            var id = await row.GetAttributeAsync("data-row");
            if (level == 0) districtCode = id; else if (level == 1) communityId = long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture); else compoundId = long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture);
            await row.Locator("[data-testid=drill]").ClickAsync();
            await Expect(page.Locator("[data-testid=coverage-table] thead")).ToContainTextAsync(level switch { 0 => "社区", 1 => "小区", _ => "楼栋" });
        }
        var total = await app.Db().RoundResidents.CountAsync(x => x.RoundId == app.RoundId && x.CompoundId == compoundId);
        await Expect(page.Locator("[data-testid=total-residents]")).ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(districtCode);
        Assert.NotEqual(0, communityId);

        // A building's not-yet-sampled list becomes door-to-door tasks.
        var building = page.Locator("[data-testid=coverage-table] tbody tr").Filter(new() { Has = page.Locator("[data-testid=missing-link]") }).First;
        var buildingId = long.Parse((await building.GetAttributeAsync("data-row"))!, System.Globalization.CultureInfo.InvariantCulture);
        await building.Locator("[data-testid=missing-link]").ClickAsync();
        await page.WaitForURLAsync("**/missing?building=*");
        int unsampled;
        await using (var db = app.Db())
            unsampled = await db.RoundResidents.CountAsync(x => x.RoundId == app.RoundId && x.BuildingId == buildingId && x.SampledAtUtc == null);
        await Expect(page.Locator("[data-testid=missing] tbody tr")).ToHaveCountAsync(Math.Min(unsampled, 50));
        await page.Locator("[data-testid=make-door-tasks]").ClickAsync();
        await Expect(page.Locator("[data-testid=missing-message]")).ToContainTextAsync("上门任务");
        await using (var db = app.Db())
        {
            var households = await db.RoundResidents.Where(x => x.RoundId == app.RoundId && x.BuildingId == buildingId && x.SampledAtUtc == null).Select(x => x.HouseholdId).Distinct().ToListAsync();
            Assert.Equal(households.Count, await db.DoorTasks.CountAsync(t => t.RoundId == app.RoundId && households.Contains(t.HouseholdId)));
        }
    }
    [Fact]
    public async Task An_administrator_plans_a_round_for_one_district_and_a_bad_deadline_is_refused_by_field()
    {
        var page = await app.SignInAsync("admin");
        await page.GotoAsync("/testing");
        await page.FillAsync("[data-testid=round-name-input]", "东区加测");
        await page.Locator("input[name='Posted.DeadlineHours']").FillAsync("100");
        // The browser would stop this (max=72); switch its check off so the server's answer is what is tested.
        await page.EvalOnSelectorAsync("[data-testid=create-round]", "f => f.noValidate = true");
        await page.ClickAsync("[data-testid=create-submit]");
        await Expect(page.Locator("[data-testid=create-error]")).ToContainTextAsync("7");
        await Expect(page.Locator("[data-testid=round-name-input]")).ToHaveValueAsync("东区加测"); // what was typed is kept

        await page.Locator("input[name='Posted.DeadlineHours']").FillAsync("24");
        var district = await page.Locator("input[name='Posted.Districts']").First.GetAttributeAsync("value");
        await page.Locator("input[name='Posted.Districts']").First.CheckAsync();
        await page.ClickAsync("[data-testid=create-submit]");
        await Expect(page.Locator("[data-testid=round-name]")).ToContainTextAsync("东区加测");
        await Expect(page.Locator("[data-testid=round-status]")).ToHaveTextAsync("已排班");
        await using var db = app.Db();
        var round = await db.TestingRounds.SingleAsync(r => r.Name == "东区加测");
        Assert.Equal(district, round.AreaIds);
        Assert.Equal(await db.RoundResidents.CountAsync(x => x.RoundId == app.RoundId && x.DistrictCode == district), round.Residents);
    }
    [Fact]
    public async Task An_administrator_assigns_door_to_door_tasks_to_a_team_and_the_team_filter_finds_them()
    {
        var page = await app.SignInAsync("admin");
        await page.GotoAsync($"/testing/door?round={app.RoundId}&done=false");
        var picks = page.Locator("[data-testid=assign-pick]");
        Assert.True(await picks.CountAsync() >= 2, "the round has door-to-door tasks for immobile residents");
        var ids = new[] { await picks.Nth(0).GetAttributeAsync("value"), await picks.Nth(1).GetAttributeAsync("value") }.Select(v => long.Parse(v!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await picks.Nth(0).CheckAsync();
        await picks.Nth(1).CheckAsync();
        await page.FillAsync("[data-testid=assign-team]", "东风一队");
        await page.ClickAsync("[data-testid=assign-submit]");
        await Expect(page.Locator("[data-testid=door-message]")).ToHaveTextAsync("已将 2 个任务派给“东风一队”");
        await using (var db = app.Db())
            Assert.Equal(2, await db.DoorTasks.CountAsync(t => ids.Contains(t.Id) && t.Team == "东风一队"));
        await page.GotoAsync($"/testing/door?round={app.RoundId}&team=东风一队");
        await Expect(page.Locator("[data-testid=door-tasks] tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=door-sample]").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/testing/sample\?task=\d+$"));
    }
}

using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Quarantine;

/// <summary>The quarantine officer's pages: sites and their rooms, transfers, monitoring alerts with a staff check-in, the day's tests.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class QuarantinePageTests(CityBrowserFixture app)
{
    [Fact]
    public async Task An_administrator_adds_a_site_sees_it_fill_when_a_family_is_placed_and_drives_its_transfer_to_arrival()
    {
        const string name = "龙山隔离酒店";
        var page = await app.SignInAsync("admin");
        await page.Locator("[data-testid=nav-quarantine]").ClickAsync();
        await page.WaitForURLAsync("**/quarantine/sites");
        await page.FillAsync("[data-testid=site-name]", name);
        await page.Locator("[data-testid=site-district]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.FillAsync("[data-testid=site-rooms]", "101\n102-103 2\n103 1");
        await page.ClickAsync("[data-testid=site-submit]");
        // Room 103 is on the second line's run and again on the third: the Core names rooms[3], the page names the line.
        await Expect(page.Locator("[data-testid=error-rooms]")).ToContainTextAsync("第3行：房号103重复");
        await Expect(page.Locator("[data-testid=site-name]")).ToHaveValueAsync(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "quarantine-site-form.png"), FullPage = true });
        await using (var db = app.Db())
            Assert.False(await db.QuarantineSites.AnyAsync(s => s.Name == name));

        await page.FillAsync("[data-testid=site-rooms]", "101\n102-103 2");
        await page.ClickAsync("[data-testid=site-submit]");
        await page.WaitForURLAsync("**/quarantine/sites/*");
        var siteId = long.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);
        await Expect(page.Locator("[data-testid=site-free-beds]")).ToHaveTextAsync("5");

        await using var family = await PlacedFamily.PlaceAsync(app, 830_000_001, 3, siteId);
        Assert.All(family.Placed, p => Assert.Equal("102", p.Room)); // the smallest free room that takes both
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=site-persons]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-testid=site-free-beds]")).ToHaveTextAsync("3"); // 101 and 103; 102's beds go to nobody else
        var occupants = page.Locator("[data-testid=room-row][data-room='102'] [data-testid=room-occupants]");
        foreach (var c in family.Contacts)
        {
            await Expect(occupants).ToContainTextAsync(Masking.Name(c.Name));
            await Expect(occupants).Not.ToContainTextAsync(c.Name);
        }
        await page.GotoAsync($"/quarantine/sites?q={Uri.EscapeDataString(name)}");
        await Expect(page.Locator("[data-testid=site-row] [data-testid=occupancy-text]")).ToHaveTextAsync("1 / 3 · 33%");

        long transferId;
        await using (var db = app.Db())
            transferId = await db.QuarantineTransfers.Where(t => t.PersonId == family.Contacts[0].Id && t.ToSiteId == siteId).Select(t => t.Id).SingleAsync();
        await page.GotoAsync("/quarantine/transfers?state=Requested");
        var row = page.Locator($"[data-testid=transfer-row][data-transfer='{transferId}']");
        await row.Locator("[data-testid=dispatch]").ClickAsync();
        await Expect(row.Locator("[data-testid=transfer-error]")).ToHaveTextAsync("派车须填写车牌或车次");
        await row.Locator("[data-testid=vehicle]").FillAsync("吉D·12345");
        await row.Locator("[data-testid=dispatch]").ClickAsync();
        await Expect(page.Locator("[data-testid=transfer-message]")).ToContainTextAsync("已派车");
        await Expect(row).ToHaveCountAsync(0); // no longer among the requested ones

        await page.GotoAsync("/quarantine/transfers?state=Dispatched");
        await Expect(row.Locator("[data-testid=transfer-state]")).ToHaveTextAsync("已派车");
        await row.Locator("[data-testid=arrive]").ClickAsync();
        await Expect(page.Locator("[data-testid=transfer-message]")).ToContainTextAsync("已到达");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "quarantine-transfers.png"), FullPage = true });
        await using (var db = app.Db())
        {
            var t = await db.QuarantineTransfers.SingleAsync(x => x.Id == transferId);
            Assert.Equal((TransferState.Arrived, "吉D·12345"), (t.State, t.Vehicle));
            Assert.NotNull(t.ArrivedAtUtc);
        }
    }

    [Fact]
    public async Task An_epidemiologist_sees_the_days_test_and_records_a_fever_that_raises_an_alert_and_a_sampler_sees_only_the_tests()
    {
        const string name = "长青隔离点";
        long siteId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
            var district = await db.Districts.Select(d => d.Code).FirstAsync();
            siteId = (await scope.ServiceProvider.GetRequiredService<QuarantineSites>().CreateAsync(db, new NewSite(name, district, null, [new("1", 1), new("2", 1)]), default)).Id;
        }
        await using var family = await PlacedFamily.PlaceAsync(app, 830_000_002, 2, siteId);
        var person = family.Contacts[0];
        long stayId, epi;
        await using (var db = app.Db())
        {
            stayId = await db.QuarantineStays.Where(s => s.PersonId == person.Id && s.State == QuarantineState.InQuarantine).Select(s => s.Id).SingleAsync();
            epi = await db.Users.Where(u => u.UserName == "epi").Select(u => u.Id).SingleAsync();
        }

        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/quarantine/tests");
        var test = page.Locator($"[data-testid=test-row][data-stay='{stayId}']");
        await Expect(test.Locator("[data-testid=test-point]")).ToHaveTextAsync(name); // day 1 of edition 9 is a test day
        await Expect(test.Locator("[data-testid=test-status]")).ToHaveTextAsync("待采样");

        await page.GotoAsync("/quarantine/alerts");
        await page.FillAsync("[data-testid=find-q]", person.DocumentNumber);
        await page.Locator("[data-testid=find-q]").PressAsync("Enter");
        await page.Locator("[data-testid=found-link]").ClickAsync();
        await Expect(page.Locator("[data-testid=check-in-person]")).ToContainTextAsync($"{Masking.Name(person.Name)} · {name} 1");
        await page.FillAsync("[data-testid=temperature]", "45");
        // The browser would stop this (max=43); switch its check off so the server's answer is what is tested.
        await page.EvalOnSelectorAsync("[data-testid=check-in-form]", "f => f.noValidate = true");
        await page.ClickAsync("[data-testid=check-in-submit]");
        await Expect(page.Locator("[data-testid=error-temperature]")).ToContainTextAsync("34.0–43.0℃");
        await using (var db = app.Db())
            Assert.False(await db.QuarantineCheckIns.AnyAsync(c => c.StayId == stayId));

        await page.FillAsync("[data-testid=temperature]", "38.2");
        await page.CheckAsync("[data-testid=symptom-cough]");
        await page.ClickAsync("[data-testid=check-in-submit]");
        await Expect(page.Locator("[data-testid=check-in-message]")).ToContainTextAsync("预警：发热");
        var alert = page.Locator($"[data-testid=alert-row][data-stay='{stayId}']");
        await Expect(alert.Locator("[data-testid=alert-kind]")).ToHaveTextAsync("发热");
        await Expect(alert).ToContainTextAsync("38.2 ℃");
        await Expect(alert).ToContainTextAsync("咳嗽");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "quarantine-alerts.png"), FullPage = true });
        await using (var db = app.Db())
        {
            var entry = await db.QuarantineCheckIns.SingleAsync(c => c.StayId == stayId);
            Assert.Equal((38.2m, "cough", CheckInAlert.Fever, epi), (entry.Temperature, entry.Symptoms, entry.Alert, entry.ByUserId));
        }

        // A sampler has the test list (GET /api/quarantine/tests allows them) and nothing else of quarantine.
        var sampler = await app.SignInAsync("sampler");
        await Expect(sampler.Locator("[data-testid=nav-quarantine]")).ToHaveCountAsync(0);
        await sampler.Locator("[data-testid=nav-quarantine-tests]").ClickAsync();
        await sampler.WaitForURLAsync("**/quarantine/tests");
        await Expect(sampler.Locator($"[data-testid=test-row][data-stay='{stayId}']")).ToHaveCountAsync(1);
        await Expect(sampler.Locator("[data-testid=quarantine-tabs]")).ToHaveCountAsync(0);
        await sampler.GotoAsync("/quarantine/alerts");
        await sampler.WaitForURLAsync(u => u.Contains("/denied", StringComparison.Ordinal));
    }
}

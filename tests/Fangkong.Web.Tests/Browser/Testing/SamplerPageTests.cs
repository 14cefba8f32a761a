using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Testing;

/// <summary>A sampler at a table, with a keyboard-wedge scanner, through short network outages.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class SamplerPageTests(CityBrowserFixture app)
{
    private static long _serial = Random.Shared.NextInt64(1_000_000, 9_000_000_000);

    private static async Task ScanAsync(IPage page, string text)
    {
        await page.Locator("[data-testid=scan-input]").FillAsync(text);
        await page.Locator("[data-testid=scan-input]").PressAsync("Enter");
    }

    /// <summary>Residents of one site, none yet sampled, who may go into a pooled tube.</summary>
    private async Task<(long SiteId, List<string> Ids)> ResidentsAsync(int count, long? siteId = null)
    {
        await using var db = app.Db();
        var rows = await (from x in db.RoundResidents
                          where x.RoundId == app.RoundId && !x.KeyGroup && x.SampledAtUtc == null && x.PersonId != app.ResidentPersonId
                          join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                          join p in db.Persons on x.PersonId equals p.Id
                          select new { sc.SiteId, p.DocumentNumber }).ToListAsync();
        var site = rows.GroupBy(r => r.SiteId).OrderByDescending(g => g.Key == siteId).ThenByDescending(g => g.Count()).First();
        return (site.Key, site.Take(count).Select(r => r.DocumentNumber).ToList());
    }

    [Fact]
    public async Task A_sampler_fills_a_tube_of_ten_through_an_outage_and_it_closes_by_itself()
    {
        var page = await app.SignInAsync("sampler");
        Assert.EndsWith("/testing/sample", page.Url, StringComparison.Ordinal);
        var (siteId, ids) = await ResidentsAsync(10);
        await page.Locator("[data-testid=site]").SelectOptionAsync(siteId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A person before any tube, and a misread tube barcode, are refused at once.
        await ScanAsync(page, ids[0]);
        await Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync("请先扫描试管条码");
        var barcode = Barcodes.Tube(Interlocked.Increment(ref _serial));
        await ScanAsync(page, barcode[..^1] + (char)('0' + (barcode[^1] - '0' + 1) % 10));
        await Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("校验位");

        await ScanAsync(page, barcode);
        await Expect(page.Locator("[data-testid=tube-barcode]")).ToHaveTextAsync(barcode);
        for (var i = 0; i < 4; i++) await ScanAsync(page, ids[i]);
        await Expect(page.Locator("[data-testid=tube-people] li[data-status=ok]")).ToHaveCountAsync(4);

        // The network drops: scans keep going, queued on the device.
        await page.Context.SetOfflineAsync(true);
        for (var i = 4; i < 9; i++) await ScanAsync(page, ids[i]);
        await Expect(page.Locator("[data-testid=net-status]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boffline\b"));
        await Expect(page.Locator("[data-testid=net-status]")).ToHaveAttributeAsync("data-pending", "5");
        await Expect(page.Locator("[data-testid=tube-people] li[data-status=pending]")).ToHaveCountAsync(5);
        await using (var db = app.Db())
            Assert.Equal(4, await db.Samples.CountAsync(s => db.Tubes.Any(t => t.Id == s.TubeId && t.Barcode == barcode)));

        // Back online: the queue drains in order, the tenth swab fills the tube and it closes by itself.
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("[data-testid=net-status]")).ToHaveAttributeAsync("data-pending", "0", new() { Timeout = 30_000 });
        await ScanAsync(page, ids[9]);
        await Expect(page.Locator("[data-testid=tube-count]")).ToHaveTextAsync("10 / 10");
        await Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("已采样");
        await Expect(page.Locator("[data-testid=tube-state]")).ToHaveTextAsync("已封管");
        await Expect(page.Locator("[data-testid=tube-people] li[data-status=ok]")).ToHaveCountAsync(10);
        await Expect(page.Locator("[data-testid=close-tube]")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "sampler-tube-full.png") });

        await using (var db = app.Db())
        {
            var tube = await db.Tubes.SingleAsync(t => t.Barcode == barcode);
            Assert.Equal(10, tube.Count);
            Assert.NotNull(tube.ClosedAtUtc);
            Assert.Equal(siteId, tube.SiteId);
            // Nothing lost, nothing doubled.
            Assert.Equal(10, await db.Samples.CountAsync(s => s.TubeId == tube.Id));
            Assert.Equal(10, await db.Samples.Where(s => s.TubeId == tube.Id).Select(s => s.PersonId).Distinct().CountAsync());
        }

        // A person sampled already is refused in the next tube, which is then closed by hand.
        var second = Barcodes.Tube(Interlocked.Increment(ref _serial));
        await ScanAsync(page, second);
        await ScanAsync(page, ids[0]);
        await Expect(page.Locator("[data-testid=tube-people] li[data-status=error]")).ToContainTextAsync("本轮已采样");
        var (_, more) = await ResidentsAsync(2, siteId);
        foreach (var id in more) await ScanAsync(page, id);
        await Expect(page.Locator("[data-testid=tube-people] li[data-status=ok]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=tube-count]")).ToHaveTextAsync("2 / 10");
        await page.Locator("[data-testid=close-tube]").ClickAsync();
        await Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync($"已封管 {second}");
        await using (var db = app.Db())
        {
            var tube = await db.Tubes.SingleAsync(t => t.Barcode == second);
            Assert.Equal(2, tube.Count);
            Assert.NotNull(tube.ClosedAtUtc);
        }
    }
}

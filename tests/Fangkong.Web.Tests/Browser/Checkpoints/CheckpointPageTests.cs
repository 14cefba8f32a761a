using Fangkong.Core.Checkpoints;
using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Checkpoints;

/// <summary>
/// Checkpoint staff process a car with three passengers on a tablet-sized page: two from a high-risk area, one from
/// nowhere risky; the page shows the vehicle's decision (isolate) and each person's. Screenshots at tablet and phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckpointPageTests(BrowserFixture app)
{
    private const long CheckpointId = 9501;

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, name), FullPage = true });

    [Fact]
    public async Task Checkpoint_staff_process_a_car_with_three_passengers_on_a_tablet()
    {
        await using (var db = app.Store.NewDb())
        {
            if (!db.Checkpoints.Any(c => c.Id == CheckpointId))
            {
                db.Checkpoints.Add(new Checkpoint { Id = CheckpointId, Name = "龙山区北出口卡口", Kind = CheckpointKind.CountyBorder, DistrictCode = "220402", Location = "福民路北口", CreatedAtUtc = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }
        }
        var staff = await app.SignInAsync("checkpoint");
        await staff.SetViewportSizeAsync(1024, 768);
        await staff.GotoAsync($"/checkpoint?cp={CheckpointId}");
        await Expect(staff.Locator("[data-testid=checkpoint-head]")).ToContainTextAsync("龙山区北出口卡口");
        await staff.FillAsync("[data-testid=plate]", "吉A·12345");
        await staff.SelectOptionAsync("[data-testid=vehicle-kind]", "Car");
        await staff.FillAsync("[data-testid=origin]", "长春市");
        await staff.FillAsync("[data-testid=destination]", "辽源市龙山区");
        var left = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            await staff.FillAsync($"[data-testid=seat-{i}-id]", ResidentIdNumber.Compose("220102", new DateOnly(1975 + i, 5, 6), 200 + i));
            await staff.FillAsync($"[data-testid=seat-{i}-name]", new[] { "刘一", "陈二", "张三" }[i]);
            await staff.FillAsync($"[data-testid=seat-{i}-temp]", "36.5");
            if (i < 2)
            {
                await staff.SelectOptionAsync($"[data-testid=seat-{i}-risk]", "High");
                await staff.FillAsync($"[data-testid=seat-{i}-left]", left);
            }
        }
        await ShotAsync(staff, "checkpoint-form-tablet.png");
        await staff.ClickAsync("[data-testid=check-submit]");

        await Expect(staff.Locator("[data-testid=vehicle-verdict]")).ToHaveAttributeAsync("data-verdict", "Isolate");
        var people = staff.Locator("[data-testid=person-verdict]");
        await Expect(people).ToHaveCountAsync(3);
        await Expect(people.Nth(0)).ToHaveAttributeAsync("data-verdict", "Isolate");
        await Expect(people.Nth(1)).ToHaveAttributeAsync("data-verdict", "Isolate");
        await Expect(people.Nth(2)).ToHaveAttributeAsync("data-verdict", "Pass");
        await Expect(people.Nth(0)).ToContainTextAsync("集中隔离");
        // Nothing overflows the tablet's width; the result reads on a phone too.
        Assert.True(await staff.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 1024"));
        await ShotAsync(staff, "checkpoint-verdict-tablet.png");
        await staff.SetViewportSizeAsync(390, 844);
        Assert.True(await staff.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await ShotAsync(staff, "checkpoint-verdict-phone.png");
    }
}

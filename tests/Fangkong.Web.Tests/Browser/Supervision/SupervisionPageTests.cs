using System.Globalization;
using Fangkong.Core.Supervision;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Supervision;

/// <summary>
/// Supervision in Chromium (issue 24): an inspector records a problem with a photo on a phone-sized page; the command
/// center sees unattended gates on its dashboard, and the number opens the list it counts. Screenshots as artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionPageTests(BrowserFixture app)
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, name), FullPage = true });

    [Fact]
    public async Task An_inspector_records_a_problem_with_a_photo_on_a_phone()
    {
        var inspector = await app.SignInAsync("inspector");
        await inspector.SetViewportSizeAsync(390, 844);
        await inspector.GotoAsync($"/supervision/inspect?venue={Scenario.OtherVenueId}");
        await Expect(inspector.Locator("[data-testid=inspect-register]")).ToContainTextAsync("龙山区农贸市场");
        await inspector.SelectOptionAsync("[data-testid=inspect-category]", "Disinfection");
        await inspector.SelectOptionAsync("[data-testid=inspect-severity]", "Serious");
        await inspector.FillAsync("[data-testid=inspect-description]", "浏览器督查：消杀登记缺失");
        await inspector.FillAsync("[data-testid=inspect-unit]", "龙山区市场监督管理局");
        var deadline = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await inspector.FillAsync("[data-testid=inspect-deadline]", deadline);
        await inspector.SetInputFilesAsync("[data-testid=inspect-photo]", new FilePayload { Name = "problem.png", MimeType = "image/png", Buffer = Png });
        await ShotAsync(inspector, "supervision-inspect-form-phone.png");
        await inspector.ClickAsync("[data-testid=inspect-submit]");

        await Expect(inspector.Locator("[data-testid=inspect-message]")).ToContainTextAsync("龙山区农贸市场");
        await Expect(inspector.Locator("[data-testid=inspect-recent]")).ToContainTextAsync("浏览器督查：消杀登记缺失");
        Assert.True(await inspector.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await ShotAsync(inspector, "supervision-inspect-saved-phone.png");
        await using var db = app.Store.NewDb();
        var finding = db.Findings.Single(f => f.Description == "浏览器督查：消杀登记缺失");
        Assert.Equal(Fangkong.Domain.Supervision.FindingState.HandedOver, finding.State);
        Assert.True(db.FindingPhotos.Any(p => p.FindingId == finding.Id));
    }

    [Fact]
    public async Task The_command_center_sees_unattended_gates_on_its_dashboard()
    {
        // The alert as the gate watch raises it (GateWatchFlowTests drives the rule over real records on a fake clock).
        await using (var db = app.Store.NewDb())
        {
            if (!db.GateAlerts.Any(a => a.VenueId == Scenario.OtherVenueId && a.ClearedAtUtc == null))
            {
                var now = DateTime.UtcNow;
                db.GateAlerts.Add(new GateAlert
                {
                    Id = 960001,
                    VenueId = Scenario.OtherVenueId,
                    DistrictCode = "220402",
                    Signs = "Silent",
                    RaisedAtUtc = now,
                    CheckedAtUtc = now,
                    LastRecordUtc = now.AddHours(-3),
                    OpenSinceUtc = now.AddHours(-5),
                    Opens = new TimeOnly(5, 0),
                    Closes = new TimeOnly(18, 0),
                    PolicyVersion = "gate-watch-2026.1",
                });
                await db.SaveChangesAsync();
            }
        }
        var command = await app.SignInAsync("command");
        await command.GotoAsync("/command");
        var panel = command.Locator("[data-testid=panel-supervision]");
        await Expect(panel).ToBeVisibleAsync();
        var total = panel.Locator("[data-testid='fig-supervision.unattendedGates']");
        await ShotAsync(command, "supervision-dashboard.png");
        var number = int.Parse(await total.GetAttributeAsync("data-value") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(number >= 1);
        await total.ClickAsync();
        await command.WaitForURLAsync("**/supervision**");
        await Expect(command.Locator("[data-testid=gate-alert-row]")).ToHaveCountAsync(number);
        await Expect(command.Locator("[data-testid=gate-alerts]")).ToContainTextAsync("龙山区农贸市场");
        await ShotAsync(command, "supervision-gates-desktop.png");
        await command.SetViewportSizeAsync(390, 844);
        await ShotAsync(command, "supervision-gates-phone.png");
    }
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Codes;
using Fangkong.Core.People;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Appeals;

/// <summary>A resident appeals from /code with a photo; one officer upholds it, another approves; the resident sees the answer and a green code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppealPagesTests(BrowserFixture app)
{
    private const long PersonId = 201;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    // A resident of their own (the scenario's resident stays green for the other pages' tests) with a yellow code.
    private async Task YellowResidentAsync()
    {
        await using (var db = app.Store.NewDb())
        {
            db.Persons.Add(new Person
            {
                Id = PersonId,
                DocumentType = DocumentType.ResidentIdCard,
                DocumentNumber = ResidentIdNumber.Compose("220402", new DateOnly(1978, 3, 4), 515),
                Name = "赵申诉",
                Token = "tok201xxxxxxxxxxxxxxxx",
                CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            db.Users.Add(new User { Id = 201, UserName = "appellant", DisplayName = "居民二", PasswordHash = PasswordHasher.Hash(Scenario.Password, PasswordHasher.RandomSecretIterations), Role = Roles.Resident, PersonId = PersonId });
            await db.SaveChangesAsync();
        }
        var manual = app.Services.GetRequiredService<ManualCodes>();
        await using (var db = app.Store.NewDb())
        {
            var request = await manual.RequestAsync(db, PersonId, CodeColour.Yellow, "核酸报告未上传", 3, default);
            await manual.DecideAsync(db, request.Id, true, 1, default);
        }
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, name), FullPage = true });

    [Fact]
    public async Task A_resident_appeals_from_the_code_page_and_sees_the_answer()
    {
        await YellowResidentAsync();
        var resident = await app.SignInAsync("appellant");
        await resident.SetViewportSizeAsync(390, 844);
        await resident.GotoAsync("/code");
        await Expect(resident.Locator("[data-testid=code-colour]")).ToHaveTextAsync("黄码");
        await resident.ClickAsync("[data-testid=appeal-link]");
        await resident.FillAsync("[data-testid=appeal-reason]", "核酸报告已上传，请核实后恢复绿码");
        await resident.SetInputFilesAsync("[data-testid=appeal-files]", new FilePayload { Name = "核酸报告.png", MimeType = "image/png", Buffer = Png });
        await ShotAsync(resident, "appeal-submit-phone.png");
        await resident.ClickAsync("[data-testid=appeal-submit]");
        await Expect(resident.Locator("[data-testid=appeal-message]")).ToContainTextAsync("已提交");
        var item = resident.Locator("[data-testid=my-appeal]").First;
        await Expect(item).ToHaveAttributeAsync("data-state", "Open");
        var number = (await item.Locator("strong").TextContentAsync())!;

        var epi = await app.SignInAsync("epi");
        await epi.GotoAsync($"/appeals?q={number}");
        await epi.ClickAsync($"text={number}");
        await Expect(epi.Locator("[data-testid=appeal-files]")).ToContainTextAsync("核酸报告.png");
        await epi.FillAsync("[data-testid=answer-reason]", "已核实核酸报告阴性");
        await epi.ClickAsync("[data-testid=uphold]");
        await Expect(epi.Locator("[data-testid=appeal-state]")).ToHaveTextAsync("已支持，待审批");
        await ShotAsync(epi, "appeal-officer.png");

        var admin = await app.SignInAsync("admin");
        await admin.GotoAsync(new Uri(epi.Url).PathAndQuery);
        await admin.ClickAsync("[data-testid=approve]");
        await Expect(admin.Locator("[data-testid=appeal-state]")).ToHaveTextAsync("已支持，已改码");

        await resident.GotoAsync("/me/appeals");
        await Expect(resident.Locator("[data-testid=my-appeal]").First).ToHaveAttributeAsync("data-state", "Upheld");
        await Expect(resident.Locator("[data-testid=my-appeal-answer]").First).ToContainTextAsync("已核实核酸报告阴性");
        await ShotAsync(resident, "appeal-answered-phone.png");
        await resident.GotoAsync("/code");
        await Expect(resident.Locator("[data-testid=code-colour]")).ToHaveTextAsync("绿码");
    }
}

using System.Diagnostics;
using Fangkong.Core.Accounts;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Requests;

/// <summary>
/// A hotline operator files a caller's request in under a minute from the caller's number; the community officer
/// resolves it; the caller reads the answer on a phone-sized page and reopens it. Screenshots of each page as artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TicketPagesTests(BrowserFixture app)
{
    private const long PersonId = 301;
    private const string Phone = "13700000301";

    // A caller of their own in the scenario's household (福镇社区), with a resident account.
    private async Task CallerAsync()
    {
        await using var db = app.Store.NewDb();
        db.Persons.Add(new Person
        {
            Id = PersonId,
            DocumentType = DocumentType.ResidentIdCard,
            DocumentNumber = ResidentIdNumber.Compose("220402", new DateOnly(1950, 6, 7), 301),
            Name = "孙来电",
            Phone = Phone,
            HouseholdId = Scenario.HouseholdId,
            DistrictCode = "220402",
            CommunityId = Scenario.CommunityId,
            Token = "tok301xxxxxxxxxxxxxxxx",
            CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });
        db.Users.Add(new User { Id = 301, UserName = "caller", DisplayName = "来电居民", PasswordHash = PasswordHasher.Hash(Scenario.Password, PasswordHasher.RandomSecretIterations), Role = Roles.Resident, PersonId = PersonId });
        await db.SaveChangesAsync();
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, name), FullPage = true });

    [Fact]
    public async Task A_hotline_operator_files_a_ticket_from_the_callers_number_in_under_a_minute_and_the_caller_reads_the_answer_on_a_phone()
    {
        await CallerAsync();
        var hotline = await app.SignInAsync("hotline");
        var watch = Stopwatch.StartNew();
        await hotline.GotoAsync("/requests/hotline");
        await hotline.FillAsync("[data-testid=caller-phone]", Phone);
        await hotline.ClickAsync("[data-testid=caller-find]");
        await Expect(hotline.Locator("[data-testid=caller-match]").First).ToContainTextAsync("福民小区");
        await hotline.CheckAsync("[data-testid=category-Medicine]");
        await hotline.FillAsync("[data-testid=ticket-text]", "老伴的降压药只剩一天的量了，小区封控出不去");
        await ShotAsync(hotline, "ticket-hotline.png");
        await hotline.ClickAsync("[data-testid=ticket-submit]");
        await Expect(hotline.Locator("[data-testid=ticket-message]")).ToContainTextAsync("福镇社区");
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"filing took {watch.Elapsed}");
        var number = System.Text.RegularExpressions.Regex.Match((await hotline.Locator("[data-testid=ticket-message]").TextContentAsync())!, @"T\d{4}-\d+").Value;
        Assert.StartsWith("T", number);

        var officer = await app.SignInAsync("officer");
        await officer.GotoAsync($"/requests?q={number}");
        await officer.ClickAsync($"text={number}");
        await officer.FillAsync("[data-testid=resolve-answer]", "网格员已代购药品送到家门口");
        await officer.ClickAsync("[data-testid=resolve]");
        await Expect(officer.Locator("[data-testid=ticket-state]")).ToHaveTextAsync("已办结");
        await ShotAsync(officer, "ticket-officer.png");

        var caller = await app.SignInAsync("caller");
        await caller.SetViewportSizeAsync(390, 844);
        await caller.GotoAsync("/me/requests");
        var item = caller.Locator("[data-testid=my-request]").First;
        await Expect(item).ToHaveAttributeAsync("data-state", "Resolved");
        await Expect(item.Locator("[data-testid=my-request-answer]")).ToContainTextAsync("送到家门口");
        // Nothing overflows the phone's width.
        Assert.True(await caller.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await ShotAsync(caller, "ticket-my-requests-phone.png");
        await item.Locator("[data-testid=reopen-reason]").FillAsync("药的剂量不对");
        await item.Locator("[data-testid=reopen]").ClickAsync();
        await Expect(caller.Locator("[data-testid=my-request]").First).ToHaveAttributeAsync("data-state", "Reopened");
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Core.Data;
using Fangkong.Core.Teams;
using Fangkong.Domain.People;
using Fangkong.Domain.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using SpreadCheetah;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Teams;

/// <summary>
/// Onboarding a team as a city did in a morning (issue 18): an administrator imports it from an XLSX file on
/// <c>/admin/accounts</c>, sees and downloads the one-time passwords, deploys a door-knocking team in a community on
/// <c>/teams</c> and staffs it; a new member signs in for the first time — a password of their own, then a TOTP
/// authenticator enrolled from the secret shown — and reaches their grid. Then the teams', accounts', audit and access pages
/// in both languages on a desk screen and a phone: nothing wider than the window, no resource key shown for want of a text.
/// Screenshots of each are kept as artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamOnboardingPageTests(BrowserFixture app)
{
    [Fact]
    public async Task An_administrator_imports_a_team_deploys_it_in_a_community_and_a_new_member_signs_in_with_totp()
    {
        var page = await app.SignInAsync("admin");
        await page.GotoAsync("/admin/accounts");
        var names = new[] { "赵敲一", "赵敲二", "赵敲三" };
        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload
        {
            Name = "敲门队.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = await TeamWorkbookAsync(names),
        });
        await page.FillAsync("[data-testid=import-area]", $"grid:{Scenario.GridId}");
        await page.ClickAsync("[data-testid=import-submit]");
        await Expect(page.GetByTestId("initial-passwords")).ToBeVisibleAsync();
        var users = await page.GetByTestId("new-user").AllInnerTextsAsync();
        Assert.Equal(3, users.Count);
        var first = page.Locator("[data-testid=initial-passwords] tbody tr").First;
        Assert.Equal(names[0], await first.Locator("td").Nth(1).InnerTextAsync());
        var password = await first.Locator("code").InnerTextAsync();
        await ShootAsync(page, "team-import");
        // The passwords as a file, for handing out: every new account with its one-time password.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=passwords-download]"));
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.All(users, u => Assert.Contains(u, file));
        Assert.Contains(password, file);

        // A door-knocking team in the scenario's community, staffed with the imported accounts, led by the first.
        await page.GotoAsync("/teams");
        var team = "福镇社区敲门队" + Random.Shared.Next(1000, 9999);
        await page.FillAsync("[data-testid=team-name]", team);
        await page.SelectOptionAsync("[data-testid=team-kind]", nameof(TeamKind.DoorKnocking));
        await page.SelectOptionAsync("[data-testid=team-role]", Core.Accounts.Roles.GridWorker);
        await page.SelectOptionAsync("[data-testid=team-district]", Scenario.DistrictX);
        await page.FillAsync("[data-testid=team-community]", Scenario.CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=team-submit]");
        await page.WaitForURLAsync(new Regex(@"/teams/\d+$"));
        await Expect(page.GetByTestId("team-title")).ToHaveTextAsync(team);
        await Expect(page.GetByTestId("team-facts")).ToContainTextAsync("福镇社区");
        await page.FillAsync("[data-testid=members-names]", string.Join('\n', users));
        await page.ClickAsync("[data-testid=members-submit]");
        await Expect(page.GetByTestId("member-row")).ToHaveCountAsync(3);
        await page.ClickAsync($"[data-testid=lead-{users[0]}]");
        await Expect(page.GetByTestId("leader-chip")).ToHaveCountAsync(1);
        await ShootAsync(page, "team-deployed");
        await using (var db = app.Store.NewDb())
        {
            var row = await db.Teams.SingleAsync(t => t.Name == team);
            Assert.Equal((Scenario.CommunityId, Scenario.DistrictX), (row.CommunityId!.Value, row.DistrictCode));
            Assert.Equal(users[0], await db.Users.Where(u => u.Id == row.LeaderUserId).Select(u => u.UserName).SingleAsync());
        }
        await page.Context.CloseAsync();

        // The new member's first sign-in, on a host that asks staff who read personal data for a second factor.
        await using var strict = StrictHost(out var baseUrl);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        var member = await context.NewPageAsync();
        await member.GotoAsync("/login");
        await member.FillAsync("#userName", users[0]);
        await member.FillAsync("#password", password);
        await member.ClickAsync("[data-testid=login-submit]");
        await member.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        await member.FillAsync("[data-testid=new-password]", "my-own-door-knocking");
        await member.FillAsync("[data-testid=repeat-password]", "my-own-door-knocking");
        await member.ClickAsync("[data-testid=password-submit]");
        await member.WaitForURLAsync(url => url.Contains("/account/totp", StringComparison.Ordinal));
        await Expect(member.GetByTestId("totp-qr")).ToBeVisibleAsync();
        var secret = (await member.GetByTestId("totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await ShootAsync(member, "team-member-totp", phoneToo: false);
        // The authenticator app's code, computed from the secret shown.
        await member.FillAsync("[data-testid=totp-code]", new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
        await member.ClickAsync("[data-testid=totp-submit]");
        await member.WaitForURLAsync(url => url.Contains("/community/grid", StringComparison.Ordinal));
        await Expect(member.Locator("h1").First).ToBeVisibleAsync();
        await ShootAsync(member, "team-member-grid");
        await context.CloseAsync();
        await using (var db = app.Store.NewDb())
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == users[0]);
            Assert.False(account.MustChangePassword);
            Assert.NotNull(account.TotpSecret);
        }
    }

    [Fact]
    public async Task Teams_accounts_audit_and_access_pages_fit_a_desk_and_a_phone_in_both_languages()
    {
        long teamId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
            var registry = scope.ServiceProvider.GetRequiredService<TeamRegistry>();
            var name = "长春市援辽检测队" + Random.Shared.Next(1000, 9999);
            teamId = (await registry.CreateAsync(db, new NewTeam(name, TeamKind.Aid, Core.Accounts.Roles.LabTechnician, Scenario.DistrictX, null, "长春市"), 1, default)).Id;
            await registry.AddMembersAsync(db, teamId, new TeamMembersRequest(["lab"]), default);
        }
        var problems = new List<string>();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var admin = await app.SignInAsync("admin", culture);
            foreach (var path in new[] { "/teams", $"/teams/{teamId}", "/teams/deployment", "/admin/accounts", "/admin/audit" })
                problems.AddRange(await CheckAsync(admin, path, culture));
            await admin.Context.CloseAsync();
            var resident = await app.SignInAsync("resident", culture);
            problems.AddRange(await CheckAsync(resident, "/me/access", culture));
            await resident.Context.CloseAsync();
        }
        Assert.Empty(problems);
    }

    /// <summary>The page at 1280 and 390 px: its width within the window, no resource key ("Teams.Kind.Aid") in its text.</summary>
    private static async Task<List<string>> CheckAsync(IPage page, string path, string culture)
    {
        var found = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
            await page.GotoAsync(path);
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
            var measured = await page.EvaluateAsync<JsonElement>("() => ({ page: document.documentElement.scrollWidth, window: innerWidth, text: document.querySelector('main')?.innerText ?? document.body.innerText })");
            var slug = Regex.Replace(path.Trim('/'), @"\d+", "id").Replace('/', '-');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"pages-{slug}-{culture}-{width}.png"), FullPage = true });
            var (pageWidth, window, text) = (measured.GetProperty("page").GetInt32(), measured.GetProperty("window").GetInt32(), measured.GetProperty("text").GetString() ?? "");
            if (pageWidth > window) found.Add($"{path} {culture} {width}: {pageWidth} px wide");
            if (Regex.Match(text, @"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*\b") is { Success: true } key) found.Add($"{path} {culture} {width}: key {key.Value}");
        }
        return found;
    }

    private static async Task ShootAsync(IPage page, string name, bool phoneToo = true)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"{name}.png"), FullPage = true });
        if (!phoneToo) return;
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"{name}-390.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{name}: {width} px wide on a 390 px phone");
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>A team's file as an office sends it: Chinese headers, phone and ID numbers as text.</summary>
    private static async Task<byte[]> TeamWorkbookAsync(string[] names)
    {
        using var stream = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(stream))
        {
            await book.StartWorksheetAsync("队员");
            await book.AddRowAsync([new Cell("姓名"), new Cell("手机"), new Cell("身份证号"), new Cell("角色")]);
            for (var i = 0; i < names.Length; i++)
            {
                var n = Random.Shared.Next(100, 9000);
                await book.AddRowAsync([new Cell(names[i]), new Cell($"1380000{n:D4}"), new Cell(ResidentIdNumber.Compose("220402", new DateOnly(1985, 1, 1).AddDays(n), n % 999 + 1)), new Cell("网格员")]);
            }
            await book.FinishAsync();
        }
        return stream.ToArray();
    }

    /// <summary>The same store behind a host whose staff give a TOTP code (the fixture's demo accounts sign in without).</summary>
    private WebApplicationFactory<Program> StrictHost(out string baseUrl)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Provider", "Sqlite");
            b.UseSetting("Storage:ConnectionString", app.Store.Options.ConnectionString);
            b.UseSetting("Demo:SeedOnStart", "false");
            b.UseSetting("Policy:Accounts:RequireTotp", "true");
            b.UseSetting("Policy:Accounts:SignInsPerMinute", "100000");
            b.UseSetting("Housekeeping", "false");
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        baseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return factory;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Fangkong.Web.Tests.Api.Accounts;

public sealed class AccountsTestsSqlite() : AccountsTests(StorageProvider.Sqlite);
public sealed class AccountsTestsPostgres() : AccountsTests(StorageProvider.Postgres);

/// <summary>Issue 18 item 1 over real HTTP: onboarding, first sign-in, lock-out, rate limit, TOTP, residents' binding.</summary>
public abstract class AccountsTests(StorageProvider provider)
{
    private static string Id(int n) => ResidentIdNumber.Compose("220402", new DateOnly(1980, 1, 1).AddDays(n % 9000), n % 999 + 1);

    /// <summary>A well-formed number whose check character is wrong.</summary>
    private static string BadCheck(string id) => id[..17] + (id[17] == '1' ? '2' : '1');

    private static MultipartFormDataContent File(string csv, string name = "team.csv") =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name } };

    [Fact]
    public async Task Created_account_must_choose_a_password_first_and_a_disabled_one_cannot_sign_in()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/accounts", new { name = "赵六", phone = "13900000001", idNumber = Id(1), roles = new[] { "采样员" }, area = $"community:{Scenario.CommunityId}" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var created = await r.Content.ReadFromJsonAsync<JsonElement>();
        var userName = created.GetProperty("userName").GetString()!;
        var initial = created.GetProperty("password").GetString()!;
        Assert.Equal("sampler-0001", userName);

        var staff = host.Anonymous();
        var login = await staff.PostAsJsonAsync("/api/auth/login", new { userName, password = initial });
        Assert.Equal("SetPassword", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("next").GetString());
        // Nothing else opens before the password is chosen.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/testing/rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync("/api/auth/password", new { newPassword = initial })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync("/api/auth/password", new { newPassword = "short" })).StatusCode);
        var set = await staff.PostAsJsonAsync("/api/auth/password", new { newPassword = "a-long-new-password" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/testing/rounds")).StatusCode);

        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/disable", null)).StatusCode);
        var again = await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password = "a-long-new-password" });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts?q={userName}");
        var row = list.GetProperty("items")[0];
        Assert.Equal("Disabled", row.GetProperty("state").GetString());
        Assert.Equal("139****0001", row.GetProperty("maskedPhone").GetString());
        Assert.Equal($"community:{Scenario.CommunityId}", row.GetProperty("area").GetString());
        Assert.Equal("福镇社区", row.GetProperty("areaName").GetString());
        var district = (await admin.GetFromJsonAsync<JsonElement>("/api/accounts?q=epi-x")).GetProperty("items")[0];
        Assert.Equal(("district:220402", "龙山区"), (district.GetProperty("area").GetString(), district.GetProperty("areaName").GetString()));
    }

    [Fact]
    public async Task Import_with_bad_rows_writes_nothing_and_reports_each_line()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        int before;
        await using (var db = host.Db()) before = await db.Users.CountAsync();
        var csv = "姓名,手机,身份证号,角色,区域\n" +
                  $"王一,13900000011,{Id(11)},网格员,grid:{Scenario.GridId}\n" +
                  $"王二,1390000,{Id(12)},网格员,\n" +
                  $"王三,13900000013,{BadCheck(Id(13))},网格员,\n" +
                  $"王四,13900000014,{Id(14)},厨师,\n" +
                  $"王五,13900000015,{Id(15)},采样员,community:999\n" +
                  $"王六,13900000016,{Id(11)},采样员,\n";
        var r = await admin.PostAsync("/api/accounts/import", File(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problems = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "phone"), (4, "idNumber"), (5, "roles"), (6, "area"), (7, "idNumber")], problems);
        await using (var db = host.Db()) Assert.Equal(before, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Import_of_2000_rows_in_English_headers_creates_every_account_with_its_area()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var csv = new StringBuilder("name,phone,ID number,role\n");
        for (var i = 0; i < 2000; i++) csv.Append($"队员{i},139{i:D8},{Id(100 + i)},grid worker\n");
        var started = DateTime.UtcNow;
        var r = await admin.PostAsync($"/api/accounts/import?area=community:{Scenario.CommunityId}&format=csv", File(csv.ToString()));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
        var lines = (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2001, lines.Length);
        await using var db = host.Db();
        Assert.Equal(2000, await db.Users.CountAsync(u => u.UserName.StartsWith("grid-") && u.JurisdictionId == Scenario.CommunityId && u.MustChangePassword));
        // The file's one-time password signs in (and asks for a new password).
        var first = lines[1].Trim().Split(',').Select(c => c.Trim('"')).ToArray();
        var login = await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = first[0], password = first[2] });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_lock_the_account_until_the_window_passes()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var client = host.Anonymous();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "epi", password = "wrong-password" });
        var locked = await client.PostAsJsonAsync("/api/auth/login", new { userName = "epi", password = Scenario.Password });
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(16));
        var open = await client.PostAsJsonAsync("/api/auth/login", new { userName = "epi", password = Scenario.Password });
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_beyond_the_rate_limit_get_429_problem_details()
    {
        await using var host = await ApiHost.StartAsync(provider, web: b => b.UseSetting("Policy:Accounts:SignInsPerMinute", "3"));
        var client = host.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "whatever-it-is" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "whatever-it-is" });
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Totp_enrolment_then_sign_in_refuses_wrong_and_replayed_codes()
    {
        await using var host = await ApiHost.StartAsync(provider, web: b => b.UseSetting("Policy:Accounts:RequireTotp", "true"));
        var client = host.Anonymous();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "grid", password = Scenario.Password });
        Assert.Equal("EnrolTotp", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("next").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/community/grids")).StatusCode);
        var enrol = await (await client.PostAsync("/api/auth/totp/enrolment", null)).Content.ReadFromJsonAsync<JsonElement>();
        var secret = enrol.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/", enrol.GetProperty("uri").GetString());
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        string Code() => totp.ComputeTotp(host.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/totp/enrolment/confirm", new { code = Code() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/community/grids")).StatusCode);
        await using (var db = host.Db())
            Assert.DoesNotContain(secret, (await db.Users.SingleAsync(u => u.UserName == "grid")).TotpSecret);

        host.Time.Advance(TimeSpan.FromSeconds(30));
        var other = host.Anonymous();
        var noCode = await other.PostAsJsonAsync("/api/auth/login", new { userName = "grid", password = Scenario.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        var wrong = await other.PostAsJsonAsync("/api/auth/login", new { userName = "grid", password = Scenario.Password, code = "000000" == Code() ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var code = Code();
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/auth/login", new { userName = "grid", password = Scenario.Password, code })).StatusCode);
        var replay = await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "grid", password = Scenario.Password, code });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Resident_registers_and_binds_once_to_a_matching_person()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var client = host.Anonymous();
        var reg = await client.PostAsJsonAsync("/api/auth/register", new { phone = "13712345678", password = "my-own-password" });
        Assert.Equal(HttpStatusCode.OK, reg.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/codes/me")).StatusCode);
        var wrongName = await client.PostAsJsonAsync("/api/auth/binding", new { idNumber = host.Scenario.Bob.DocumentNumber, name = "张三" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongName.StatusCode);
        var bound = await client.PostAsJsonAsync("/api/auth/binding", new { idNumber = host.Scenario.Bob.DocumentNumber, name = host.Scenario.Bob.Name });
        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/codes/me")).StatusCode);
        var rebind = await client.PostAsJsonAsync("/api/auth/binding", new { idNumber = host.Scenario.Carol.DocumentNumber, name = host.Scenario.Carol.Name });
        Assert.Equal(HttpStatusCode.Conflict, rebind.StatusCode);

        var admin = await host.LoginAsync("admin");
        var id = (await reg.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/accounts/{id}/unbind", new { reason = "认错了人" })).StatusCode);
        await using var db = host.Db();
        Assert.Null((await db.Users.SingleAsync(u => u.Id == id)).PersonId);
        Assert.Equal(2, await db.AccountChanges.CountAsync(c => c.UserId == id));
    }
}

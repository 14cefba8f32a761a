using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Exports;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api;

public sealed class ApiLanguageTestsSqlite() : ApiLanguageTests(StorageProvider.Sqlite);
public sealed class ApiLanguageTestsPostgres() : ApiLanguageTests(StorageProvider.Postgres);

/// <summary>
/// The API answers in the caller's language (ADR 0020): Chinese unless it asks with Accept-Language, the host's own
/// refusals and Core's alike; a page keeps Chinese until its reader switches (the cookie), whatever the browser sends;
/// an export job is worded, file and failure, in the language it was asked in, whichever worker runs it.
/// </summary>
public abstract class ApiLanguageTests(StorageProvider provider)
{
    [Fact]
    public async Task Refusals_are_in_Chinese_unless_the_caller_asks_for_English()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var zh = host.Anonymous();
        var en = host.Anonymous();
        en.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var other = host.Anonymous();
        other.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));

        // The host's own: no such endpoint, sign in first.
        Assert.Equal("没有这个接口", await Title(await zh.GetAsync("/api/no-such-thing")));
        Assert.Equal("no such endpoint", await Title(await en.GetAsync("/api/no-such-thing")));
        Assert.Equal("没有这个接口", await Title(await other.GetAsync("/api/no-such-thing")));
        Assert.Equal("需要登录", await Title(await zh.GetAsync("/api/exports")));
        Assert.Equal("authentication required", await Title(await en.GetAsync("/api/exports")));

        // Core's, thrown in the request: worded in its language.
        var epi = await host.LoginAsync("epi");
        var bad = new { list = "cases", format = "pdf" };
        Assert.Equal("格式应为 xlsx 或 csv", await Title(await epi.PostAsJsonAsync("/api/exports", bad)));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/exports") { Content = JsonContent.Create(bad) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        Assert.Equal("format is xlsx or csv", await Title(await epi.SendAsync(request)));
    }

    [Fact]
    public async Task A_page_s_error_stays_Chinese_whatever_the_browser_s_language_until_the_reader_switches()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        epi.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var page = await epi.GetAsync("/exports?job=abc");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("参数Job应为整数", html, StringComparison.Ordinal);
        Assert.Contains("返回首页", html, StringComparison.Ordinal);

        await epi.GetAsync("/culture?c=en&r=/");
        html = await (await epi.GetAsync("/exports?job=abc")).Content.ReadAsStringAsync();
        Assert.Contains("the query parameter Job must be a whole number", html, StringComparison.Ordinal);
        Assert.DoesNotContain("参数", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_is_written_and_fails_in_the_language_it_was_asked_in()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/exports") { Content = JsonContent.Create(new { list = "cases", format = "csv" }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await epi.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, english.StatusCode);
        var chinese = await epi.PostAsJsonAsync("/api/exports", new { list = "cases", format = "csv" });
        await Exports.ExportJobPoll.WaitAsync(epi, english.Headers.Location!.ToString());
        await Exports.ExportJobPoll.WaitAsync(epi, chinese.Headers.Location!.ToString());
        Assert.Equal("\"Case\",\"Name\",\"ID number\",\"Phone\",\"Classification\",\"Status\"", await HeaderAsync(epi, english));
        Assert.Equal("\"病例编号\",\"姓名\",\"证件号码\",\"手机\",\"临床分型\",\"状态\"", await HeaderAsync(epi, chinese));

        // Jobs whose stored filter no longer reads fail, each in its own language, while the worker runs them both.
        await using (var db = host.Db())
        {
            var epiId = await db.Users.Where(u => u.UserName == "epi").Select(u => u.Id).SingleAsync();
            foreach (var (id, language) in new[] { (900_001L, "en"), (900_002L, "zh-CN") })
                db.ExportJobs.Add(new ExportJob
                {
                    Id = id,
                    List = "cases",
                    Format = "csv",
                    FilterJson = """{"class":"Purple"}""",
                    Language = language,
                    RequestedByUserId = epiId,
                    RequestedAtUtc = host.Time.GetUtcNow().UtcDateTime,
                });
            await db.SaveChangesAsync();
        }
        // The worker is woken by a request; these were put in the store directly, so it finds them on its next poll.
        var errors = new Dictionary<long, string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (errors.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            foreach (var id in new[] { 900_001L, 900_002L })
            {
                var job = await (await epi.GetAsync($"/api/exports/{id}")).JsonAsync();
                if (job.GetProperty("state").GetString() == "Failed") errors[id] = job.GetProperty("error").GetString()!;
            }
        }
        Assert.StartsWith("the filter cannot be read: ", errors[900_001], StringComparison.Ordinal);
        Assert.StartsWith("筛选条件无效：", errors[900_002], StringComparison.Ordinal);
    }

    /// <summary>The first six column titles of a finished CSV export.</summary>
    private static async Task<string> HeaderAsync(HttpClient client, HttpResponseMessage accepted)
    {
        var csv = await client.GetStringAsync(accepted.Headers.Location + "/file");
        return string.Join(',', csv.TrimStart('\uFEFF').Split("\r\n")[0].Split(',').Take(6));
    }

    private static async Task<string?> Title(HttpResponseMessage r) => (await r.JsonAsync()).GetProperty("title").GetString();
}

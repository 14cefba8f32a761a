using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fangkong.Core.Data;

namespace Fangkong.Web.Tests.Api.Testing;

public sealed class RoundProgressPageTestsSqlite() : RoundProgressPageTests(StorageProvider.Sqlite);
public sealed class RoundProgressPageTestsPostgres() : RoundProgressPageTests(StorageProvider.Postgres);

/// <summary>
/// A round's pages say where it stands by the clock: "meets the deadline" while the plan holds, and once the plan's
/// time has passed with nobody sampled, that it is behind and then past its deadline.
/// </summary>
public abstract class RoundProgressPageTests(StorageProvider provider)
{
    [Fact]
    public async Task An_open_round_with_nobody_sampled_is_shown_behind_and_then_past_its_deadline_not_on_time()
    {
        await using var host = await CityHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/testing/rounds", new { name = "全员核酸（过期）", scope = "City", startAt = host.Time.GetUtcNow().UtcDateTime });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await created.JsonAsync();
        var id = round.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/testing/rounds/{id}/open", null)).StatusCode);

        Assert.Equal("OnTime", await ProgressAsync(admin, id));

        // Past the plan's finish: nobody came.
        var finish = round.GetProperty("plannedFinishUtc").GetDateTime();
        host.Time.SetUtcNow(new DateTimeOffset(finish.AddMinutes(5), TimeSpan.Zero));
        admin = await host.LoginAsync("admin"); // the sign-in cookie lives 12 hours of the test's clock
        Assert.Equal("Behind", await ProgressAsync(admin, id));
        Assert.Contains("已过预计完成时间，无人采样", WebUtility.HtmlDecode(await admin.GetStringAsync($"/testing/rounds/{id}")), StringComparison.Ordinal);

        // Days later, in the list of rounds: past the deadline, not "on time".
        host.Time.Advance(TimeSpan.FromDays(3));
        admin = await host.LoginAsync("admin");
        Assert.Equal("PastDeadline", await ProgressAsync(admin, id));
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/testing"));
        var row = Regex.Match(list, $"<tr>(?:(?!</tr>).)*/testing/rounds/{id}\"(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("已过截止时间，无人采样", row, StringComparison.Ordinal);
        Assert.DoesNotContain("可按时完成", row, StringComparison.Ordinal);
    }

    private static async Task<string?> ProgressAsync(HttpClient client, long id)
    {
        var html = await client.GetStringAsync($"/testing/rounds/{id}");
        return Regex.Match(html, "data-testid=\"(?:meets-deadline|round-progress)\" data-kind=\"(\\w+)\"").Groups[1].Value;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Web.Tests.Api.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Teams;

public sealed class TeamTestsSqlite() : TeamTests(StorageProvider.Sqlite);
public sealed class TeamTestsPostgres() : TeamTests(StorageProvider.Postgres);

/// <summary>Teams deployed by the command: staffed by user name, led, rostered, their output counted from what members wrote.</summary>
public abstract class TeamTests(StorageProvider provider)
{
    [Fact]
    public async Task A_sampling_team_counts_only_the_swabs_its_members_took_while_members()
    {
        await using var host = await CityHost.StartAsync(provider);
        var district = await FirstDistrictAsync(host);
        var admin = await host.LoginAsync("admin");
        await DisbandDemoTeamsAsync(admin);
        var sampler = await host.LoginAsync("sampler");
        var d = new RoundDriver(host, admin, sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var tube = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, tube, kind: "OnePerson");
        await d.SampleOkAsync(tube, people[0].IdNumber); // before joining: not the team's
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var team = await CreateAsync(admin, "一号采样队", district);
        var staffed = await (await admin.PostAsJsonAsync($"/api/teams/{team}/members", new { userNames = new[] { "sampler", "sampler2" } })).OkJsonAsync();
        var members = staffed.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userName").GetString()!, m => m.GetProperty("userId").GetInt64());
        Assert.Equal(["sampler", "sampler2"], members.Keys.Order());
        var led = await (await admin.PostAsJsonAsync($"/api/teams/{team}/leader", new { userId = members["sampler2"] })).OkJsonAsync();
        Assert.Equal("采样员二", led.GetProperty("team").GetProperty("leader").GetString());
        Assert.True(led.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userName").GetString() == "sampler2").GetProperty("leader").GetBoolean());
        // Today 08:00–16:00 city time (now is 08:01), so both are on duty now.
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime.AddHours(8));
        var shifts = await (await admin.PostAsJsonAsync($"/api/teams/{team}/shifts", new { from = today, starts = "08:00", ends = "16:00" })).OkJsonAsync();
        Assert.Equal(2, shifts.GetArrayLength());
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var second = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, second);
        await d.SampleOkAsync(second, people[1].IdNumber);
        await d.SampleOkAsync(second, people[2].IdNumber);
        await using (var db = host.Db())
            Assert.Equal(3, await db.Samples.CountAsync(s => s.SamplerUserId == members["sampler"]));

        var output = await (await admin.GetAsync($"/api/teams/{team}/output?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).OkJsonAsync();
        Assert.Equal(2, output.GetProperty("days").EnumerateArray().Single().GetProperty("counts").GetProperty("Samples").GetInt32());
        var byMember = output.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetInt64(), m => m.GetProperty("counts").GetProperty("Samples").GetInt32());
        Assert.Equal((2, 0), (byMember[members["sampler"]], byMember[members["sampler2"]]));

        var command = await host.LoginAsync("command");
        var deployment = await (await command.GetAsync($"/api/teams/deployment?district={district}")).OkJsonAsync();
        var row = deployment.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Sampling");
        Assert.Equal((1, 2, 2), (row.GetProperty("teams").GetInt32(), row.GetProperty("members").GetInt32(), row.GetProperty("onDutyNow").GetInt32()));
        Assert.Equal(2, row.GetProperty("today").GetProperty("Samples").GetInt32());
        Assert.Equal(0, row.GetProperty("yesterday").GetProperty("Samples").GetInt32());
        var lastDay = deployment.GetProperty("days").EnumerateArray().Last();
        Assert.Equal((today.ToString("yyyy-MM-dd"), 2), (lastDay.GetProperty("day").GetString(), lastDay.GetProperty("counts").GetProperty("Samples").GetInt32()));
    }

    [Fact]
    public async Task Strangers_residents_members_of_another_team_and_overlapping_shifts_are_refused_and_disbanding_clears_the_roster_ahead()
    {
        await using var host = await CityHost.StartAsync(provider);
        var district = await FirstDistrictAsync(host);
        var admin = await host.LoginAsync("admin");
        await DisbandDemoTeamsAsync(admin);
        var team = await CreateAsync(admin, "二号采样队", district);
        var before = await CountsAsync(host);

        await Refused(admin.PostAsJsonAsync($"/api/teams/{team}/members", new { userNames = new[] { "sampler", "nobody-here" } }), "userNames");
        await Refused(admin.PostAsJsonAsync($"/api/teams/{team}/members", new { userNames = new[] { "sampler", "resident" } }), "userNames");
        Assert.Equal(before, await CountsAsync(host));

        (await admin.PostAsJsonAsync($"/api/teams/{team}/members", new { userNames = new[] { "sampler", "sampler2" } })).EnsureSuccessStatusCode();
        var other = await CreateAsync(admin, "三号采样队", district);
        await Refused(admin.PostAsJsonAsync($"/api/teams/{other}/members", new { userNames = new[] { "sampler2" } }), "userNames");

        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime.AddHours(8));
        var tomorrow = today.AddDays(1);
        var added = await (await admin.PostAsJsonAsync($"/api/teams/{team}/shifts", new { from = today, to = tomorrow, starts = "08:00", ends = "16:00", post = "北门" })).OkJsonAsync();
        Assert.Equal(4, added.GetArrayLength());
        var shiftsBefore = await CountsAsync(host);
        await Refused(admin.PostAsJsonAsync($"/api/teams/{team}/shifts", new { from = tomorrow, starts = "12:00", ends = "20:00" }), "starts");
        // A night shift the evening before reaches into tomorrow morning.
        await Refused(admin.PostAsJsonAsync($"/api/teams/{team}/shifts", new { from = today, starts = "22:00", ends = "09:00" }), "starts");
        Assert.Equal(shiftsBefore, await CountsAsync(host));
        // Right after the day shift ends is fine.
        (await admin.PostAsJsonAsync($"/api/teams/{team}/shifts", new { from = tomorrow, starts = "16:00", ends = "20:00" })).EnsureSuccessStatusCode();

        var disbanded = await (await admin.PostAsync($"/api/teams/{team}/disband", null)).OkJsonAsync();
        Assert.NotEqual(JsonValueKind.Null, disbanded.GetProperty("team").GetProperty("disbandedAtUtc").ValueKind);
        Assert.All(disbanded.GetProperty("members").EnumerateArray(), m => Assert.NotEqual(JsonValueKind.Null, m.GetProperty("leftAtUtc").ValueKind));
        var roster = await (await admin.GetAsync($"/api/teams/{team}/shifts?from={today:yyyy-MM-dd}&to={tomorrow:yyyy-MM-dd}")).OkJsonAsync();
        Assert.All(roster.EnumerateArray(), s => Assert.Equal(today.ToString("yyyy-MM-dd"), s.GetProperty("day").GetString()));
        Assert.Equal(2, roster.GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/teams/{team}/members", new { userNames = new[] { "sampler" } })).StatusCode);
        // Sent home, its members are free to join another team.
        (await admin.PostAsJsonAsync($"/api/teams/{other}/members", new { userNames = new[] { "sampler2" } })).EnsureSuccessStatusCode();
    }

    private static async Task Refused(Task<HttpResponseMessage> call, string field)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{r.StatusCode}: {body}");
        Assert.Equal([field], (await r.JsonAsync()).ProblemFields());
    }

    /// <summary>The demo city deploys its own teams (sampler and sampler2 in one): the tests start from none, as an administrator would.</summary>
    private static async Task DisbandDemoTeamsAsync(HttpClient admin)
    {
        var teams = await admin.GetFromJsonAsync<JsonElement>("/api/teams?pageSize=200&disbanded=false");
        var ids = teams.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids) (await admin.PostAsync($"/api/teams/{id}/disband", null)).EnsureSuccessStatusCode();
    }

    private static async Task<long> CreateAsync(HttpClient admin, string name, string district)
    {
        var r = await admin.PostAsJsonAsync("/api/teams", new { name, kind = "Sampling", workRole = "sampler", districtCode = district, from = "吉林市" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetInt64();
    }

    private static async Task<(int, int, int)> CountsAsync(CityHost host)
    {
        await using var db = host.Db();
        return (await db.Teams.CountAsync(), await db.TeamMembers.CountAsync(), await db.TeamShifts.CountAsync());
    }

    private static async Task<string> FirstDistrictAsync(CityHost host)
    {
        await using var db = host.Db();
        return await db.Districts.OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
    }
}

file static class Answers
{
    /// <summary>The answer's JSON, after checking it is a success (the body in the failure message when not).</summary>
    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }
}

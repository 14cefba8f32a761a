using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Command;

public sealed class SuspectedCountTestsSqlite() : SuspectedCountTests(StorageProvider.Sqlite);
public sealed class SuspectedCountTestsPostgres() : SuspectedCountTests(StorageProvider.Postgres);

/// <summary>
/// Suspected cases reported one day, one excluded and one confirmed the next: the dashboard, the city-style bulletin and
/// the case line list behind each number count them alike; bad moves are refused naming the field and write nothing.
/// </summary>
public abstract class SuspectedCountTests(StorageProvider provider)
{
    private static readonly string[] Keys = ["cases.newSuspected", "cases.cumulativeSuspected", "cases.suspectedExcluded", "cases.suspectedConverted", "cases.currentSuspected"];

    [Fact]
    public async Task Suspected_cases_excluded_and_confirmed_change_dashboard_bulletin_and_line_list_alike()
    {
        await using var host = await CityHost.StartAsync(provider);
        host.Time.Advance(TimeSpan.FromHours(14)); // 22:00 on 20 November in the city
        List<long> people;
        await using (var db = host.Db())
            people = await db.Persons.Where(p => p.HouseholdId != null && !db.Cases.Any(c => c.PersonId == p.Id)).OrderBy(p => p.Id).Take(3).Select(p => p.Id).ToListAsync();
        var epi = await host.LoginAsync("epi");
        var ids = new List<long>();
        foreach (var person in people)
        {
            var r = await epi.PostAsJsonAsync("/api/cases", new { personId = person, @class = "Suspected", foundBy = "FeverClinic", firstPositiveSampledAtUtc = host.Time.GetUtcNow().UtcDateTime.AddHours(-2) });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            ids.Add((await r.JsonAsync()).GetProperty("id").GetInt64());
        }
        Assert.Equal(new[] { 3, 3, 0, 0, 3 }, await FiguresAsync(epi));

        // 21 November: one excluded, one confirmed; refusals name their field and write nothing.
        host.Time.Advance(TimeSpan.FromDays(1));
        epi = await host.LoginAsync("epi"); // a day later: a new session
        Assert.Equal(HttpStatusCode.OK, (await epi.PatchAsJsonAsync($"/api/cases/{ids[0]}", new { status = "Excluded" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await epi.PatchAsJsonAsync($"/api/cases/{ids[1]}", new { @class = "Mild", onsetDate = "2026-11-20" })).StatusCode);
        int events;
        await using (var db = host.Db()) events = await db.CaseEvents.CountAsync();
        foreach (var (id, body, field) in new (long, object, string)[] { (ids[1], new { status = "Excluded" }, "status"), (ids[2], new { @class = "Asymptomatic" }, "class") })
        {
            var bad = await epi.PatchAsJsonAsync($"/api/cases/{id}", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }
        var badStyle = await epi.PostAsJsonAsync("/api/bulletins", new { day = "2026-11-20", level = "City", area = "220400", style = 9 });
        Assert.Equal(HttpStatusCode.BadRequest, badStyle.StatusCode);
        Assert.Contains("\"style\"", await badStyle.Content.ReadAsStringAsync());
        await using (var db = host.Db())
        {
            Assert.Equal(events, await db.CaseEvents.CountAsync());
            Assert.Equal(0, await db.Bulletins.CountAsync());
        }
        var dashboard = await FiguresAsync(epi);
        Assert.Equal(new[] { 0, 3, 1, 1, 1 }, dashboard);

        // 22 November: the city-style bulletins of both days say the same as the dashboard said.
        host.Time.Advance(TimeSpan.FromDays(1));
        epi = await host.LoginAsync("epi");
        var first = await DraftAsync(epi, "2026-11-20");
        Assert.StartsWith("2026年11月20日0—24时，辽源市无新增确诊病例，新增疑似病例3例。\n截至2026年11月20日24时，辽源市累计报告疑似病例3例，现有疑似病例3例。", first.GetProperty("textZh").GetString());
        Assert.StartsWith("From 0:00 to 24:00 on 20 November 2026, Liaoyuan reported no new confirmed cases and 3 new suspected cases.", first.GetProperty("textEn").GetString());
        Assert.EndsWith("辽源市新冠肺炎疫情防控工作领导小组办公室\n2026年11月21日", first.GetProperty("textZh").GetString());
        var second = await DraftAsync(epi, "2026-11-21");
        var zh = second.GetProperty("textZh").GetString()!;
        Assert.StartsWith("2026年11月21日0—24时，辽源市新增确诊病例1例（均为轻型），均在", zh);
        Assert.Contains("累计报告确诊病例1例，现有在院治疗1例。累计报告疑似病例3例，已排除1例，转为确诊病例1例，现有疑似病例1例。", zh);
        Assert.Contains("It had reported 3 suspected cases in total, 1 excluded, 1 confirmed, 1 still suspected.", second.GetProperty("textEn").GetString());
        var f = JsonDocument.Parse(second.GetProperty("figuresJson").GetString()!).RootElement;
        Assert.Equal(dashboard, new[] { f.GetProperty("NewSuspected").GetInt32(), f.GetProperty("CumulativeSuspected").GetInt32(), f.GetProperty("SuspectedExcluded").GetInt32(),
            f.GetProperty("SuspectedConverted").GetInt32(), f.GetProperty("CurrentSuspected").GetInt32() });
        // The confirmed one is a new confirmed case of the 21st, not an asymptomatic infection, in the lists too.
        var lines = await epi.GetFromJsonAsync<JsonElement>("/api/lists/cases?confirmedFrom=2026-11-21&confirmedTo=2026-11-21&reportedAsymptomatic=false");
        Assert.Equal(ids[1], lines.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64());
    }

    // The five suspected figures of today's dashboard, each checked against the case line list it links to.
    private static async Task<int[]> FiguresAsync(HttpClient epi)
    {
        var figures = (await epi.GetFromJsonAsync<JsonElement>("/api/dashboard?fresh=true")).GetProperty("figures").EnumerateArray().ToList();
        var mine = figures.Where(x => Keys.Contains(x.GetProperty("key").GetString())).ToList();
        Assert.Equal(Keys.Length, await DashboardChecks.FiguresMatchListsAsync(epi, mine));
        return [.. Keys.Select(k => DashboardChecks.Value(figures, k))];
    }

    private static async Task<JsonElement> DraftAsync(HttpClient epi, string day)
    {
        var r = await epi.PostAsJsonAsync("/api/bulletins", new { day, level = "City", area = "220400", style = "City" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.JsonAsync();
    }
}

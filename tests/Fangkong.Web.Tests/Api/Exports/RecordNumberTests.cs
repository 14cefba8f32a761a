using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class RecordNumberTestsSqlite() : RecordNumberTests(StorageProvider.Sqlite);
public sealed class RecordNumberTestsPostgres() : RecordNumberTests(StorageProvider.Postgres);

/// <summary>Cases, stays and rounds carry short numbers in the order they were made; the lists find records by them.</summary>
public abstract class RecordNumberTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Records_are_numbered_in_order_per_year_and_the_lists_find_them_by_number()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await ListSeed.CasesAndContactsAsync(host, cases: 12, At);
        await using (var db = host.Db())
        {
            // Saved in one batch, numbered by report time: the i-th case reported is C2026-000i.
            var numbers = await db.Cases.OrderBy(c => c.ReportedAtUtc).Select(c => c.Number).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 12).Select(i => $"C2026-{i:D4}"), numbers);
            var stays = await db.QuarantineStays.OrderBy(s => s.Number).Select(s => s.Number).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Q2026-{i:D4}"), stays);
        }
        var epi = await host.LoginAsync("epi");

        var third = seeded.CaseIds[2];
        var cases = (await (await epi.GetAsync("/api/lists/cases?q=" + Uri.EscapeDataString("c2026 3"))).JsonAsync()).GetProperty("items");
        var only = Assert.Single(cases.EnumerateArray());
        Assert.Equal(third, only.GetProperty("id").GetInt64());
        Assert.Equal("C2026-0003", only.GetProperty("number").GetString());

        var contacts = (await (await epi.GetAsync("/api/lists/contacts?q=C2026-0003")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, contacts.Count);
        Assert.All(contacts, c => Assert.Equal("C2026-0003", c.GetProperty("caseNumber").GetString()));

        var stay = Assert.Single((await (await epi.GetAsync("/api/lists/quarantine?q=C2026-0003")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(third, stay.GetProperty("caseId").GetInt64());
        var byStay = Assert.Single((await (await epi.GetAsync("/api/lists/quarantine?q=" + stay.GetProperty("number").GetString())).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(stay.GetProperty("id").GetInt64(), byStay.GetProperty("id").GetInt64());

        // A number nobody has finds nothing (it is not read as a name or an ID).
        Assert.Equal(0, (await (await epi.GetAsync("/api/lists/cases?q=C2026-0099")).JsonAsync()).GetProperty("count").GetInt64());
        Assert.Equal(0, (await (await epi.GetAsync("/api/lists/cases?q=Q2026-0001")).JsonAsync()).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Cases_reported_at_the_same_moment_get_distinct_numbers_and_a_refused_report_takes_none()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var s = host.Scenario;
        var now = host.Time.GetUtcNow().UtcDateTime;
        var year = (now + TimeSpan.FromHours(8)).Year;
        var refused = await epi.PostAsJsonAsync("/api/cases", new { personId = s.Alice.Id, foundBy = "FeverClinic", firstPositiveSampledAtUtc = now.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var reports = await Task.WhenAll(new[] { s.Alice.Id, s.Bob.Id, s.Carol.Id }.Select(id =>
            epi.PostAsJsonAsync("/api/cases", new { personId = id, foundBy = "FeverClinic", firstPositiveSampledAtUtc = now.AddHours(-6) })));
        Assert.All(reports, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var r in reports) numbers.Add((await r.JsonAsync()).GetProperty("number").GetString()!);
        Assert.Equal(Enumerable.Range(1, 3).Select(i => $"C{year}-{i:D4}"), numbers.Order());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class CaseCourseTestsSqlite() : CaseCourseTests(StorageProvider.Sqlite);
public sealed class CaseCourseTestsPostgres() : CaseCourseTests(StorageProvider.Postgres);

/// <summary>A case reported at a fever clinic: classified, converted, hospitalised, discharged — every step kept, bad steps refused.</summary>
public abstract class CaseCourseTests(StorageProvider provider)
{
    [Fact]
    public async Task A_suspected_case_is_red_while_suspected_and_green_again_once_excluded_each_change_explained()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var bob = host.Scenario.Bob.Id;
        var now = host.Time.GetUtcNow().UtcDateTime;
        var created = await epi.PostAsJsonAsync("/api/cases", new { personId = bob, @class = "Suspected", foundBy = "FeverClinic", firstPositiveSampledAtUtc = now.AddHours(-2) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var red = (await (await epi.GetAsync($"/api/codes/persons/{bob}/history")).JsonAsync())[0];
        Assert.Equal(("Red", "疑似病例，隔离诊治中"), (red.GetProperty("to").GetString(), red.GetProperty("explanation").GetString()));
        Assert.Contains($"case:{id}", red.GetProperty("evidence").GetString());

        host.Time.Advance(TimeSpan.FromDays(1));
        epi = await host.LoginAsync("epi");
        (await epi.PatchAsJsonAsync($"/api/cases/{id}", new { status = "Excluded", note = "两次核酸检测阴性" })).EnsureSuccessStatusCode();
        var green = (await (await epi.GetAsync($"/api/codes/persons/{bob}/history")).JsonAsync())[0];
        Assert.Equal(("Red", "Green"), (green.GetProperty("from").GetString(), green.GetProperty("to").GetString()));
        await using var db = host.Db();
        Assert.Equal(Fangkong.Domain.Codes.CodeColour.Green, await db.HealthCodes.Where(h => h.PersonId == bob).Select(h => h.Colour).SingleAsync());
    }

    [Fact]
    public async Task A_case_is_reported_converted_hospitalised_and_discharged_with_its_history_kept()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var alice = host.Scenario.Alice.Id;
        var now = host.Time.GetUtcNow().UtcDateTime;

        var bad = await epi.PostAsJsonAsync("/api/cases", new { personId = alice, foundBy = "FeverClinic", firstPositiveSampledAtUtc = now.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("firstPositiveSampledAtUtc", await bad.Content.ReadAsStringAsync());
        var created = await epi.PostAsJsonAsync("/api/cases", new { personId = alice, foundBy = "FeverClinic", firstPositiveSampledAtUtc = now.AddHours(-6) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await epi.PostAsJsonAsync("/api/cases", new { personId = alice, firstPositiveSampledAtUtc = now.AddHours(-6) })).StatusCode);

        // Asymptomatic → mild is a conversion; the onset is checked against the first positive.
        var tooEarly = await epi.PatchAsJsonAsync($"/api/cases/{id}", new { @class = "Mild", onsetDate = DateOnly.FromDateTime(now.AddDays(-40)) });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("onsetDate", await tooEarly.Content.ReadAsStringAsync());
        var mild = await (await epi.PatchAsJsonAsync($"/api/cases/{id}", new { @class = "Mild", onsetDate = DateOnly.FromDateTime(now.AddDays(-1)), note = "出现发热咳嗽" })).JsonAsync();
        Assert.Equal("Mild", mild.GetProperty("class").GetString());
        Assert.Equal(now, mild.GetProperty("convertedAtUtc").GetDateTime());
        var backwards = await epi.PatchAsJsonAsync($"/api/cases/{id}", new { @class = "Asymptomatic" });
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);

        // Released is for asymptomatic infections; a confirmed case is discharged. Hospital isolates.
        Assert.Equal(HttpStatusCode.BadRequest, (await epi.PatchAsJsonAsync($"/api/cases/{id}", new { status = "Released" })).StatusCode);
        var hospital = await (await epi.PatchAsJsonAsync($"/api/cases/{id}", new { status = "InHospital", treatedAt = "辽源市传染病医院" })).JsonAsync();
        Assert.Equal(now, hospital.GetProperty("isolatedAtUtc").GetDateTime());
        Assert.Equal("辽源市传染病医院", hospital.GetProperty("treatedAt").GetString());
        await epi.PatchAsJsonAsync($"/api/cases/{id}", new { status = "Discharged" });
        var closed = await epi.PatchAsJsonAsync($"/api/cases/{id}", new { @class = "Severe" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("CaseClosed", await closed.Content.ReadAsStringAsync());

        var events = (await (await epi.GetAsync($"/api/cases/{id}/events")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(4, events.Count); // reported, converted, in hospital, discharged: refusals leave no trace
        Assert.Single(events, e => e.GetProperty("conversion").GetBoolean());
        await using var db = host.Db();
        Assert.Equal(CaseStatus.Discharged, (await db.Cases.SingleAsync(c => c.Id == id)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.LoginAsync("gate")).PatchAsJsonAsync($"/api/cases/{id}", new { status = "Died" })).StatusCode);
    }

    [Fact]
    public async Task A_suspected_case_is_excluded_or_confirmed_and_impossible_moves_are_refused_naming_the_field()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var now = host.Time.GetUtcNow().UtcDateTime;
        async Task<long> Suspected(long person) => (await (await epi.PostAsJsonAsync("/api/cases",
            new { personId = person, @class = "Suspected", foundBy = "FeverClinic", firstPositiveSampledAtUtc = now.AddHours(-3) })).JsonAsync()).GetProperty("id").GetInt64();
        var excluded = await Suspected(host.Scenario.Alice.Id);
        var confirmed = await Suspected(host.Scenario.Bob.Id);
        var asymptomatic = (await (await epi.PostAsJsonAsync("/api/cases", new { personId = host.Scenario.Carol.Id, firstPositiveSampledAtUtc = now.AddHours(-3) })).JsonAsync()).GetProperty("id").GetInt64();

        // Refused, each naming its field, and nothing written: a suspected case is neither asymptomatic, discharged nor
        // released; nothing else becomes suspected; only a suspected case is excluded.
        foreach (var (id, body, field) in new (long, object, string)[]
        {
            (excluded, new { @class = "Asymptomatic" }, "class"),
            (excluded, new { status = "Released" }, "status"),
            (excluded, new { status = "Discharged" }, "status"),
            (asymptomatic, new { @class = "Suspected" }, "class"),
            (asymptomatic, new { status = "Excluded" }, "status"),
            (confirmed, new { @class = "Common", status = "Excluded" }, "status"),
        })
        {
            var r = await epi.PatchAsJsonAsync($"/api/cases/{id}", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains($"\"{field}\"", await r.Content.ReadAsStringAsync());
        }
        await using (var db = host.Db())
        {
            Assert.Equal(3, await db.CaseEvents.CountAsync()); // the three reports only
            Assert.All(await db.Cases.ToListAsync(), c => Assert.Null(c.SuspectedConfirmedAtUtc));
        }

        Assert.Equal(HttpStatusCode.OK, (await epi.PatchAsJsonAsync($"/api/cases/{excluded}", new { status = "Excluded", note = "两次核酸阴性" })).StatusCode);
        var common = await (await epi.PatchAsJsonAsync($"/api/cases/{confirmed}", new { @class = "Common", onsetDate = DateOnly.FromDateTime(now.AddDays(-1)) })).JsonAsync();
        Assert.Equal("Common", common.GetProperty("class").GetString());
        Assert.Equal(JsonValueKind.Null, common.GetProperty("convertedAtUtc").ValueKind); // not an asymptomatic conversion
        var closed = await epi.PatchAsJsonAsync($"/api/cases/{excluded}", new { @class = "Mild" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);

        await using var after = host.Db();
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var x = await after.Cases.SingleAsync(c => c.Id == excluded);
        Assert.Equal((CaseStatus.Excluded, today, today, (DateOnly?)null), (x.Status, x.SuspectedOn!.Value, x.ExcludedOn!.Value, x.EndedOn));
        var y = await after.Cases.SingleAsync(c => c.Id == confirmed);
        Assert.Equal((today, today, today), (y.SuspectedOn!.Value, y.SuspectedConfirmedOn!.Value, y.ConfirmedOn!.Value));
        Assert.Null((await after.Cases.SingleAsync(c => c.Id == asymptomatic)).SuspectedOn);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Supervision;

public sealed class InspectionFlowTestsSqlite() : InspectionFlowTests(StorageProvider.Sqlite);
public sealed class InspectionFlowTestsPostgres() : InspectionFlowTests(StorageProvider.Postgres);

/// <summary>
/// Inspections and disinfection (issue 24 parts 2 and 4): an inspector records two problems at the market — one fixed on
/// the spot, one handed to a unit with a deadline and a photo; the unit answers late → overdue, counted in the figures
/// by district and category and in the filtered list; the group confirms. A venue's manager records disinfection for
/// their own venue only; the register counts it. Bad input names the field and writes nothing.
/// </summary>
public abstract class InspectionFlowTests(StorageProvider provider)
{
    /// <summary>A 1×1 PNG.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    [Fact]
    public async Task A_problem_handed_over_and_answered_late_is_overdue_in_the_figures_and_the_list()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var inspector = await host.LoginAsync("inspector");
        var supervisor = await host.LoginAsync("supervisor");
        var now = host.Time.GetUtcNow().UtcDateTime;

        var inspection = await Ok(await inspector.PostAsJsonAsync("/api/supervision/inspections", new
        {
            placeKind = "Venue",
            venueId = Scenario.OtherVenueId,
            findings = new object[]
            {
                new { category = "Temperature", severity = "Minor", description = "测温枪电量不足，已更换", fixedOnSpot = true },
                new { category = "Disinfection", severity = "Serious", description = "消杀记录缺失三天", fixedOnSpot = false, responsibleUnit = "龙山区市场监督管理局", deadline = now.AddDays(1), photo = Png },
            },
        }));
        var findings = inspection.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        var handed = findings.Single(f => f.GetProperty("state").GetString() == "HandedOver");
        var id = handed.GetProperty("id").GetInt64();
        Assert.True(handed.GetProperty("hasPhoto").GetBoolean());
        var photo = await inspector.GetAsync($"/api/supervision/findings/{id}/photo");
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);

        // Two days later the unit answers: late, so it stays overdue.
        host.Time.Advance(TimeSpan.FromDays(2));
        // Two days on the fake clock outlive the sign-in sessions: sign in again.
        inspector = await host.LoginAsync("inspector");
        supervisor = await host.LoginAsync("supervisor");
        Assert.Equal(1, (await Ok(await supervisor.GetAsync("/api/supervision/findings?overdue=true"))).GetArrayLength());
        var answered = await Ok(await supervisor.PostAsJsonAsync($"/api/supervision/findings/{id}/answer", new { answer = "已督促市场补齐消杀记录并每日三次消杀" }));
        Assert.Equal("Answered", answered.GetProperty("state").GetString());
        Assert.True(answered.GetProperty("overdue").GetBoolean());

        var figures = await Ok(await supervisor.GetAsync("/api/supervision/figures"));
        var district = figures.EnumerateArray().Single(f => f.GetProperty("districtCode").GetString() == "220402" && f.GetProperty("category").ValueKind == JsonValueKind.Null);
        Assert.Equal((1, 2, 1, 1, 1), (district.GetProperty("inspections").GetInt32(), district.GetProperty("problems").GetInt32(),
            district.GetProperty("fixedOnSpot").GetInt32(), district.GetProperty("handedOver").GetInt32(), district.GetProperty("overdue").GetInt32()));
        var disinfection = figures.EnumerateArray().Single(f => f.GetProperty("category").ValueKind == JsonValueKind.String && f.GetProperty("category").GetString() == "Disinfection");
        var overdueList = await Ok(await supervisor.GetAsync("/api/supervision/findings?overdue=true&category=Disinfection"));
        Assert.Equal(disinfection.GetProperty("overdue").GetInt32(), overdueList.GetArrayLength());

        var confirmed = await Ok(await inspector.PostAsync($"/api/supervision/findings/{id}/confirm", null));
        Assert.Equal("Confirmed", confirmed.GetProperty("state").GetString());
        var csv = await inspector.GetAsync("/api/supervision/findings.csv");
        Assert.Contains("消杀记录缺失三天", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disinfection_is_recorded_for_ones_own_venue_and_bad_input_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var manager = await host.LoginAsync("manager");
        var inspector = await host.LoginAsync("inspector");
        var now = host.Time.GetUtcNow().UtcDateTime;

        await Ok(await manager.PostAsJsonAsync($"/api/supervision/venues/{Scenario.HallId}/disinfections",
            new { at = now.AddMinutes(-30), area = "一楼大厅", agent = "含氯消毒液 500mg/L", person = "王保洁" }));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/supervision/venues/{Scenario.OtherVenueId}/disinfections",
            new { area = "市场", agent = "84", person = "某人" })).StatusCode);
        var register = await Ok(await inspector.GetAsync($"/api/supervision/venues/{Scenario.HallId}/disinfections"));
        Assert.Equal(2, register.GetProperty("requiredToday").GetInt32()); // a service hall: twice a day
        Assert.Equal(1, register.GetProperty("recordedToday").GetInt32());
        Assert.Equal("一楼大厅", register.GetProperty("records")[0].GetProperty("area").GetString());

        (HttpClient Client, string Url, object Body, string Field)[] cases =
        [
            (manager, $"/api/supervision/venues/{Scenario.HallId}/disinfections", new { area = "", agent = "84", person = "王" }, "area"),
            (manager, $"/api/supervision/venues/{Scenario.HallId}/disinfections", new { at = now.AddDays(-3), area = "大厅", agent = "84", person = "王" }, "at"),
            (inspector, "/api/supervision/inspections", new { venueId = Scenario.OtherVenueId }, "placeKind"),
            (inspector, "/api/supervision/inspections", new { placeKind = "Venue", venueId = Scenario.OtherVenueId, findings = new object[] { new { category = 99, severity = "Minor", description = "x" } } }, "findings[0].category"),
            (inspector, "/api/supervision/inspections", new { placeKind = "Venue", venueId = Scenario.OtherVenueId, findings = new object[] { new { category = "Crowding", severity = "Minor", description = "聚集", fixedOnSpot = false, responsibleUnit = "街道办" } } }, "findings[0].deadline"),
            (inspector, "/api/supervision/inspections", new { placeKind = "Venue", venueId = Scenario.OtherVenueId, findings = new object[] { new { category = "Crowding", severity = "Minor", description = "聚集", fixedOnSpot = true, photo = "bm90IGFuIGltYWdl" } } }, "findings[0].photo"),
            (inspector, "/api/supervision/inspections", new { placeKind = "Compound", placeName = "福民小区", districtCode = "220403" }, "districtCode"),
        ];
        foreach (var (client, url, body, field) in cases)
        {
            var r = await client.PostAsJsonAsync(url, body);
            var text = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{url} {field}: {(int)r.StatusCode} {text}");
            Assert.Contains($"\"{field}\"", text);
        }
        await using var db = host.Db();
        Assert.Equal((1, 0, 0), (await db.DisinfectionRecords.CountAsync(), await db.Inspections.CountAsync(), await db.Findings.CountAsync()));
    }
}

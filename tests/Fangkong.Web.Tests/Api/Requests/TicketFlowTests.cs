using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Zones;
using Fangkong.Domain.Zones;
using Fangkong.Web.Tests.Api.Command;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Requests;

public sealed class TicketFlowTestsSqlite() : TicketFlowTests(StorageProvider.Sqlite);
public sealed class TicketFlowTestsPostgres() : TicketFlowTests(StorageProvider.Postgres);

/// <summary>
/// Citizens' requests end to end over HTTP: a hotline call becomes a ticket routed by the caller's address, is resolved by
/// the community, the caller reads the answer and reopens it; overdue tickets go up; a platform's retries and file
/// imports never duplicate; a medical emergency behind a sealed door goes to the district at once; bad input writes nothing;
/// the dashboard's figures equal their lists.
/// </summary>
public abstract class TicketFlowTests(StorageProvider provider)
{
    // Alice lives in the scenario's one household (福民小区, 福镇社区, 向阳街道, 龙山区 220402); her phone is 13800000001.
    private static async Task<ApiHost> StartAsync(StorageProvider provider)
    {
        var host = await ApiHost.StartAsync(provider);
        await using var db = host.Db();
        await db.Persons.Where(p => p.Id == host.Scenario.Alice.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.HouseholdId, (long?)Scenario.HouseholdId).SetProperty(p => p.DistrictCode, "220402").SetProperty(p => p.CommunityId, (long?)Scenario.CommunityId));
        return host;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    [Fact]
    public async Task A_hotline_request_for_medicine_is_routed_by_address_resolved_read_by_the_caller_and_reopened()
    {
        await using var host = await StartAsync(provider);
        var hotline = await host.LoginAsync("hotline");

        // The caller's number finds Alice's household.
        var found = await Ok(await hotline.GetAsync("/api/requests/callers?phone=138-0000-0001"));
        var match = found[0];
        Assert.Equal(host.Scenario.Alice.Id, match.GetProperty("personId").GetInt64());
        Assert.DoesNotContain(host.Scenario.Alice.Name, found.GetRawText());
        Assert.Equal("福镇社区", match.GetProperty("household").GetProperty("community").GetString());

        var body = new { idempotencyKey = "hotline-call-0001", category = "Medicine", text = "家中老人降压药快吃完了", callerPhone = "13800000001", personId = host.Scenario.Alice.Id };
        var created = await hotline.PostAsJsonAsync("/api/requests", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = await created.JsonAsync();
        var id = ticket.GetProperty("id").GetInt64();
        Assert.StartsWith("T", ticket.GetProperty("number").GetString());
        Assert.Equal("Community", ticket.GetProperty("unit").GetString());
        Assert.Equal("福镇社区", ticket.GetProperty("unitName").GetString());
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime.AddHours(12), ticket.GetProperty("dueAtUtc").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        // A retry answers with the same ticket; the key for another request is refused naming it.
        Assert.Equal(id, (await Ok(await hotline.PostAsJsonAsync("/api/requests", body))).GetProperty("id").GetInt64());
        var reused = await hotline.PostAsJsonAsync("/api/requests", body with { text = "另一件事情需要帮助" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(["idempotencyKey"], (await reused.JsonAsync()).ProblemFields());

        // The community's officer has it in the queue and works it to an answer.
        var officer = await host.LoginAsync("officer");
        var queue = await Ok(await officer.GetAsync("/api/requests"));
        Assert.Equal(id, queue.GetProperty("items")[0].GetProperty("id").GetInt64());
        await Ok(await officer.PostAsJsonAsync($"/api/requests/{id}/assign", new { assignedTo = "王丽" }));
        await Ok(await officer.PostAsJsonAsync($"/api/requests/{id}/handle", new { note = "已联系社区药店" }));
        var resolved = await Ok(await officer.PostAsJsonAsync($"/api/requests/{id}/resolve", new { answer = "药品已由网格员送到家门口" }));
        Assert.Equal("Resolved", resolved.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/requests/{id}/resolve", new { answer = "再次办结一遍" })).StatusCode);

        // Alice reads the answer on her phone, and reopens it.
        var resident = await host.LoginAsync("resident");
        var mine = await Ok(await resident.GetAsync("/api/requests/me"));
        Assert.Equal("药品已由网格员送到家门口", mine[0].GetProperty("answer").GetString());
        var reopened = await Ok(await resident.PostAsJsonAsync($"/api/requests/me/{id}/reopen", new { reason = "送来的药不对" }));
        Assert.Equal("Reopened", reopened.GetProperty("state").GetString());
        Assert.Equal(1, reopened.GetProperty("reopened").GetInt32());
        Assert.Equal(["Received", "Assigned", "Handled", "Resolved", "Reopened"], reopened.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(id, (await Ok(await officer.GetAsync("/api/requests"))).GetProperty("items")[0].GetProperty("id").GetInt64());

        // Another district's officer does not see it.
        var epiY = await host.LoginAsync("epi-y");
        Assert.Equal(HttpStatusCode.NotFound, (await epiY.GetAsync($"/api/requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_overdue_ticket_goes_up_to_the_street_then_the_district_and_a_sealed_in_emergency_goes_to_the_district_at_once()
    {
        await using var host = await StartAsync(provider);
        var hotline = await host.LoginAsync("hotline");
        var id = (await Ok(await hotline.PostAsJsonAsync("/api/requests", new { idempotencyKey = "hotline-call-0002", category = "Supplies", text = "家里没有蔬菜了", callerPhone = "13800000001", personId = host.Scenario.Alice.Id })))
            .GetProperty("id").GetInt64();
        // Sessions last 12 hours: each reader signs in after the clock moves.
        host.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        var epi = await host.LoginAsync("epi");
        var row = (await Ok(await epi.GetAsync("/api/requests?overdue=true"))).GetProperty("items")[0];
        Assert.Equal((id, "Street", "Escalated", true), (row.GetProperty("id").GetInt64(), row.GetProperty("unit").GetString(), row.GetProperty("state").GetString(), row.GetProperty("overdue").GetBoolean()));
        host.Time.Advance(TimeSpan.FromHours(12));
        epi = await host.LoginAsync("epi");
        hotline = await host.LoginAsync("hotline");
        Assert.Equal("District", (await Ok(await epi.GetAsync($"/api/requests?overdue=true"))).GetProperty("items")[0].GetProperty("unit").GetString());

        // Seal Alice's compound: her chest pain is urgent, raised to the district, with the closed-loop transport steps.
        await using (var db = host.Db())
        {
            db.Zones.Add(new Zone
            {
                Id = 9001,
                Name = "福民小区",
                Level = ZoneLevel.Sealed,
                DistrictCode = "220402",
                State = ZoneState.Active,
                ProposedAtUtc = host.Time.GetUtcNow().UtcDateTime,
                ReasonKey = "Zones.Reason.Drawn",
                ReasonArgs = [],
                PolicyVersion = "test",
            });
            db.ZoneHouseholds.Add(new ZoneHousehold { ZoneId = 9001, HouseholdId = Scenario.HouseholdId, CompoundId = 1 });
            await db.SaveChangesAsync();
        }
        var emergency = await Ok(await hotline.PostAsJsonAsync("/api/requests", new
        {
            idempotencyKey = "hotline-call-0003",
            category = "MedicalCare",
            emergency = "ChestPain",
            text = "老人胸痛，需要去医院",
            callerPhone = "13800000001",
            personId = host.Scenario.Alice.Id,
        }));
        Assert.Equal(("Urgent", true, true), (emergency.GetProperty("urgency").GetString(), emergency.GetProperty("sealedIn").GetBoolean(), emergency.GetProperty("raisedToDistrict").GetBoolean()));
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime.AddMinutes(30), emergency.GetProperty("dueAtUtc").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(4, emergency.GetProperty("transportSteps").GetArrayLength());
        var eid = emergency.GetProperty("id").GetInt64();
        // The district has it in its queue, after the one long overdue; its steps are recorded in order.
        var epiX = await host.LoginAsync("epi-x");
        Assert.Equal([id, eid], (await Ok(await epiX.GetAsync("/api/requests"))).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, (await epiX.PostAsJsonAsync($"/api/requests/{eid}/transport", new { step = "AtHospital" })).StatusCode);
        Assert.Equal(1, (await Ok(await epiX.PostAsJsonAsync($"/api/requests/{eid}/transport", new { step = "VehicleSent" }))).GetProperty("transportDone").GetInt32());
    }

    [Fact]
    public async Task A_platforms_retries_and_its_file_imported_twice_make_each_ticket_once()
    {
        await using var host = await StartAsync(provider);
        var hotline = await host.LoginAsync("hotline");
        var call = new { idempotencyKey = "prov-12345-000777", category = "Testing", text = "核酸结果一直没出来", platform = "吉林省12345", callerPhone = "13800000002" };
        var first = await Ok(await hotline.PostAsJsonAsync("/api/requests/platform", call));
        var second = await Ok(await hotline.PostAsJsonAsync("/api/requests/platform", call));
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal("Platform", first.GetProperty("source").GetString());

        var csv = "工单编号,来电号码,姓名,诉求类别,诉求内容\nJL-0001,13800000001,张小明,药品,需要胰岛素\nJL-0002,13900000009,王五,Supplies,需要大米和面粉\n"
            .Replace("药品", "购药", StringComparison.Ordinal);
        async Task<JsonElement> Import() => await Ok(await hotline.PostAsync("/api/requests/import?platform=吉林省12345",
            new StringContent(csv, System.Text.Encoding.UTF8, "text/csv")));
        var report = await Import();
        Assert.Equal((2, 2, 0), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32(), report.GetProperty("alreadyImported").GetInt32()));
        var again = await Import();
        Assert.Equal((0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("alreadyImported").GetInt32()));
        await using var db = host.Db();
        Assert.Equal(3, await db.Tickets.CountAsync());
        // The number one resident has found her household.
        Assert.Equal(Scenario.HouseholdId, (await db.Tickets.SingleAsync(t => t.SourceKey == "x:吉林省12345:JL-0001")).HouseholdId);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_writes_nothing()
    {
        await using var host = await StartAsync(provider);
        var hotline = await host.LoginAsync("hotline");
        async Task Refused(string url, object body, string field)
        {
            var r = await hotline.PostAsJsonAsync(url, body);
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{url}: {(int)r.StatusCode}");
            Assert.Equal([field], (await r.JsonAsync()).ProblemFields());
        }
        await Refused("/api/requests", new { idempotencyKey = "bad-input-0001", text = "没有类别的诉求", callerPhone = "13800000001" }, "category");
        await Refused("/api/requests", new { idempotencyKey = "bad-input-0002", category = "Medicine", text = "药", callerPhone = "13800000001" }, "text");
        await Refused("/api/requests", new { idempotencyKey = "bad-input-0003", category = "Medicine", text = "需要药品帮助" }, "callerPhone");
        await Refused("/api/requests", new { idempotencyKey = "bad-input-0004", category = "Medicine", text = "需要药品帮助", callerPhone = "12345" }, "callerPhone");
        await Refused("/api/requests", new { idempotencyKey = "bad", category = "Medicine", text = "需要药品帮助", callerPhone = "13800000001" }, "idempotencyKey");
        await Refused("/api/requests", new { idempotencyKey = "bad-input-0005", category = "Medicine", text = "需要药品帮助", callerPhone = "13800000001", personId = 999999 }, "personId");
        await Refused("/api/requests/platform", new { idempotencyKey = "bad-input-0006", category = "Medicine", text = "需要药品帮助" }, "platform");
        var badFile = await hotline.PostAsync("/api/requests/import?platform=p1", new StringContent("工单编号,诉求类别,诉求内容\nA1,药品?,需要药\nA2,购药,需要药品帮助\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badFile.StatusCode);
        var problems = (await badFile.JsonAsync()).GetProperty("problems");
        Assert.Equal((2, "category"), (problems[0].GetProperty("line").GetInt32(), problems[0].GetProperty("field").GetString()));
        await using var db = host.Db();
        Assert.Equal(0, await db.Tickets.CountAsync());
        Assert.Equal(0, await db.TicketEvents.CountAsync());
    }

    [Fact]
    public async Task The_dashboards_request_figures_equal_their_lists_and_the_bulletin_reports_them()
    {
        await using var host = await StartAsync(provider);
        var hotline = await host.LoginAsync("hotline");
        var officer = await host.LoginAsync("officer");
        long File(JsonElement t) => t.GetProperty("id").GetInt64();
        var ids = new List<long>();
        foreach (var (i, category) in new[] { (1, "Medicine"), (2, "Supplies"), (3, "Supplies"), (4, "Psychological") })
            ids.Add(File(await Ok(await hotline.PostAsJsonAsync("/api/requests", new { idempotencyKey = $"figure-call-000{i}", category, text = "需要帮助的诉求" + i, callerPhone = "13800000001", personId = host.Scenario.Alice.Id }))));
        await Ok(await hotline.PostAsJsonAsync("/api/requests", new { idempotencyKey = "figure-call-0009", category = "Other", text = "地址不明的来电", callerPhone = "13900000000" }));
        await Ok(await officer.PostAsJsonAsync($"/api/requests/{ids[0]}/resolve", new { answer = "已经送药上门" }));
        await Ok(await officer.PostAsJsonAsync($"/api/requests/{ids[1]}/resolve", new { answer = "已经送菜上门" }));
        host.Time.Advance(TimeSpan.FromHours(5)); // the psychological request (4 h) is overdue now

        var epi = await host.LoginAsync("epi");
        var figures = (await Ok(await epi.GetAsync("/api/dashboard?fresh=true"))).GetProperty("figures").EnumerateArray()
            .Where(f => f.GetProperty("key").GetString()!.StartsWith("tickets.", StringComparison.Ordinal)).ToList();
        Assert.True(await DashboardChecks.FiguresMatchListsAsync(epi, figures) >= 30);
        Assert.Equal((5, 2, 2, 1), (DashboardChecks.Value(figures, "tickets.received"), DashboardChecks.Value(figures, "tickets.resolved"),
            DashboardChecks.Value(figures, "tickets.resolvedToday"), DashboardChecks.Value(figures, "tickets.overdue")));
        Assert.Equal(4, DashboardChecks.Value(figures, "tickets.district.220402.received"));

        // The bulletin's press figures carry the same line.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var clock = scope.ServiceProvider.GetRequiredService<Fangkong.Core.Common.CityClock>();
        var press = await Fangkong.Core.Command.BulletinPressFigures.AddAsync(db, clock,
            new Fangkong.Domain.Command.BulletinFigures { Day = clock.Today, Level = Fangkong.Domain.Command.BulletinLevel.City, AreaName = "辽源市", AreaEnglishName = "Liaoyuan" }, default);
        Assert.Equal((5, 2, 5, 2), (press.RequestsReceivedToday, press.RequestsResolvedToday, press.RequestsReceived, press.RequestsResolved));
        // Overdue in the press line is the overdue list's count, as on the dashboard.
        Assert.Equal(DashboardChecks.Value(figures, "tickets.overdue"), press.RequestsOverdue);
        Assert.Equal(1, (await Ok(await epi.GetAsync("/api/lists/tickets?overdue=true"))).GetProperty("count").GetInt32());
        Assert.Contains("超期未办结1件", Fangkong.Domain.Command.BulletinCityChinese.Text(press), StringComparison.Ordinal);
    }
}

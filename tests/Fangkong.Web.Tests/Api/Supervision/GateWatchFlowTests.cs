using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Supervision;

public sealed class GateWatchFlowTestsSqlite() : GateWatchFlowTests(StorageProvider.Sqlite);
public sealed class GateWatchFlowTestsPostgres() : GateWatchFlowTests(StorageProvider.Postgres);

/// <summary>
/// Unattended gates found by the data (issue 24 part 1): the hall's gate falls silent for two hours while open → an
/// alert to its district with the evidence (last record, hours, counts), the command center's count by district equal to
/// the list, cleared when the gate records again; a closure order makes the gate refuse entry naming the order, and
/// the reopening order restores it.
/// </summary>
public abstract class GateWatchFlowTests(StorageProvider provider)
{
    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static async Task RunWatchAsync(ApiHost host)
    {
        await using var db = host.Db();
        await host.Services.GetRequiredService<GateWatchRun>().RunAsync(db, default);
    }

    private static JsonElement? HallAlert(JsonElement list) =>
        list.EnumerateArray().Where(a => a.GetProperty("venueId").GetInt64() == Scenario.HallId).Select(a => (JsonElement?)a).FirstOrDefault();

    [Fact]
    public async Task A_gate_silent_for_two_hours_while_open_raises_an_alert_with_evidence_cleared_when_records_resume()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var supervisor = await host.LoginAsync("supervisor");
        var command = await host.LoginAsync("command");

        // 10:00 in the city: the hall (08:30–17:00) records an entry with a temperature.
        var entered = await Ok(await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m));
        Assert.Equal("Admit", entered.GetProperty("outcome").GetString());
        await RunWatchAsync(host);
        Assert.Null(HallAlert(await Ok(await supervisor.GetAsync("/api/supervision/gate-alerts"))));

        // Two hours and a minute of silence while open.
        host.Time.Advance(TimeSpan.FromMinutes(121));
        await RunWatchAsync(host);
        var list = await Ok(await supervisor.GetAsync("/api/supervision/gate-alerts"));
        var alert = HallAlert(list) ?? throw new Xunit.Sdk.XunitException("no alert for the silent hall");
        Assert.Equal(["Silent"], alert.GetProperty("signs").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("220402", alert.GetProperty("districtCode").GetString());
        Assert.Equal(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), alert.GetProperty("lastRecordUtc").GetDateTime().ToUniversalTime());
        Assert.Equal("08:30:00", alert.GetProperty("opens").GetString());
        Assert.Equal(new DateTime(2026, 11, 20, 0, 30, 0, DateTimeKind.Utc), alert.GetProperty("openSinceUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(0, alert.GetProperty("gateEntries").GetInt32());

        // The command center's figure by district equals the district's list.
        var byDistrict = await Ok(await command.GetAsync("/api/supervision/gate-alerts/by-district"));
        var longshan = byDistrict.EnumerateArray().Single(d => d.GetProperty("districtCode").GetString() == "220402");
        var districtList = await Ok(await command.GetAsync("/api/supervision/gate-alerts?district=220402"));
        Assert.Equal(districtList.GetArrayLength(), longshan.GetProperty("venues").GetInt32());

        // Records resume: the next evaluation clears the alert.
        await Ok(await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.6m));
        await RunWatchAsync(host);
        Assert.Null(HallAlert(await Ok(await supervisor.GetAsync("/api/supervision/gate-alerts"))));
        var all = await Ok(await supervisor.GetAsync("/api/supervision/gate-alerts?all=true"));
        Assert.NotNull(HallAlert(all)?.GetProperty("clearedAtUtc").GetDateTime());

        // Another district's supervisor would not see it: the alert is 龙山区's (the area filter).
        await using var db = host.Db();
        Assert.All(db.GateAlerts.ToList(), a => Assert.Equal("220402", a.DistrictCode));
    }

    [Fact]
    public async Task A_closure_order_makes_the_gate_refuse_entry_naming_the_order_and_reopening_restores_it()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var supervisor = await host.LoginAsync("supervisor");
        var now = host.Time.GetUtcNow().UtcDateTime;

        // Bad input names the field and writes nothing.
        (object Body, string Field)[] bad =
        [
            (new { districtCode = "220402", venueIds = new[] { Scenario.HallId }, from = now, text = "暂停营业", authority = "龙山区指挥部" }, "number"),
            (new { number = "5号", districtCode = "220402", from = now, text = "暂停营业", authority = "龙山区指挥部" }, "venueTypes"),
            (new { number = "5号", districtCode = "220403", venueTypes = new[] { "Market" }, from = now, text = "暂停营业", authority = "西安区指挥部" }, "districtCode"),
            (new { number = "5号", districtCode = "220402", venueIds = new[] { 999L }, from = now, text = "暂停营业", authority = "龙山区指挥部" }, "venueIds"),
            (new { number = "5号", districtCode = "220402", venueIds = new[] { Scenario.HallId }, text = "暂停营业", authority = "龙山区指挥部" }, "from"),
            (new { number = "5号", districtCode = "220402", venueIds = new[] { Scenario.HallId }, from = now, text = "暂停\u0001营业", authority = "龙山区指挥部" }, "text"),
        ];
        foreach (var (body, field) in bad)
        {
            var r = await supervisor.PostAsJsonAsync("/api/supervision/closures", body);
            var text = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{field}: {(int)r.StatusCode} {text}");
            Assert.Contains($"\"{field}\"", text);
        }
        await using (var db = host.Db()) Assert.Equal(0, db.ClosureOrders.Count());

        var order = await Ok(await supervisor.PostAsJsonAsync("/api/supervision/closures", new
        {
            number = "辽龙疫指〔2026〕5号",
            districtCode = "220402",
            venueIds = new[] { Scenario.HallId },
            from = now,
            text = "即日起暂停政务服务中心线下办理业务",
            authority = "龙山区疫情防控指挥部",
        }));
        var denied = await Ok(await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m));
        Assert.Equal("Deny", denied.GetProperty("outcome").GetString());
        Assert.Equal(["ClosedByOrder"], denied.Reasons());
        Assert.Contains("辽龙疫指〔2026〕5号", denied.GetProperty("note").GetString());

        var closed = await Ok(await supervisor.GetAsync("/api/supervision/closures/venues"));
        Assert.Equal(Scenario.HallId, closed.EnumerateArray().Single().GetProperty("venueId").GetInt64());

        host.Time.Advance(TimeSpan.FromHours(1));
        var id = order.GetProperty("id").GetInt64();
        await Ok(await supervisor.PostAsJsonAsync($"/api/supervision/closures/{id}/reopen", new
        {
            number = "辽龙疫指〔2026〕9号",
            from = host.Time.GetUtcNow().UtcDateTime,
            text = "恢复线下办理",
            authority = "龙山区疫情防控指挥部",
        }));
        var admitted = await Ok(await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m));
        Assert.Equal("Admit", admitted.GetProperty("outcome").GetString());
        Assert.Equal(0, (await Ok(await supervisor.GetAsync("/api/supervision/closures/venues"))).GetArrayLength());
        var again = await supervisor.PostAsJsonAsync($"/api/supervision/closures/{id}/reopen", new { number = "10号", from = host.Time.GetUtcNow().UtcDateTime, text = "再次", authority = "指挥部" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, again.StatusCode);
    }
}

using System.Net.Http.Json;
using Fangkong.Core.Audit;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Audit;

public sealed class AuditAlarmTestsSqlite() : AuditAlarmTests(StorageProvider.Sqlite);
public sealed class AuditAlarmTestsPostgres() : AuditAlarmTests(StorageProvider.Postgres);

/// <summary>Alarms (Policy:Audit) raised by the act that crosses a threshold — at threshold + 1, not at the threshold.</summary>
public abstract class AuditAlarmTests(StorageProvider provider)
{
    private const string Window = "from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z&purpose=case-2026-1";

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(provider, web: b =>
    {
        b.UseSetting("Policy:Audit:PersonsPerWindow", "2");
        b.UseSetting("Policy:Audit:ManualRequestsPerWindow", "2");
    });

    private static async Task<List<AuditAlarm>> AlarmsAsync(ApiHost host, string kind)
    {
        await using var db = host.Db();
        return await db.AuditAlarms.Where(a => a.Kind == kind).ToListAsync();
    }

    [Fact]
    public async Task One_officer_reading_more_people_than_the_threshold_raises_one_alarm_at_the_read_that_crosses_it()
    {
        await using var host = await StartAsync();
        var epi = await host.LoginAsync("epi");
        var s = host.Scenario;
        foreach (var p in new[] { s.Alice.Id, s.Bob.Id, s.Alice.Id })
            (await epi.GetAsync($"/api/tracing/persons/{p}/trajectory?{Window}")).EnsureSuccessStatusCode();
        Assert.Empty(await AlarmsAsync(host, AuditAlarmKinds.Volume)); // two people, however often: at the threshold

        (await epi.GetAsync($"/api/tracing/persons/{s.Carol.Id}/trajectory?{Window}")).EnsureSuccessStatusCode();
        var alarm = Assert.Single(await AlarmsAsync(host, AuditAlarmKinds.Volume));
        Assert.StartsWith("3/2/", alarm.Detail);
        var admin = await host.LoginAsync("admin");
        var listed = await (await admin.GetAsync("/api/audit/alarms")).JsonAsync();
        Assert.Equal(1, listed.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Manual_colours_in_bulk_and_without_an_epidemiological_fact_raise_alarms()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        var admin2 = await host.LoginAsync("admin2");
        var s = host.Scenario;
        var founded = await (await admin.PostAsJsonAsync("/api/codes/manual", new { personId = s.Alice.Id, colour = "Yellow", reason = "病例C2026-0042的密接" })).JsonAsync();
        var unfounded = await (await admin.PostAsJsonAsync("/api/codes/manual", new { personId = s.Bob.Id, colour = "Red", reason = "上级要求处理" })).JsonAsync();
        Assert.Empty(await AlarmsAsync(host, AuditAlarmKinds.BulkManual));
        (await admin.PostAsJsonAsync("/api/codes/manual", new { personId = s.Carol.Id, colour = "Red", reason = "上级要求处理" })).EnsureSuccessStatusCode();
        Assert.Single(await AlarmsAsync(host, AuditAlarmKinds.BulkManual));

        (await admin2.PostAsJsonAsync($"/api/codes/manual/{founded.GetProperty("id").GetInt64()}/decision", new { approve = true })).EnsureSuccessStatusCode();
        Assert.Empty(await AlarmsAsync(host, AuditAlarmKinds.Unfounded));
        (await admin2.PostAsJsonAsync($"/api/codes/manual/{unfounded.GetProperty("id").GetInt64()}/decision", new { approve = true })).EnsureSuccessStatusCode();
        var alarm = Assert.Single(await AlarmsAsync(host, AuditAlarmKinds.Unfounded));
        Assert.Equal("manual:" + unfounded.GetProperty("id").GetInt64(), alarm.Detail);
    }

    [Fact]
    public async Task An_export_outside_working_hours_raises_an_alarm_and_one_inside_does_not()
    {
        await using var host = await StartAsync();
        var epi = await host.LoginAsync("epi");
        (await epi.PostAsJsonAsync("/api/exports", new { list = "cases", format = "csv" })).EnsureSuccessStatusCode(); // 10:00 city time
        Assert.Empty(await AlarmsAsync(host, AuditAlarmKinds.OddHourExport));

        host.Time.Advance(TimeSpan.FromHours(13.5)); // 23:30 city time; the morning's sign-in has expired
        epi = await host.LoginAsync("epi");
        (await epi.PostAsJsonAsync("/api/exports", new { list = "tests", format = "csv" })).EnsureSuccessStatusCode();
        var alarm = Assert.Single(await AlarmsAsync(host, AuditAlarmKinds.OddHourExport));
        Assert.Equal("2026-11-20 23:30", alarm.Detail);
    }
}

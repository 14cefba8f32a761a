using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Gate;

public sealed class GateFlowTestsSqlite() : GateFlowTests(StorageProvider.Sqlite);
public sealed class GateFlowTestsPostgres() : GateFlowTests(StorageProvider.Postgres);

/// <summary>Check-in and check-out over real HTTP, on each store.</summary>
public abstract class GateFlowTests(StorageProvider provider)
{
    [Fact]
    public async Task Notes_and_refusals_are_worded_for_each_caller_though_one_loop_decides_every_group()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var chinese = await host.LoginAsync("gate");
        var english = await host.LoginAsync("gate");
        await english.ReadInEnglishAsync();
        static async Task<string?> NoteAsync(HttpResponseMessage r) => (await r.JsonAsync()).GetProperty("note").GetString();

        // The first request starts the gate's loop, in Chinese; an English caller still reads English.
        var key = Guid.NewGuid().ToString("N");
        Assert.Null(await NoteAsync(await chinese.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m, key)));
        Assert.Equal("already inside", await NoteAsync(await english.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m)));
        Assert.Equal("已在场内", await NoteAsync(await chinese.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m)));
        Assert.Equal("retry: the first answer is returned", await NoteAsync(await english.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m, key)));
        Assert.Equal("重复提交，返回首次结果", await NoteAsync(await chinese.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m, key)));
        Assert.Equal("no open entry at this venue", await NoteAsync(await english.CheckOutAsync(host.Scenario.Bob.DocumentNumber)));
        Assert.Equal("please measure again", await NoteAsync(await english.CheckInAsync(host.Scenario.Bob.DocumentNumber, 33.1m)));

        var reused = await english.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.5m, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("this idempotency key was used for a different request", await reused.Content.ReadAsStringAsync());
        var reusedInChinese = await chinese.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.5m, key);
        Assert.Contains("该幂等键已用于另一次请求", await reusedInChinese.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthy_visitor_is_admitted_and_counted_then_leaves()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");

        var r = await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var a = await r.JsonAsync();
        Assert.Equal("Admit", a.GetProperty("outcome").GetString());
        Assert.Empty(a.Reasons());
        Assert.Equal("张*明", a.GetProperty("maskedName").GetString());
        Assert.Equal(1, a.GetProperty("occupancy").GetInt32());
        Assert.Equal(40, a.GetProperty("capacity").GetInt32());

        var o = await (await gate.CheckOutAsync(host.Scenario.Alice.DocumentNumber)).JsonAsync();
        Assert.Equal(0, o.GetProperty("occupancy").GetInt32());
        await using var db = host.Db();
        var visit = await db.Visits.SingleAsync();
        Assert.NotNull(visit.ExitedAtUtc);
        Assert.False(visit.ExitInferred);
        Assert.Equal(36.5m, visit.Temperature);
    }

    [Fact]
    public async Task Fever_denies_entry_and_turns_the_code_yellow_with_evidence_until_a_negative_test()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var a = await (await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 38.2m)).JsonAsync();
        Assert.Equal("Deny", a.GetProperty("outcome").GetString());
        Assert.Equal(["Fever"], a.Reasons());
        Assert.Equal("Yellow", a.GetProperty("colour").GetString());

        await using (var db = host.Db())
        {
            Assert.Equal(0, await db.Visits.CountAsync());
            var change = await db.HealthCodeChanges.SingleAsync(c => c.PersonId == host.Scenario.Bob.Id);
            Assert.Equal("fever-at-gate-until-negative-test", change.Rule);
            var ev = await db.GateEvents.SingleAsync();
            Assert.Equal($"gate-event:{ev.Id}", change.Evidence);
            Assert.False(string.IsNullOrEmpty(change.PolicyVersion));
        }

        // Yellow now denies entry even with a normal temperature…
        var again = await (await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.6m)).JsonAsync();
        Assert.Equal(["YellowCode"], again.Reasons());

        // …until a negative test sampled after the fever.
        var admin = await host.LoginAsync("admin");
        var t = await admin.PostAsJsonAsync("/api/tests", new { personId = host.Scenario.Bob.Id, sampledAt = host.Time.GetUtcNow().UtcDateTime, outcome = "Negative" });
        Assert.Equal(HttpStatusCode.Created, t.StatusCode);
        var ok = await (await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.6m)).JsonAsync();
        Assert.Equal("Admit", ok.GetProperty("outcome").GetString());
        Assert.Equal("Green", ok.GetProperty("colour").GetString());
    }

    [Theory]
    [InlineData(33.9)]
    [InlineData(43.1)]
    public async Task Implausible_reading_asks_to_remeasure_and_records_nothing(decimal celsius)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var a = await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, celsius)).JsonAsync();
        Assert.Equal("Remeasure", a.GetProperty("outcome").GetString());
        await using var db = host.Db();
        Assert.Equal(0, await db.GateEvents.CountAsync());
        Assert.Equal(0, await db.HealthCodeChanges.CountAsync());
    }

    [Fact]
    public async Task A_retried_request_returns_the_first_answer_and_writes_once()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var key = "device-retry-0001";
        var first = await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.4m, key)).JsonAsync();
        // Concurrent duplicates too, as an offline device flushing its queue twice would send.
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.4m, key)));
        foreach (var r in retries)
        {
            var a = await r.JsonAsync();
            Assert.Equal(first.GetProperty("eventId").GetInt64(), a.GetProperty("eventId").GetInt64());
            Assert.True(a.GetProperty("replayed").GetBoolean());
        }
        await using var db = host.Db();
        Assert.Equal(1, await db.GateEvents.CountAsync());
        Assert.Equal(1, await db.Visits.CountAsync());
    }

    [Fact]
    public async Task A_full_venue_denies_the_next_visitor_and_admits_after_an_exit()
    {
        await using var host = await ApiHost.StartAsync(provider, s => s.HallCapacity = 2);
        var gate = await host.LoginAsync("gate");
        Assert.Empty((await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m)).JsonAsync()).Reasons());
        Assert.Empty((await (await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.5m)).JsonAsync()).Reasons());
        var full = await (await gate.CheckInAsync(host.Scenario.Carol.DocumentNumber, 36.5m)).JsonAsync();
        Assert.Equal(["VenueFull"], full.Reasons());
        await gate.CheckOutAsync(host.Scenario.Alice.DocumentNumber);
        var ok = await (await gate.CheckInAsync(host.Scenario.Carol.DocumentNumber, 36.5m)).JsonAsync();
        Assert.Equal("Admit", ok.GetProperty("outcome").GetString());
        Assert.Equal(2, ok.GetProperty("occupancy").GetInt32());
    }

    [Fact]
    public async Task A_double_swipe_by_someone_inside_is_not_a_second_entry()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m);
        var again = await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m)).JsonAsync();
        Assert.Equal("Admit", again.GetProperty("outcome").GetString());
        Assert.Equal(1, again.GetProperty("occupancy").GetInt32());
        await using var db = host.Db();
        Assert.Equal(1, await db.Visits.CountAsync());
    }

    [Fact]
    public async Task A_venue_requiring_a_recent_negative_test_denies_without_one()
    {
        await using var host = await ApiHost.StartAsync(provider, s => s.HallNegativeTestHours = 48);
        var gate = await host.LoginAsync("gate");
        var admin = await host.LoginAsync("admin");
        var denied = await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m)).JsonAsync();
        Assert.Equal(["NegativeTestRequired"], denied.Reasons());

        var old = host.Time.GetUtcNow().UtcDateTime.AddHours(-50);
        await admin.PostAsJsonAsync("/api/tests", new { personId = host.Scenario.Alice.Id, sampledAt = old, outcome = "Negative" });
        Assert.Equal(["NegativeTestRequired"], (await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m)).JsonAsync()).Reasons());

        await admin.PostAsJsonAsync("/api/tests", new { personId = host.Scenario.Alice.Id, sampledAt = old.AddHours(30), outcome = "Negative" });
        Assert.Empty((await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m)).JsonAsync()).Reasons());
    }

    [Fact]
    public async Task A_first_time_visitor_with_a_valid_card_is_registered_once()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var r = await gate.PostAsJsonAsync("/api/gate/check-in", new { idempotencyKey = "new-visitor-01", idNumber = "11010519491231002x", name = "王建国", temperature = 36.6m });
        var a = await r.JsonAsync();
        Assert.Equal("王*国", a.GetProperty("maskedName").GetString());
        await using var db = host.Db();
        var p = await db.Persons.SingleAsync(x => x.DocumentNumber == "11010519491231002X");
        Assert.Equal(new DateOnly(1949, 12, 31), p.BirthDate);
    }
}

using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Gate;

public sealed class GateKeyReuseTestsSqlite() : GateKeyReuseTests(StorageProvider.Sqlite);
public sealed class GateKeyReuseTestsPostgres() : GateKeyReuseTests(StorageProvider.Postgres);

/// <summary>
/// A gate's idempotency key names one request: sent again, it gets the first answer; sent with another request (another
/// visitor, reading, direction or device time), it is refused with 422 naming idempotencyKey, and nothing is written.
/// </summary>
public abstract class GateKeyReuseTests(StorageProvider provider)
{
    [Fact]
    public async Task A_second_visitors_fever_under_a_used_key_is_refused_not_answered_with_the_first_entry()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var key = Guid.NewGuid().ToString("N");
        var first = await (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m, key)).JsonAsync();
        Assert.Equal("Admit", first.GetProperty("outcome").GetString());

        // The same request again: the first answer, nothing new.
        var retry = await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.50m, key);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var replayed = await retry.JsonAsync();
        Assert.True(replayed.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("eventId").GetInt64(), replayed.GetProperty("eventId").GetInt64());

        // Another visitor with a fever under the same key: refused, and the refusal says so; no event, no colour change.
        var fever = await gate.CheckInAsync(host.Scenario.Carol.DocumentNumber, 38.6m, key);
        await AssertKeyRefusedAsync(fever);
        // The same visitor with another reading, or leaving under the entry's key.
        await AssertKeyRefusedAsync(await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 38.6m, key));
        await AssertKeyRefusedAsync(await gate.CheckOutAsync(host.Scenario.Alice.DocumentNumber, key));
        // A first-time visitor under a used key is not registered either.
        var stranger = ResidentIdNumber.Compose("220402", new DateOnly(1970, 3, 3), 555);
        await AssertKeyRefusedAsync(await gate.CheckInAsync(stranger, 36.6m, key));
        // A reading to take again writes nothing and answers at once, but under a used key it is refused too.
        await AssertKeyRefusedAsync(await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 31.0m, key));

        await using var db = host.Db();
        Assert.Equal(1, await db.GateEvents.CountAsync());
        Assert.Equal(1, await db.Visits.CountAsync());
        Assert.Equal(3, await db.Persons.CountAsync());
        Assert.False(await db.HealthCodes.AnyAsync(h => h.PersonId == host.Scenario.Carol.Id));
    }

    [Fact]
    public async Task A_device_time_is_part_of_the_request()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var key = Guid.NewGuid().ToString("N");
        // The device's clock in city time, to the 100 ns: the store keeps microseconds, the retry must still match.
        object Body(string at) => new { idempotencyKey = key, idNumber = host.Scenario.Bob.DocumentNumber, temperature = 36.4m, deviceTime = at };
        Assert.Equal(HttpStatusCode.OK, (await gate.PostAsJsonAsync("/api/gate/check-in", Body("2026-11-20T09:58:00.1234567"))).StatusCode);
        var retry = await gate.PostAsJsonAsync("/api/gate/check-in", Body("2026-11-20T09:58:00.1234567"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await retry.JsonAsync()).GetProperty("replayed").GetBoolean());
        await AssertKeyRefusedAsync(await gate.PostAsJsonAsync("/api/gate/check-in", Body("2026-11-20T09:59:00")));
        await using var db = host.Db();
        Assert.Equal(1, await db.GateEvents.CountAsync());
    }

    [Fact]
    public async Task Within_one_group_the_first_request_wins_its_retries_share_its_answer_and_a_reuse_is_refused()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var key = Guid.NewGuid().ToString("N");
        // Sent at once, these land in one or a few groups of the gate writer: whichever is decided first is the request.
        var sends = Enumerable.Range(0, 12).Select(i => (Alice: i % 2 == 0, Task: gate.CheckInAsync(
            i % 2 == 0 ? host.Scenario.Alice.DocumentNumber : host.Scenario.Bob.DocumentNumber, i % 2 == 0 ? 36.5m : 38.9m, key))).ToList();
        await Task.WhenAll(sends.Select(s => s.Task));

        await using var db = host.Db();
        var stored = await db.GateEvents.SingleAsync();
        var aliceWon = stored.PersonId == host.Scenario.Alice.Id;
        foreach (var (alice, task) in sends)
        {
            var r = await task;
            if (alice == aliceWon)
            {
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.Equal(stored.Id, (await r.JsonAsync()).GetProperty("eventId").GetInt64());
            }
            else await AssertKeyRefusedAsync(r);
        }
        Assert.Equal(aliceWon ? 1 : 0, await db.Visits.CountAsync());
    }

    private static async Task AssertKeyRefusedAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["idempotencyKey"], (await r.JsonAsync()).ProblemFields());
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Api.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Simulation;

public sealed class OutbreakFlowTestsSqlite() : OutbreakFlowTests(StorageProvider.Sqlite);
public sealed class OutbreakFlowTestsPostgres() : OutbreakFlowTests(StorageProvider.Postgres);

/// <summary>
/// The whole path through the HTTP API: a positive pool in a testing round → re-sampling → a case → its household
/// proposed and confirmed as close contacts → quarantined at a site → each scheduled test sampled in a single tube of
/// the standing quarantine round, carried to the lab and resulted → released when served, green.
/// </summary>
public abstract class OutbreakFlowTests(StorageProvider provider)
{
    [Fact]
    public async Task A_positive_pool_becomes_a_case_whose_household_is_quarantined_tested_on_schedule_and_released()
    {
        await using var host = await CityHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var d = new RoundDriver(host, admin, await host.LoginAsync("sampler"), await host.LoginAsync("lab"));
        var round = await d.CreateOpenRoundAsync();
        var roundId = round.GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        List<long> mates;
        Dictionary<long, string> documents;
        await using (var db = host.Db())
        {
            var ids = people.Select(p => p.PersonId).ToList();
            var families = await db.Persons.Where(p => ids.Contains(p.Id)).GroupBy(p => p.HouseholdId).Where(g => g.Count() >= 2).Select(g => g.Key).ToListAsync();
            var family = await db.Persons.Where(p => p.HouseholdId == families[0]).OrderBy(p => p.Id).ToListAsync();
            people = [.. people.Where(p => p.PersonId == family[0].Id), .. people.Where(p => p.PersonId != family[0].Id)];
            mates = family.Skip(1).Select(p => p.Id).ToList();
            documents = family.ToDictionary(p => p.Id, p => p.DocumentNumber);
        }
        var sick = people[0];

        // The pool is positive; the sick member's single tube is positive: a case, found by re-sampling.
        var pool = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, pool);
        foreach (var (_, doc) in people.Take(10)) await d.SampleOkAsync(pool, doc);
        await d.ShipAsync(pool);
        await d.ResultAsync(pool, "Positive");
        var single = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, single, "Resample");
        await d.SampleOkAsync(single, sick.IdNumber);
        await d.ShipAsync(single);
        await d.ResultAsync(single, "Positive");
        long caseId;
        await using (var db = host.Db())
        {
            var c = await db.Cases.SingleAsync();
            Assert.Equal((sick.PersonId, CaseFoundBy.PoolResampling), (c.PersonId, c.FoundBy));
            caseId = c.Id;
        }

        // Tracing: the household is proposed with its evidence and confirmed.
        var epi = await host.LoginAsync("epi");
        (await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null)).EnsureSuccessStatusCode();
        var proposals = (await (await epi.GetAsync($"/api/cases/{caseId}/contacts")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(mates.Order(), proposals.Select(p => p.GetProperty("personId").GetInt64()).Order());
        Assert.All(proposals, p => Assert.Equal("Household", p.GetProperty("kind").GetString()));
        var contactIds = proposals.Select(p => p.GetProperty("id").GetInt64()).ToArray();
        (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = contactIds, status = "Confirmed" })).EnsureSuccessStatusCode();

        // Quarantine at a site: the family shares a room; edition 9 schedules tests on 20, 21, 22, 24, 26 and (at home) 29 November.
        var district = await FirstDistrictAsync(host);
        var site = (await (await admin.PostAsJsonAsync("/api/quarantine/sites", new { name = "东吉宾馆", districtCode = district, rooms = new[] { new { number = "501", beds = 4 } } })).JsonAsync()).GetProperty("id").GetInt64();
        var placed = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/quarantine", new { ids = contactIds, siteId = site })).JsonAsync();
        Assert.Equal(mates.Count, placed.GetProperty("placed").GetArrayLength());
        await TransfersAsync(epi, mates.Count);
        int[] days = [20, 21, 22, 24, 26, 29];
        await using (var db = host.Db())
            Assert.Equal(days.Length * mates.Count, await db.ResampleTasks.CountAsync(t => t.Reason == SingleTubeReason.QuarantineSchedule && t.DoneAtUtc == null));

        foreach (var day in days)
        {
            host.Time.SetUtcNow(new DateTimeOffset(2026, 11, day, 1, 0, 0, TimeSpan.Zero)); // 09:00 in the city
            var sampler = await host.LoginAsync("sampler");
            d = new RoundDriver(host, admin = await host.LoginAsync("admin"), sampler, await host.LoginAsync("lab"));
            var due = await (await sampler.GetAsync($"/api/quarantine/tests?home={day == 29}".ToLowerInvariant())).JsonAsync();
            var rows = due.GetProperty("items").EnumerateArray().ToList();
            Assert.True(mates.Order().SequenceEqual(rows.Select(r => r.GetProperty("personId").GetInt64()).Order()), due.ToString());
            Assert.All(rows, r => Assert.Equal(day == 29 ? JsonValueKind.Null : JsonValueKind.String, r.GetProperty("site").ValueKind));
            var tubes = new List<string>();
            foreach (var row in rows)
            {
                var tube = RoundDriver.NewTube();
                await d.OpenTubeAsync(row.GetProperty("roundId").GetInt64(), row.GetProperty("samplingSiteId").GetInt64(), tube, "Resample");
                var sampled = await d.SampleOkAsync(tube, documents[row.GetProperty("personId").GetInt64()]);
                Assert.Empty(sampled.GetProperty("warnings").EnumerateArray()); // the task was found: no area or site warnings
                tubes.Add(tube);
            }
            await d.ShipAsync([.. tubes]);
            foreach (var tube in tubes) await d.ResultAsync(tube, "Negative");
            var after = (await (await sampler.GetAsync($"/api/quarantine/tests?home={day == 29}".ToLowerInvariant())).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            Assert.All(after, r => Assert.True("Negative" == r.GetProperty("outcome").GetString(), r.ToString()));
            foreach (var m in mates) Assert.Equal(CodeColour.Red, (await d.CodeAsync(m)).Colour); // a close contact until released
        }

        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        epi = await host.LoginAsync("epi");
        var released = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = contactIds })).JsonAsync();
        Assert.Equal(mates.Count, released.GetProperty("released").GetInt32());
        await using (var db = host.Db())
        {
            Assert.All(await db.QuarantineStays.Where(s => s.CaseId == caseId).ToListAsync(), s => Assert.Equal(QuarantineState.Released, s.State));
            Assert.Equal(0, await db.ResampleTasks.CountAsync(t => t.Reason == SingleTubeReason.QuarantineSchedule && t.DoneAtUtc == null));
            Assert.Equal(days.Length * mates.Count, await db.TestResults.CountAsync(t => mates.Contains(t.PersonId) && t.Outcome == TestOutcome.Negative));
        }
        foreach (var m in mates) Assert.Equal(CodeColour.Green, (await d.CodeAsync(m)).Colour);
    }

    /// <summary>Each placed person is fetched from home today and driven home when the home stage starts (27 November).</summary>
    private static async Task TransfersAsync(HttpClient epi, int persons)
    {
        var list = (await (await epi.GetAsync("/api/quarantine/transfers")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2 * persons, list.Count);
        Assert.Equal(persons, list.Count(t => t.GetProperty("dueDate").GetString() == "2026-11-20" && t.GetProperty("to").GetString() == "东吉宾馆"));
        Assert.Equal(persons, list.Count(t => t.GetProperty("dueDate").GetString() == "2026-11-27" && t.GetProperty("from").GetString() == "东吉宾馆"));
        var today = (await (await epi.GetAsync("/api/quarantine/transfers?due=2026-11-20&state=Requested")).JsonAsync()).GetProperty("items");
        Assert.Equal(persons, today.GetArrayLength());
        var id = today[0].GetProperty("id").GetInt64();

        var noVehicle = await epi.PostAsJsonAsync($"/api/quarantine/transfers/{id}/dispatch", new { });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noVehicle.StatusCode);
        Assert.Contains("vehicle", await noVehicle.Content.ReadAsStringAsync());
        var early = await epi.PostAsJsonAsync($"/api/quarantine/transfers/{id}/arrive", new { });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, early.StatusCode); // not dispatched yet
        var dispatched = await (await epi.PostAsJsonAsync($"/api/quarantine/transfers/{id}/dispatch", new { vehicle = "吉D·12345" })).JsonAsync();
        Assert.Equal(("Dispatched", "吉D·12345"), (dispatched.GetProperty("state").GetString(), dispatched.GetProperty("vehicle").GetString()));
        var arrived = await (await epi.PostAsJsonAsync($"/api/quarantine/transfers/{id}/arrive", new { })).JsonAsync();
        Assert.Equal("Arrived", arrived.GetProperty("state").GetString());
        var replay = await epi.PostAsJsonAsync($"/api/quarantine/transfers/{id}/arrive", new { });
        Assert.Equal(System.Net.HttpStatusCode.OK, replay.StatusCode); // a retrying device gets the same answer
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await epi.PostAsJsonAsync($"/api/quarantine/transfers/{id}/cancel", new { })).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await epi.PostAsJsonAsync("/api/quarantine/transfers/42/arrive", new { })).StatusCode);
    }

    internal static async Task<string> FirstDistrictAsync(CityHost host)
    {
        await using var db = host.Db();
        return await db.Districts.Select(x => x.Code).FirstAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Places;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class InvestigationTestsSqlite() : InvestigationTests(StorageProvider.Sqlite);
public sealed class InvestigationTestsPostgres() : InvestigationTests(StorageProvider.Postgres);

/// <summary>The investigation: a place added by interview is searched like an entry record; the report joins both; a risk window makes companions.</summary>
public abstract class InvestigationTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc); // 10:00 in the city

    [Fact]
    public async Task An_added_place_finds_contacts_the_report_shows_the_timeline_and_a_risk_window_makes_companions_yellow()
    {
        await using var host = await CityHost.StartAsync(provider);
        const long caseId = 800_000_020;
        long sick, atFlat, atMarket;
        long hall, market;
        await using (var db = host.Db())
        {
            var persons = await db.Persons.Where(p => p.HouseholdId != null).GroupBy(p => p.HouseholdId).Where(g => g.Count() == 1).Select(g => g.First().Id).Take(3).ToListAsync();
            (sick, atFlat, atMarket) = (persons[0], persons[1], persons[2]);
            hall = await db.Venues.Where(v => v.Type == VenueType.ServiceHall).Select(v => v.Id).FirstAsync();
            market = await db.Venues.Where(v => v.Type == VenueType.Market).Select(v => v.Id).FirstAsync();
            // The case's own entry record at the market, and two strangers: one at the hall the gate missed the case at, one at the market.
            db.Visits.Add(new Visit { Id = 930_000_001, PersonId = sick, VenueId = market, EnteredAtUtc = At.AddHours(4), ExitedAtUtc = At.AddHours(5), Method = EntryMethod.IdCard });
            db.Visits.Add(new Visit { Id = 930_000_002, PersonId = atFlat, VenueId = hall, EnteredAtUtc = At, ExitedAtUtc = At.AddHours(1), Method = EntryMethod.IdCard });
            db.Visits.Add(new Visit { Id = 930_000_003, PersonId = atMarket, VenueId = market, EnteredAtUtc = At.AddHours(4).AddMinutes(30), ExitedAtUtc = At.AddHours(6), Method = EntryMethod.IdCard });
            db.Cases.Add(new CaseRecord { Id = caseId, PersonId = sick, FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = At.AddDays(1), ReportedAtUtc = At.AddDays(1), Class = CaseClass.Mild, OnsetDate = new DateOnly(2026, 11, 19) });
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");

        // Bad places are refused by field; nothing is written.
        foreach (var (body, field) in new (object, string)[]
        {
            (new { place = "大厅", from = "2026-11-18T11:00:00", to = "2026-11-18T10:00:00" }, "to"),
            (new { venueId = 999_999_999L, from = "2026-11-18T10:00:00", to = "2026-11-18T11:00:00" }, "venueId"),
            (new { place = "未来", from = "2026-11-28T10:00:00", to = "2026-11-28T11:00:00" }, "to"),
            (new { place = "", from = "2026-11-18T10:00:00", to = "2026-11-18T11:00:00" }, "place"),
        })
        {
            var bad = await epi.PostAsJsonAsync($"/api/cases/{caseId}/places", body);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, field);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await epi.PostAsJsonAsync("/api/cases/1/places", new { place = "x", from = "2026-11-18T10:00:00", to = "2026-11-18T11:00:00" })).StatusCode);

        // The case says they were at the service hall 10:00–11:00 (city time), though no gate recorded it.
        var added = await epi.PostAsJsonAsync($"/api/cases/{caseId}/places", new { venueId = hall, from = "2026-11-18T10:00:00", to = "2026-11-18T11:00:00", note = "病例自述" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var flatmate = await epi.PostAsJsonAsync($"/api/cases/{caseId}/places", new { place = "朋友家(龙山区某小区)", from = "2026-11-18T19:00:00", to = "2026-11-18T22:00:00" });
        Assert.Equal(HttpStatusCode.Created, flatmate.StatusCode);
        var run = await (await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null)).JsonAsync();
        Assert.Equal(1, run.GetProperty("visitProposed").GetInt32());
        var contact = (await (await epi.GetAsync($"/api/cases/{caseId}/contacts")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal((atFlat, hall), (contact.GetProperty("personId").GetInt64(), contact.GetProperty("venueId").GetInt64()));

        // The report: the entry record and both added places on one timeline, the contacts by grade; the read is audited.
        var report = await (await epi.GetAsync($"/api/cases/{caseId}/investigation")).JsonAsync();
        var timeline = report.GetProperty("timeline").EnumerateArray().Select(e => (e.GetProperty("source").GetString(), e.GetProperty("venueId").ValueKind == System.Text.Json.JsonValueKind.Number ? e.GetProperty("venueId").GetInt64() : 0)).ToList();
        Assert.Equal([("added", hall), ("entry-record", market), ("added", 0L)], timeline);
        Assert.Equal(1, report.GetProperty("contacts")[0].GetProperty("count").GetInt32());
        await using (var db = host.Db())
            Assert.Contains(await db.TraceAccesses.Where(a => a.PersonId == sick).ToListAsync(), a => a.PlatformPurpose == new Message("Tracing.ReportPurpose", "800000020"));
        // The audit words the platform's purpose for its reader.
        var audit = (await (await (await host.LoginAsync("admin")).GetAsync($"/api/audit/trace-accesses?personId={sick}&culture=en")).JsonAsync()).GetProperty("items");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("purpose").GetString() == "investigation report of case 800000020");

        // The market is no close-contact venue; flagged as a risk venue 14:00–15:00, its visitor then is a companion.
        var risk = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/risk-windows", new { venueId = market, from = "2026-11-18T14:00:00", to = "2026-11-18T15:00:00" })).JsonAsync();
        Assert.Equal((2, 1), (risk.GetProperty("visitors").GetInt32(), risk.GetProperty("proposed").GetInt32())); // the case is no companion of itself
        var companion = (await (await epi.GetAsync($"/api/cases/{caseId}/contacts?grade=Companion")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(atMarket, companion.GetProperty("personId").GetInt64());
        var cid = companion.GetProperty("id").GetInt64();
        (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = new[] { cid }, status = "Confirmed" })).EnsureSuccessStatusCode();
        await using (var db = host.Db())
        {
            var code = await db.HealthCodes.SingleAsync(h => h.PersonId == atMarket);
            Assert.Equal((CodeColour.Yellow, CodeRules.ContactRule), (code.Colour, code.Rule));
            Assert.Contains("时空伴随", (await db.HealthCodeChanges.Where(c => c.PersonId == atMarket).OrderBy(c => c.Id).LastAsync()).Explanation);
        }
        var refusedPlace = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/quarantine", new { ids = new[] { cid } })).JsonAsync();
        Assert.Contains("伴随", refusedPlace.GetProperty("refused")[0].GetProperty("reason").GetString());

        // One negative is not enough; a second one 24 h later releases the companion, green.
        await AddNegativeAsync(host, atMarket, 700_000_001, At.AddHours(7));
        var early = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = new[] { cid } })).JsonAsync();
        Assert.Equal(0, early.GetProperty("released").GetInt32());
        await AddNegativeAsync(host, atMarket, 700_000_002, At.AddHours(31));
        var done = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = new[] { cid } })).JsonAsync();
        Assert.Equal(1, done.GetProperty("released").GetInt32());
        await using (var db = host.Db())
            Assert.Equal(CodeColour.Green, (await db.HealthCodes.SingleAsync(h => h.PersonId == atMarket)).Colour);
    }

    private static async Task AddNegativeAsync(CityHost host, long person, long id, DateTime sampled)
    {
        await using var db = host.Db();
        db.TestResults.Add(new TestResult { Id = id, PersonId = person, SampledAtUtc = sampled, ResultAtUtc = sampled.AddHours(6), Outcome = TestOutcome.Negative, Source = "test" });
        await db.SaveChangesAsync();
    }
}

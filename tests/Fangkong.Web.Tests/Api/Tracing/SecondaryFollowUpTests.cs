using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Api.Simulation;
using Fangkong.Web.Tests.Api.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class SecondaryFollowUpTestsSqlite() : SecondaryFollowUpTests(StorageProvider.Sqlite);
public sealed class SecondaryFollowUpTestsPostgres() : SecondaryFollowUpTests(StorageProvider.Postgres);

/// <summary>
/// Edition 9: a close contact's scheduled test comes back positive — a new case, found under quarantine — and the
/// secondary contacts met through them become close contacts (red, the longer schedule); another close contact's first
/// two tests are negative and the secondary contacts met through them are released (green, quarantine ended).
/// </summary>
public abstract class SecondaryFollowUpTests(StorageProvider provider)
{
    [Fact]
    public async Task Secondary_contacts_are_upgraded_by_a_positive_and_released_by_two_negatives()
    {
        await using var host = await CityHost.StartAsync(provider);
        const long caseId = 800_000_010;
        long a, b, dd, e;
        Dictionary<long, string> docs;
        await using (var db = host.Db())
        {
            var household = await db.Persons.Where(p => p.HouseholdId != null).GroupBy(p => p.HouseholdId).Where(g => g.Count() == 3).Select(g => g.Key).FirstAsync();
            var family = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).ToListAsync();
            var others = await db.Persons.Where(p => p.HouseholdId != household).OrderBy(p => p.Id).Take(2).ToListAsync();
            (a, dd, b, e) = (family[1].Id, family[2].Id, others[0].Id, others[1].Id);
            docs = family.Concat(others).ToDictionary(p => p.Id, p => p.DocumentNumber);
            var at = new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc);
            db.Cases.Add(new CaseRecord { Id = caseId, PersonId = family[0].Id, FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = at, ReportedAtUtc = at, Class = CaseClass.Mild, OnsetDate = new DateOnly(2026, 11, 18) });
            // The secondary contacts as the investigator named them, each met through one close contact.
            long id = 800_100_000;
            foreach (var (person, via) in new[] { (b, a), (e, dd) })
                db.ContactProposals.Add(new ContactProposal
                {
                    Id = id++,
                    CaseId = caseId,
                    PersonId = person,
                    ViaPersonId = via,
                    Grade = ContactGrade.Secondary,
                    Kind = ContactKind.NamedByInvestigator,
                    FirstExposureUtc = at.AddDays(-1),
                    ProposedAtUtc = at,
                    Status = ProposalStatus.Proposed,
                });
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        (await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null)).EnsureSuccessStatusCode();
        var all = (await (await epi.GetAsync($"/api/cases/{caseId}/contacts")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(x => x.GetProperty("personId").GetInt64(), x => x.GetProperty("id").GetInt64());
        Assert.Equal(new[] { a, b, dd, e }.Order(), all.Keys.Order());
        (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = all.Values.ToArray(), status = "Confirmed" })).EnsureSuccessStatusCode();
        var admin = await host.LoginAsync("admin");
        var site = (await (await admin.PostAsJsonAsync("/api/quarantine/sites", new { name = "西安宾馆", districtCode = await OutbreakFlowTests.FirstDistrictAsync(host), rooms = new[] { new { number = "1", beds = 2 } } })).JsonAsync()).GetProperty("id").GetInt64();
        var placed = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/quarantine", new { ids = all.Values.ToArray(), siteId = site })).JsonAsync();
        Assert.Equal(4, placed.GetProperty("placed").GetArrayLength()); // the two close contacts in the room, the secondary ones at home

        // Day 1 (20 November): the close contacts' first scheduled tests — a's is positive, d's negative.
        var d = new RoundDriver(host, admin, await host.LoginAsync("sampler"), await host.LoginAsync("lab"));
        var tubes = await SampleDueAsync(host, d, docs, a, dd);
        await d.ShipAsync(tubes[a], tubes[dd]);
        await d.ResultAsync(tubes[a], "Positive");
        await d.ResultAsync(tubes[dd], "Negative");
        await using (var db = host.Db())
        {
            var newCase = await db.Cases.SingleAsync(c => c.PersonId == a);
            Assert.Equal(CaseFoundBy.ContactUnderQuarantine, newCase.FoundBy);
            var upgraded = await db.ContactProposals.SingleAsync(x => x.PersonId == b);
            Assert.Equal(ContactGrade.Close, upgraded.Grade);
            Assert.Equal([new Message("Quarantine.SecondaryUpgraded")], upgraded.PlatformNotes);
            var stay = await db.QuarantineStays.SingleAsync(s => s.PersonId == b);
            Assert.Equal((ContactRole.CloseContact, new DateOnly(2026, 11, 30)), (stay.Role, stay.ReleaseDate));
            // Edition 9 close contact tests: 20, 21, 22, 24, 26 and 29 (the secondary schedule had 20, 23, 26).
            var due = await db.ResampleTasks.Where(t => t.StayId == stay.Id).Select(t => t.DueDate!.Value.Day).ToListAsync();
            Assert.Equal(new[] { 20, 21, 22, 23, 24, 26, 29 }, due.Order());
            Assert.Null((await db.ContactProposals.SingleAsync(x => x.PersonId == e)).ReleasedAtUtc); // one negative: wait
        }
        Assert.Equal((CodeColour.Red, CodeRules.ContactRule), await d.CodeAsync(b));
        Assert.Equal(CodeColour.Yellow, (await d.CodeAsync(e)).Colour);

        // Day 2: d's second test is negative too — e is released.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));
        d = new RoundDriver(host, await host.LoginAsync("admin"), await host.LoginAsync("sampler"), await host.LoginAsync("lab"));
        tubes = await SampleDueAsync(host, d, docs, dd);
        await d.ShipAsync(tubes[dd]);
        await d.ResultAsync(tubes[dd], "Negative");
        await using (var db = host.Db())
        {
            var released = await db.ContactProposals.SingleAsync(x => x.PersonId == e);
            Assert.NotNull(released.ReleasedAtUtc);
            Assert.Equal([new Message("Quarantine.SecondaryReleased")], released.PlatformNotes);
            Assert.Equal(QuarantineState.Released, (await db.QuarantineStays.SingleAsync(s => s.PersonId == e)).State);
            Assert.Equal(0, await db.ResampleTasks.CountAsync(t => t.PersonId == e && t.DoneAtUtc == null));
        }
        Assert.Equal(CodeColour.Green, (await d.CodeAsync(e)).Colour);
    }

    /// <summary>Samples each person's quarantine test due today in a single tube at the point the due list names.</summary>
    private static async Task<Dictionary<long, string>> SampleDueAsync(CityHost host, RoundDriver d, Dictionary<long, string> docs, params long[] persons)
    {
        var sampler = await host.LoginAsync("sampler");
        var rows = (await (await sampler.GetAsync("/api/quarantine/tests")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(r => persons.Contains(r.GetProperty("personId").GetInt64())).ToList();
        Assert.Equal(persons.Length, rows.Count);
        var tubes = new Dictionary<long, string>();
        foreach (var row in rows)
        {
            var person = row.GetProperty("personId").GetInt64();
            var tube = RoundDriver.NewTube();
            await d.OpenTubeAsync(row.GetProperty("roundId").GetInt64(), row.GetProperty("samplingSiteId").GetInt64(), tube, "Resample");
            await d.SampleOkAsync(tube, docs[person]);
            tubes[person] = tube;
        }
        return tubes;
    }
}

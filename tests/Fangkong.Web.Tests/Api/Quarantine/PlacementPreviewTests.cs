using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Api.Simulation;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Quarantine;

public sealed class PlacementPreviewTestsSqlite() : PlacementPreviewTests(StorageProvider.Sqlite);
public sealed class PlacementPreviewTestsPostgres() : PlacementPreviewTests(StorageProvider.Postgres);

/// <summary>
/// The previews of a placement and a release say what the placement and the release then do — rooms, dates, tests,
/// transfers, refusals, colours — for new stays and a restarted one, and write nothing.
/// </summary>
public abstract class PlacementPreviewTests(StorageProvider provider)
{
    private const long CaseA = 800_000_031, CaseB = 800_000_032;
    private const long EarlierP = 800_300_001, LaterP = 800_300_002, Mate1 = 800_300_003, Mate2 = 800_300_004;

    [Fact]
    public async Task A_placement_and_a_release_do_what_their_previews_said_and_the_previews_write_nothing()
    {
        await using var host = await CityHost.StartAsync(provider);
        long person;
        List<long> mates;
        await using (var db = host.Db())
        {
            var ids = await db.Persons.OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync();
            person = ids[3];
            var household = await db.Persons.Where(p => p.HouseholdId != null).GroupBy(p => p.HouseholdId)
                .Where(g => g.Count() == 2 && !g.Any(p => ids.Contains(p.Id))).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
            mates = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var at = new DateTime(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc);
            db.Cases.AddRange(Case(CaseA, ids[0], at), Case(CaseB, ids[1], at.AddDays(5)));
            db.ContactProposals.AddRange(Named(EarlierP, CaseA, person, at), Named(LaterP, CaseB, person, at.AddDays(4)),
                Named(Mate1, CaseB, mates[0], at.AddDays(4)), Named(Mate2, CaseB, mates[1], at.AddDays(4)));
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        var site = (await (await (await host.LoginAsync("admin")).PostAsJsonAsync("/api/quarantine/sites", new
        {
            name = "通化宾馆",
            districtCode = await OutbreakFlowTests.FirstDistrictAsync(host),
            rooms = new[] { new { number = "808", beds = 1 }, new { number = "301", beds = 3 }, new { number = "202", beds = 2 } },
        })).JsonAsync()).GetProperty("id").GetInt64();

        // 20 November: case A's contact in room 808.
        await ConfirmAsync(epi, CaseA, EarlierP);
        (await epi.PostAsJsonAsync($"/api/cases/{CaseA}/contacts/quarantine", new { ids = new[] { EarlierP }, siteId = site })).EnsureSuccessStatusCode();

        // 23 November: case B names the same person (a restart, keeping room 808) and a family of two (room 202, the smallest that fits).
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        epi = await host.LoginAsync("epi");
        await ConfirmAsync(epi, CaseB, LaterP, Mate1, Mate2);
        var request = new { ids = new[] { LaterP, Mate1, Mate2 }, siteId = site };
        var before = await SnapshotAsync(host);
        var preview = await (await epi.PostAsJsonAsync($"/api/cases/{CaseB}/contacts/quarantine/preview", request)).JsonAsync();
        Assert.Equal(before, await SnapshotAsync(host));
        var planned = preview.GetProperty("placed").EnumerateArray().ToDictionary(p => p.GetProperty("contactId").GetInt64());
        Assert.Equal([LaterP, Mate1, Mate2], planned.Keys.Order());
        Assert.Equal(("808", true, 1), (planned[LaterP].GetProperty("room").GetString(), planned[LaterP].GetProperty("restarted").GetBoolean(),
            planned[LaterP].GetProperty("transfersCancelled").GetInt32()));
        Assert.All(new[] { Mate1, Mate2 }, m => Assert.Equal("202", planned[m].GetProperty("room").GetString()));
        Assert.All(planned.Values, p => Assert.Equal(("Red", "Red"), (p.GetProperty("colour").GetProperty("now").GetString(), p.GetProperty("colour").GetProperty("after").GetString())));

        var answer = await (await epi.PostAsJsonAsync($"/api/cases/{CaseB}/contacts/quarantine", request)).JsonAsync();
        Assert.Equal(0, answer.GetProperty("refused").GetArrayLength());
        var placed = answer.GetProperty("placed").EnumerateArray().ToList();
        Assert.Equal(planned.Count, placed.Count);
        await using (var db = host.Db())
        {
            var sites = await db.QuarantineSites.ToDictionaryAsync(s => s.Id, s => s.Name);
            foreach (var p in placed)
            {
                var plan = planned[p.GetProperty("contactId").GetInt64()];
                foreach (var field in new[] { "personId", "room", "day1", "releaseDate", "restarted" })
                    Assert.Equal(plan.GetProperty(field).ToString(), p.GetProperty(field).ToString());
                var stay = await db.QuarantineStays.SingleAsync(s => s.ContactId == p.GetProperty("contactId").GetInt64());
                // The tests scheduled and the transfers requested today are the ones the preview listed.
                var tests = await db.ResampleTasks.Where(t => t.StayId == stay.Id && t.DoneAtUtc == null).OrderBy(t => t.DueDate).Select(t => new { t.DueDate, t.AtHome }).ToListAsync();
                Assert.Equal(plan.GetProperty("tests").EnumerateArray().Select(t => (t.GetProperty("date").GetString()!, t.GetProperty("place").GetString() == "Home")),
                    tests.Select(t => (t.DueDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.AtHome)));
                var moves = await db.QuarantineTransfers.Where(t => t.StayId == stay.Id && t.State == TransferState.Requested && t.RequestedAtUtc == host.Time.GetUtcNow().UtcDateTime)
                    .OrderBy(t => t.DueDate).ToListAsync();
                Assert.Equal(plan.GetProperty("transfers").EnumerateArray().Select(t => (t.GetProperty("from").GetString()!, t.GetProperty("to").GetString()!, t.GetProperty("due").GetString()!)),
                    moves.Select(t => (Site(sites, t.FromSiteId), Site(sites, t.ToSiteId), t.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
                Assert.Equal(plan.GetProperty("transfersCancelled").GetInt32(), await db.QuarantineTransfers.CountAsync(t => t.StayId == stay.Id && t.State == TransferState.Cancelled));
            }
        }

        // 3 December: every test of the restarted schedule negative, the family's missing. The preview of releasing all three
        // releases the person (taking case A's designation along, the code turning green) and refuses the family with the reason.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
        epi = await host.LoginAsync("epi");
        await using (var db = host.Db())
        {
            var id = 700_300_000L;
            foreach (var day in new[] { 23, 24, 25, 27, 29, 32 })
            {
                var sampled = new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc).AddDays(day - 1);
                db.TestResults.Add(new TestResult { Id = id++, PersonId = person, SampledAtUtc = sampled, ResultAtUtc = sampled.AddHours(6), Outcome = TestOutcome.Negative, Source = "test" });
            }
            await db.SaveChangesAsync();
        }
        var release = new { ids = new[] { LaterP, Mate1, Mate2 } };
        before = await SnapshotAsync(host);
        var releasePreview = await (await epi.PostAsJsonAsync($"/api/cases/{CaseB}/contacts/release/preview", release)).JsonAsync();
        Assert.Equal(before, await SnapshotAsync(host));
        var out1 = Assert.Single(releasePreview.GetProperty("released").EnumerateArray());
        Assert.Equal((LaterP, "808", 6, "Red", "Green"), (out1.GetProperty("contactId").GetInt64(), out1.GetProperty("room").GetString(), out1.GetProperty("testsCancelled").GetInt32(),
            out1.GetProperty("colour").GetProperty("now").GetString(), out1.GetProperty("colour").GetProperty("after").GetString()));
        Assert.Equal([EarlierP], out1.GetProperty("alsoReleased").EnumerateArray().Select(x => x.GetInt64()));

        var released = await (await epi.PostAsJsonAsync($"/api/cases/{CaseB}/contacts/release", release)).JsonAsync();
        Assert.Equal(1, released.GetProperty("released").GetInt32());
        Assert.Equal(Refusals(releasePreview), Refusals(released));
        Assert.Equal(2, Refusals(released).Count);
        await using (var db = host.Db())
        {
            var stay = await db.QuarantineStays.SingleAsync(s => s.PersonId == person);
            Assert.Equal(QuarantineState.Released, stay.State);
            Assert.Equal(0, await db.ResampleTasks.CountAsync(t => t.StayId == stay.Id));
            Assert.All(await db.ContactProposals.Where(p => p.PersonId == person).ToListAsync(), p => Assert.NotNull(p.ReleasedAtUtc));
            Assert.Equal(Domain.Codes.CodeColour.Green, (await db.HealthCodes.SingleAsync(h => h.PersonId == person)).Colour);
            Assert.Equal(2, await db.QuarantineStays.CountAsync(s => mates.Contains(s.PersonId) && s.State == QuarantineState.InQuarantine));
        }
    }

    [Fact]
    public async Task A_preview_without_contacts_or_without_a_site_is_refused_naming_the_field_and_writes_nothing()
    {
        await using var host = await CityHost.StartAsync(provider);
        await using (var db = host.Db())
        {
            var ids = await db.Persons.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
            var at = new DateTime(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc);
            db.Cases.Add(Case(CaseA, ids[0], at));
            db.ContactProposals.Add(Named(EarlierP, CaseA, ids[1], at));
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        await ConfirmAsync(epi, CaseA, EarlierP);
        var before = await SnapshotAsync(host);
        foreach (var (path, body, field) in new (string, object, string)[]
        {
            ("quarantine/preview", new { ids = Array.Empty<long>(), siteId = 1 }, "ids"),
            ("quarantine/preview", new { ids = new[] { EarlierP } }, "siteId"),
            ("release/preview", new { ids = (long[]?)null }, "ids"),
        })
        {
            var r = await epi.PostAsJsonAsync($"/api/cases/{CaseA}/contacts/{path}", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains(field, (await r.JsonAsync()).ProblemFields());
        }
        var missing = await epi.PostAsJsonAsync($"/api/cases/{CaseA}/contacts/quarantine/preview", new { ids = new[] { EarlierP }, siteId = 42 });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(before, await SnapshotAsync(host));
    }

    private static string Site(Dictionary<long, string> sites, long? id) => id is { } x ? sites[x] : "居家";

    private static List<(long, string)> Refusals(JsonElement answer) =>
        answer.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("id").GetInt64(), r.GetProperty("reason").GetString()!)).OrderBy(r => r.Item1).ToList();

    /// <summary>Every row a placement or a release writes, counted, with the contacts' releases and notes and the colours.</summary>
    private static async Task<string> SnapshotAsync(CityHost host)
    {
        await using var db = host.Db();
        var stays = await db.QuarantineStays.OrderBy(s => s.Id).Select(s => new { s.Id, s.ContactId, s.SiteId, s.RoomId, s.Day1, s.ReleaseDate, s.State }).ToListAsync();
        var transfers = await db.QuarantineTransfers.OrderBy(t => t.Id).Select(t => new { t.Id, t.State, t.DueDate }).ToListAsync();
        var tasks = await db.ResampleTasks.CountAsync();
        var contacts = await db.ContactProposals.OrderBy(p => p.Id).Select(p => new { p.Id, p.ReleasedAtUtc, p.PlatformNotes }).ToListAsync();
        var codes = await db.HealthCodes.OrderBy(h => h.PersonId).Select(h => new { h.PersonId, h.Colour }).ToListAsync();
        var changes = await db.HealthCodeChanges.CountAsync();
        return JsonSerializer.Serialize(new { stays, transfers, tasks, contacts, codes, changes });
    }

    private static CaseRecord Case(long id, long person, DateTime at) => new()
    {
        Id = id,
        PersonId = person,
        FoundBy = CaseFoundBy.FeverClinic,
        FirstPositiveSampledAtUtc = at,
        ReportedAtUtc = at,
        Class = CaseClass.Mild,
        OnsetDate = DateOnly.FromDateTime(at),
        Edition = PolicyEdition.Edition9,
    };

    private static ContactProposal Named(long id, long caseId, long person, DateTime at) => new()
    {
        Id = id,
        CaseId = caseId,
        PersonId = person,
        Grade = ContactGrade.Close,
        Kind = ContactKind.NamedByInvestigator,
        FirstExposureUtc = at.AddDays(-1),
        ProposedAtUtc = at,
        Status = ProposalStatus.Proposed,
    };

    private static async Task ConfirmAsync(HttpClient epi, long caseId, params long[] contacts)
    {
        var answer = await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = contacts, status = "Confirmed" });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }
}

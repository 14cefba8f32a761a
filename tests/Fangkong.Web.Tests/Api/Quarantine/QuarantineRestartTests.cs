using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Common;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Api.Simulation;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Quarantine;

public sealed class QuarantineRestartTestsSqlite() : QuarantineRestartTests(StorageProvider.Sqlite);
public sealed class QuarantineRestartTestsPostgres() : QuarantineRestartTests(StorageProvider.Postgres);

/// <summary>
/// A close contact in quarantine is named again by a later case: the quarantine counts again from that day (隔离期重新计算)
/// in the same room, the earlier designation waits for it and is released with it; a shorter designation is covered.
/// </summary>
public abstract class QuarantineRestartTests(StorageProvider provider)
{
    private const long CaseA = 800_000_021, CaseB = 800_000_022, CaseC = 800_000_023;

    [Fact]
    public async Task A_later_exposure_restarts_the_quarantine_in_the_same_room_and_both_designations_end_together()
    {
        await using var host = await CityHost.StartAsync(provider);
        long person;
        await using (var db = host.Db())
        {
            var ids = await db.Persons.OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync();
            person = ids[3];
            var at = new DateTime(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc);
            db.Cases.AddRange(Case(CaseA, ids[0], at), Case(CaseB, ids[1], at.AddDays(5)), Case(CaseC, ids[2], at.AddDays(5)));
            db.ContactProposals.AddRange(Named(800_200_001, CaseA, person, ContactGrade.Close, at), Named(800_200_002, CaseB, person, ContactGrade.Close, at.AddDays(4)),
                Named(800_200_003, CaseC, person, ContactGrade.Secondary, at.AddDays(4)));
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        var admin = await host.LoginAsync("admin");
        var site = (await (await admin.PostAsJsonAsync("/api/quarantine/sites", new { name = "长白宾馆", districtCode = await OutbreakFlowTests.FirstDistrictAsync(host), rooms = new[] { new { number = "808", beds = 1 }, new { number = "809", beds = 1 } } })).JsonAsync()).GetProperty("id").GetInt64();

        // 20 November: case A's close contact goes to room 808 — day 1 the 20th, released from the 30th.
        await ConfirmAsync(epi, CaseA, 800_200_001);
        var first = (await (await epi.PostAsJsonAsync($"/api/cases/{CaseA}/contacts/quarantine", new { ids = new[] { 800_200_001 }, siteId = site })).JsonAsync()).GetProperty("placed")[0];
        Assert.Equal(("808", "2026-11-30", false), (first.GetProperty("room").GetString(), first.GetProperty("releaseDate").GetString(), first.GetProperty("restarted").GetBoolean()));
        Assert.Contains("已在隔离中", await RefusalAsync(epi, CaseA, 800_200_001, site)); // a retried request changes nothing

        // 23 November: case B names them again — the count restarts in room 808, released from 3 December.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        epi = await host.LoginAsync("epi"); // sessions expire
        await ConfirmAsync(epi, CaseB, 800_200_002);
        var again = (await (await epi.PostAsJsonAsync($"/api/cases/{CaseB}/contacts/quarantine", new { ids = new[] { 800_200_002 }, siteId = site })).JsonAsync()).GetProperty("placed")[0];
        Assert.Equal(("808", "2026-11-23", "2026-12-03", true), (again.GetProperty("room").GetString(), again.GetProperty("day1").GetString(),
            again.GetProperty("releaseDate").GetString(), again.GetProperty("restarted").GetBoolean()));
        // Case C's secondary designation (7 days at home, to the 30th) is covered by the close contact's quarantine.
        await ConfirmAsync(epi, CaseC, 800_200_003);
        Assert.Contains("本次暴露在此期内", await RefusalAsync(epi, CaseC, 800_200_003, site));
        await using (var db = host.Db())
        {
            var stay = await db.QuarantineStays.SingleAsync(s => s.PersonId == person);
            Assert.Equal((CaseB, 800_200_002L, QuarantineState.InQuarantine), (stay.CaseId, stay.ContactId, stay.State));
            var tests = await db.ResampleTasks.Where(t => t.StayId == stay.Id).Select(t => t.DueDate!.Value).ToListAsync();
            Assert.Equal([new(2026, 11, 23), new(2026, 11, 24), new(2026, 11, 25), new(2026, 11, 27), new(2026, 11, 29), new DateOnly(2026, 12, 2)], tests.Order());
            var moves = await db.QuarantineTransfers.Where(t => t.StayId == stay.Id).OrderBy(t => t.Id).Select(t => new { t.ToSiteId, t.DueDate, t.State }).ToListAsync();
            // The move in (not made yet) stands; the move home on the 27th is cancelled for one on the 30th.
            Assert.Equal([(site, new DateOnly(2026, 11, 20), TransferState.Requested), (null, new DateOnly(2026, 11, 27), TransferState.Cancelled), (null, new DateOnly(2026, 11, 30), TransferState.Requested)],
                moves.Select(m => (m.ToSiteId, m.DueDate, m.State)));
            // Why, kept as messages (worded when read): B's designation restarted the stay, A's is released with B's.
            Assert.Equal([new Message("Quarantine.Restarted", "2026-11-20", "2026-11-30")], (await db.ContactProposals.SingleAsync(p => p.Id == 800_200_002)).PlatformNotes);
            // Named by the case's number (ADR 0016), never by an id.
            var numberB = await db.Cases.Where(c => c.Id == CaseB).Select(c => c.Number).SingleAsync();
            Assert.Equal([new Message("Quarantine.RestartedByLater", numberB)], (await db.ContactProposals.SingleAsync(p => p.Id == 800_200_001)).PlatformNotes);
            Assert.Equal([new Message("Quarantine.TransferCancelledByRestart")],
                (await db.QuarantineTransfers.SingleAsync(t => t.StayId == stay.Id && t.State == TransferState.Cancelled)).PlatformNotes);
        }
        // Each reader reads them in their language.
        Assert.Contains("隔离中再次暴露，隔离期重新计算（原第1天2026-11-20，原解除日2026-11-30）", await NoteAsync(epi, CaseB, ""));
        Assert.Contains("exposed again in quarantine: the quarantine restarts (was day 1 2026-11-20, release 2026-11-30)", await NoteAsync(epi, CaseB, "&culture=en"));

        // Case A's designation is not released on its own while the quarantine serves case B's.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        epi = await host.LoginAsync("epi"); // sessions expire
        string caseBNumber;
        await using (var db = host.Db())
            caseBNumber = await db.Cases.Where(c => c.Id == CaseB).Select(c => c.Number).SingleAsync();
        Assert.Contains($"病例{caseBNumber}接触者", await ReleaseRefusalAsync(epi, CaseA, 800_200_001));
        Assert.Equal(CodeColour.Red, await ColourAsync(host, person));

        // 3 December, every test of the restarted schedule negative: B's release ends the stay and takes A's and C's along.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
        epi = await host.LoginAsync("epi"); // sessions expire
        await using (var db = host.Db())
        {
            var id = 700_100_000L;
            foreach (var day in new[] { 23, 24, 25, 27, 29, 32 })
            {
                var sampled = new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc).AddDays(day - 1);
                db.TestResults.Add(new TestResult { Id = id++, PersonId = person, SampledAtUtc = sampled, ResultAtUtc = sampled.AddHours(6), Outcome = TestOutcome.Negative, Source = "test" });
            }
            await db.SaveChangesAsync();
        }
        var done = await (await epi.PostAsJsonAsync($"/api/cases/{CaseB}/contacts/release", new { ids = new[] { 800_200_002 } })).JsonAsync();
        Assert.Equal(1, done.GetProperty("released").GetInt32());
        await using (var db = host.Db())
        {
            Assert.Equal(QuarantineState.Released, (await db.QuarantineStays.SingleAsync(s => s.PersonId == person)).State);
            var designations = await db.ContactProposals.Where(p => p.PersonId == person).OrderBy(p => p.Id).ToListAsync();
            Assert.All(designations, p => Assert.NotNull(p.ReleasedAtUtc));
            Assert.Contains(new Message("Quarantine.ReleasedAlong", caseBNumber), designations[0].PlatformNotes!);
            Assert.Equal([new Message("Quarantine.ReleasedAlong", caseBNumber)], designations[2].PlatformNotes);
        }
        Assert.Equal(CodeColour.Green, await ColourAsync(host, person));
    }

    [Fact]
    public async Task A_person_named_close_and_secondary_in_one_request_is_placed_once_as_the_close_contact()
    {
        await using var host = await CityHost.StartAsync(provider);
        long person;
        await using (var db = host.Db())
        {
            var ids = await db.Persons.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
            person = ids[1];
            var at = new DateTime(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc);
            db.Cases.Add(Case(CaseA, ids[0], at));
            db.ContactProposals.AddRange(Named(800_200_011, CaseA, person, ContactGrade.Secondary, at), Named(800_200_012, CaseA, person, ContactGrade.Close, at));
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        var site = (await (await (await host.LoginAsync("admin")).PostAsJsonAsync("/api/quarantine/sites", new { name = "白山宾馆", districtCode = await OutbreakFlowTests.FirstDistrictAsync(host), rooms = new[] { new { number = "1", beds = 1 } } })).JsonAsync()).GetProperty("id").GetInt64();
        await ConfirmAsync(epi, CaseA, 800_200_011);
        await ConfirmAsync(epi, CaseA, 800_200_012);
        var answer = await (await epi.PostAsJsonAsync($"/api/cases/{CaseA}/contacts/quarantine", new { ids = new[] { 800_200_011, 800_200_012 }, siteId = site })).JsonAsync();
        Assert.Equal([800_200_012L], answer.GetProperty("placed").EnumerateArray().Select(p => p.GetProperty("contactId").GetInt64()));
        Assert.Equal(800_200_011L, answer.GetProperty("refused")[0].GetProperty("id").GetInt64());
        Assert.Contains("另一接触记录", answer.GetProperty("refused")[0].GetProperty("reason").GetString());
        await using (var db = host.Db())
            Assert.Equal((ContactRole.CloseContact, 1), ((await db.QuarantineStays.SingleAsync(s => s.PersonId == person)).Role, await db.QuarantineStays.CountAsync(s => s.PersonId == person)));
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

    private static ContactProposal Named(long id, long caseId, long person, ContactGrade grade, DateTime at) => new()
    {
        Id = id,
        CaseId = caseId,
        PersonId = person,
        Grade = grade,
        Kind = ContactKind.NamedByInvestigator,
        FirstExposureUtc = at.AddDays(-1),
        ProposedAtUtc = at,
        Status = ProposalStatus.Proposed,
    };

    private static async Task ConfirmAsync(HttpClient epi, long caseId, long contact)
    {
        var answer = await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = new[] { contact }, status = "Confirmed" });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    private static async Task<string> RefusalAsync(HttpClient epi, long caseId, long contact, long site)
    {
        var answer = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/quarantine", new { ids = new[] { contact }, siteId = site })).JsonAsync();
        Assert.Equal(0, answer.GetProperty("placed").GetArrayLength());
        return answer.GetProperty("refused")[0].GetProperty("reason").GetString()!;
    }

    private static async Task<string> ReleaseRefusalAsync(HttpClient epi, long caseId, long contact)
    {
        var answer = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = new[] { contact } })).JsonAsync();
        Assert.Equal(0, answer.GetProperty("released").GetInt32());
        return answer.GetProperty("refused")[0].GetProperty("reason").GetString()!;
    }

    /// <summary>The note of the case's one contact, as the contacts list shows it (<paramref name="culture"/>: "&amp;culture=en" or nothing).</summary>
    private static async Task<string> NoteAsync(HttpClient epi, long caseId, string culture) =>
        (await (await epi.GetAsync($"/api/cases/{caseId}/contacts?pageSize=10{culture}")).JsonAsync()).GetProperty("items")[0].GetProperty("note").GetString()!;

    private static async Task<CodeColour> ColourAsync(CityHost host, long person)
    {
        await using var db = host.Db();
        return (await db.HealthCodes.SingleAsync(h => h.PersonId == person)).Colour;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Accounts;
using Fangkong.Core.Codes;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Places;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.VenueCodes;

public sealed class VenueScanTestsSqlite() : VenueScanTests(StorageProvider.Sqlite);
public sealed class VenueScanTestsPostgres() : VenueScanTests(StorageProvider.Postgres);

/// <summary>
/// Venue codes scanned by phones (issue 21 part 1, ADR 0038): a bus's code scanned in and out by passengers (one of them
/// registered by a household member's phone) yields visits that a case's contact search finds exactly as gate entries; a red
/// resident is refused and no entry is recorded; bad input is refused naming the field, with nothing written.
/// </summary>
public abstract class VenueScanTests(StorageProvider provider)
{
    private const long BusId = 30;

    private static async Task<ApiHost> StartAsync(StorageProvider provider)
    {
        var host = await ApiHost.StartAsync(provider, s =>
        {
            // Bob lives with Alice (the "resident" account) and has no phone; Carol rides with her own.
            s.Alice.HouseholdId = Scenario.HouseholdId;
            s.Bob.HouseholdId = Scenario.HouseholdId;
        });
        await using var db = host.Db();
        db.Venues.Add(new Venue { Id = BusId, Name = "辽源3路公交 吉D·12345", Type = VenueType.Bus, DistrictCode = "220402", Capacity = 0 });
        var hash = await db.Users.Where(u => u.UserName == "resident").Select(u => u.PasswordHash).FirstAsync();
        db.Users.Add(new User { Id = 40, UserName = "carol", DisplayName = "欧阳娜娜", PasswordHash = hash, Role = Roles.Resident, PersonId = host.Scenario.Carol.Id });
        await db.SaveChangesAsync();
        return host;
    }

    private static async Task<string> TokenAsync(ApiHost host, long venueId)
    {
        var admin = await host.LoginAsync("admin");
        var card = await (await admin.GetAsync($"/api/venue-codes/{venueId}")).JsonAsync();
        var url = card.GetProperty("scanUrl").GetString()!;
        Assert.EndsWith("/v/" + card.GetProperty("token").GetString(), url);
        return card.GetProperty("token").GetString()!;
    }

    private static Task<HttpResponseMessage> ScanAsync(HttpClient phone, string token, string key, long? forPersonId = null) =>
        phone.PostAsJsonAsync("/api/venue-codes/scans", new { token, idempotencyKey = key, forPersonId });

    [Fact]
    public async Task A_code_revoked_early_is_refused_naming_the_revocation_and_the_new_code_scans()
    {
        await using var host = await StartAsync(provider);
        var old = await TokenAsync(host, BusId);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var admin = await host.LoginAsync("admin");
        // No reason, no revocation: refused naming the field, the old code still scans.
        var bare = await admin.PostAsJsonAsync($"/api/venue-codes/{BusId}/revoke", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(["reason"], (await bare.JsonAsync()).ProblemFields());
        await using (var db = host.Db()) Assert.Null((await db.VenueCodes.SingleAsync(c => c.VenueId == BusId)).RevokedBeforeUtc);

        var revoked = await admin.PostAsJsonAsync($"/api/venue-codes/{BusId}/revoke", new { reason = "旧码被翻拍冒用" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var fresh = (await revoked.JsonAsync()).GetProperty("token").GetString()!;
        Assert.NotEqual(old, fresh);
        var alice = await host.LoginAsync("resident");
        var refused = await ScanAsync(alice, old, "alice-old-0001");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal(["token"], problem.ProblemFields());
        Assert.Contains("作废", problem.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.GetAsync($"/api/venue-codes/view?token={old}")).StatusCode);
        await using (var db = host.Db())
        {
            Assert.False(await db.Visits.AnyAsync(v => v.VenueId == BusId));
            var row = await db.VenueCodes.SingleAsync(c => c.VenueId == BusId);
            Assert.Equal(("旧码被翻拍冒用", (long?)1L), (row.RevocationReason, row.RevokedByUserId));
        }
        // The new poster's code scans.
        var admitted = await (await ScanAsync(alice, fresh, "alice-new-0001")).JsonAsync();
        Assert.Equal("Admit", admitted.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Passengers_scan_a_bus_in_and_out_and_the_case_finds_them_as_for_gate_entries()
    {
        await using var host = await StartAsync(provider);
        var token = await TokenAsync(host, BusId);
        var alice = await host.LoginAsync("resident");
        var carol = await host.LoginAsync("carol");
        var (aliceId, bobId, carolId) = (host.Scenario.Alice.Id, host.Scenario.Bob.Id, host.Scenario.Carol.Id);

        // The page's first view: the bus, Alice's own colour, and Bob as the household member she may register.
        var view = await (await alice.GetAsync($"/api/venue-codes/view?token={token}")).JsonAsync();
        Assert.Equal(BusId, view.GetProperty("venueId").GetInt64());
        Assert.Equal("Green", view.GetProperty("colour").GetString());
        Assert.Equal([bobId], view.GetProperty("household").EnumerateArray().Select(m => m.GetProperty("personId").GetInt64()));

        var carolIn = await (await ScanAsync(carol, token, "carol-in-0001")).JsonAsync();
        Assert.Equal(("Admit", "In", "VenueCode"), (carolIn.GetProperty("outcome").GetString(), carolIn.GetProperty("direction").GetString(), carolIn.GetProperty("method").GetString()));
        var aliceIn = await ScanAsync(alice, token, "alice-in-0001");
        Assert.Equal(HttpStatusCode.OK, aliceIn.StatusCode);
        var bobIn = await (await ScanAsync(alice, token, "bob-in-00001", bobId)).JsonAsync();
        Assert.Equal(("Admit", "VenueCodeProxy"), (bobIn.GetProperty("outcome").GetString(), bobIn.GetProperty("method").GetString()));
        // A weak network's retry: the same key is answered from the first scan, not recorded again (nor taken as an exit).
        var retry = await (await ScanAsync(carol, token, "carol-in-0001")).JsonAsync();
        Assert.True(retry.GetProperty("replayed").GetBoolean());
        Assert.Equal(("In", carolIn.GetProperty("visitId").GetInt64()), (retry.GetProperty("direction").GetString(), retry.GetProperty("visitId").GetInt64()));
        // The same key for another person (or another household member) is refused, naming the key, and writes nothing.
        var reused = await ScanAsync(alice, token, "carol-in-0001");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(["idempotencyKey"], (await reused.JsonAsync()).ProblemFields());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ScanAsync(alice, token, "alice-in-0001", bobId)).StatusCode);

        host.Time.Advance(TimeSpan.FromMinutes(12));
        foreach (var (phone, key, who) in new[] { (carol, "carol-out-001", (long?)null), (alice, "alice-out-001", null), (alice, "bob-out-00001", bobId) })
        {
            var left = await (await ScanAsync(phone, token, key, who)).JsonAsync();
            Assert.Equal(("Admit", "Out"), (left.GetProperty("outcome").GetString(), left.GetProperty("direction").GetString()));
        }

        await using (var db = host.Db())
        {
            var visits = await db.Visits.Where(v => v.VenueId == BusId).OrderBy(v => v.PersonId).ToListAsync();
            Assert.Equal([aliceId, bobId, carolId], visits.Select(v => v.PersonId));
            Assert.All(visits, v => Assert.Equal(TimeSpan.FromMinutes(12), v.ExitedAtUtc - v.EnteredAtUtc));
            Assert.Equal([EntryMethod.VenueCode, EntryMethod.VenueCodeProxy, EntryMethod.VenueCode], visits.Select(v => v.Method));
            Assert.Equal(6, await db.GateEvents.CountAsync(e => e.VenueId == BusId));
            // Carol is found positive that afternoon.
            db.Cases.Add(new CaseRecord
            {
                Id = 800_000_001,
                PersonId = carolId,
                FoundBy = CaseFoundBy.PoolResampling,
                FirstPositiveSampledAtUtc = host.Time.GetUtcNow().UtcDateTime.AddHours(3),
                ReportedAtUtc = host.Time.GetUtcNow().UtcDateTime.AddHours(4),
                OnsetDate = new DateOnly(2026, 11, 20),
                Class = CaseClass.Mild,
                Edition = PolicyEdition.Edition9,
            });
            await db.SaveChangesAsync();
        }
        host.Time.Advance(TimeSpan.FromHours(5));
        var epi = await host.LoginAsync("epi");

        // The dashboard counts the scans (part 5), each figure equal to the scan list behind it; the list is masked.
        var figures = (await epi.GetFromJsonAsync<JsonElement>("/api/dashboard?fresh=true")).GetProperty("figures").EnumerateArray()
            .Where(f => f.GetProperty("key").GetString()!.StartsWith("venueScans.", StringComparison.Ordinal)).ToList();
        Assert.Equal((6, 3, 2, 0), (Command.DashboardChecks.Value(figures, "venueScans.today"), Command.DashboardChecks.Value(figures, "venueScans.entriesToday"),
            Command.DashboardChecks.Value(figures, "venueScans.proxyToday"), Command.DashboardChecks.Value(figures, "venueScans.deniedToday")));
        Assert.Equal(6, Command.DashboardChecks.Value(figures, $"venueScans.venue.{BusId}"));
        Assert.Equal(5, await Command.DashboardChecks.FiguresMatchListsAsync(epi, figures));
        var lines = (await epi.GetFromJsonAsync<JsonElement>($"/api/lists/venue-scans?venueId={BusId}&method=VenueCodeProxy")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal("李*", l.GetProperty("name").GetString()));
        (await epi.PostAsync("/api/cases/800000001/contacts/search", null)).EnsureSuccessStatusCode();
        var contacts = (await (await epi.GetAsync("/api/cases/800000001/contacts?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([aliceId, bobId], contacts.Select(c => c.GetProperty("personId").GetInt64()).Order());
        Assert.All(contacts, c =>
        {
            Assert.Equal("SharedVisit", c.GetProperty("kind").GetString());
            Assert.Equal(BusId, c.GetProperty("venueId").GetInt64());
            Assert.Equal(12, c.GetProperty("overlapMinutes").GetInt32());
        });
    }

    [Fact]
    public async Task A_red_resident_is_refused_in_words_and_bad_scans_name_the_field_writing_nothing()
    {
        await using var host = await StartAsync(provider);
        await using (var db = host.Db())
        {
            db.HealthCodes.Add(new HealthCodeState { PersonId = host.Scenario.Alice.Id, Colour = CodeColour.Red, SinceUtc = host.Time.GetUtcNow().UtcDateTime.AddDays(-1), Rule = "Case", PolicyVersion = "test" });
            await db.SaveChangesAsync();
        }
        var token = await TokenAsync(host, Scenario.HallId);
        var alice = await host.LoginAsync("resident");

        var refused = await (await ScanAsync(alice, token, "alice-red-0001")).JsonAsync();
        Assert.Equal(("Deny", "In", "Red"), (refused.GetProperty("outcome").GetString(), refused.GetProperty("direction").GetString(), refused.GetProperty("colour").GetString()));
        Assert.Contains("RedCode", refused.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(refused.GetProperty("reasonWords").EnumerateArray(), w => w.GetString()!.Contains("红码", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("visitId").ValueKind);

        // Bad input: each refusal names its field. A tampered token, a missing key, a person outside the household.
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + parts[2][..^4] + (parts[2].EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var carolId = host.Scenario.Carol.Id;
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { token = forged, idempotencyKey = "forged-00001" }, "token"),
            (new { token = "FV1.not-a-code.x", idempotencyKey = "junk-000001" }, "token"),
            (new { token, idempotencyKey = "short" }, "idempotencyKey"),
            (new { token, idempotencyKey = "not-mine-0001", forPersonId = (long?)carolId }, "forPersonId"),
        })
        {
            var r = await alice.PostAsJsonAsync("/api/venue-codes/scans", body);
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{field}: {r.StatusCode}");
            Assert.Equal([field], (await r.JsonAsync()).ProblemFields());
        }
        await using (var db = host.Db())
        {
            Assert.Equal(0, await db.Visits.CountAsync());
            // The refusal is on record as a denied event (as at a gate), never as an entry.
            var events = await db.GateEvents.ToListAsync();
            Assert.Equal([Fangkong.Domain.Gate.GateOutcome.Deny], events.Select(e => e.Outcome));
            Assert.Equal(EntryMethod.VenueCode, events[0].Method);
        }

        // The poster: the hall's own manager, administrators; not another venue's manager, not a resident.
        var manager = await host.LoginAsync("manager");
        var pdf = await manager.GetAsync($"/api/venue-codes/{Scenario.HallId}/poster.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("场所码", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/venue-codes/{Scenario.OtherVenueId}/poster.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync($"/api/venue-codes/{Scenario.HallId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.LoginAsync("admin")).GetAsync("/api/venue-codes/999999")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.People;
using Fangkong.Web.Tests.Api.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class CaseTimelineTestsSqlite() : CaseTimelineTests(StorageProvider.Sqlite);
public sealed class CaseTimelineTestsPostgres() : CaseTimelineTests(StorageProvider.Postgres);

/// <summary>
/// A case's whole story on one timeline, each feature telling its part: a swab and its result, the report, an interview,
/// contacts found, confirmed and placed, a transfer into a designated hospital and a move to a Fangcang bed, the zone
/// sealed for it, and who read what — in order, worded in the reader's language, masked, and the read audited.
/// </summary>
public abstract class CaseTimelineTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero); // 09:00 in the city

    [Fact]
    public async Task The_timeline_tells_the_case_s_story_in_order_from_every_feature_and_its_read_is_audited()
    {
        await using var host = await CityHost.StartAsync(provider);
        host.Time.SetUtcNow(Day0);
        var d = new RoundDriver(host, await host.LoginAsync("admin"), await host.LoginAsync("sampler"), await host.LoginAsync("lab"));

        // Day 0: swabbed in a mass-testing round, negative an hour later.
        var round = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (site, people) = await d.SiteResidentsAsync(round);
        var (person, name, mates) = await WithHouseholdAsync(host, people.Select(p => p.PersonId));
        var tube = RoundDriver.NewTube();
        await d.OpenTubeAsync(round, site, tube);
        await d.SampleOkAsync(tube, people.Single(p => p.PersonId == person).IdNumber);
        await d.CloseAsync(tube);
        await d.ShipAsync(tube);
        host.Time.Advance(TimeSpan.FromHours(1));
        await d.ResultAsync(tube, "Negative");

        // Day 1: reported by a fever clinic (its home is proposed for sealing), interviewed, its household searched and confirmed.
        host.Time.SetUtcNow(Day0.AddDays(1));
        // Signed in on the day (a sign-in does not last a day).
        var admin = await host.LoginAsync("admin");
        var epi = await host.LoginAsync("epi");
        var reported = await epi.PostAsJsonAsync("/api/cases", new { personId = person, firstPositiveSampledAtUtc = Day0.AddHours(18).UtcDateTime, @class = "Common", foundBy = "FeverClinic", onsetDate = "2026-11-20" });
        var caseId = (await Ok(reported)).GetProperty("id").GetInt64();
        await Ok(await epi.PostAsJsonAsync($"/api/cases/{caseId}/places", new { place = "朋友家（建设街12号）", from = Day0.AddHours(3).UtcDateTime, to = Day0.AddHours(5).UtcDateTime }));
        var (venue, venueName) = await VenueAsync(host);
        await Ok(await epi.PostAsJsonAsync($"/api/cases/{caseId}/risk-windows", new { venueId = venue, from = Day0.AddHours(6).UtcDateTime, to = Day0.AddHours(7).UtcDateTime }));
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await Ok(await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null));
        var proposals = (await Ok(await epi.GetAsync($"/api/cases/{caseId}/contacts"))).GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(mates.Count, proposals.Length);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await Ok(await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = proposals, status = "Confirmed" }));

        // Placed at a hotel, together.
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var district = await DistrictAsync(host);
        var hotel = (await Ok(await admin.PostAsJsonAsync("/api/quarantine/sites", new { name = "辽源国际酒店", districtCode = district, rooms = new[] { new { number = "301", beds = 8 } } }))).GetProperty("id").GetInt64();
        var placed = await Ok(await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/quarantine", new { ids = proposals, siteId = hotel }));
        Assert.Equal(mates.Count, placed.GetProperty("placed").GetArrayLength());

        // Driven to a designated hospital (admitted on arrival), then moved to a Fangcang bed.
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var designated = await HospitalAsync(admin, "测试定点医院", "Designated", district);
        var fangcang = await HospitalAsync(admin, "测试方舱医院", "Fangcang", district);
        var batch = (await Ok(await admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = new[] { caseId }, toHospitalId = designated }))).GetProperty("id").GetInt64();
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await Ok(await admin.PostAsJsonAsync($"/api/hospitals/transfer-batches/{batch}/dispatch", new { vehicle = "吉D-120" }));
        host.Time.Advance(TimeSpan.FromMinutes(30));
        await Ok(await admin.PostAsJsonAsync($"/api/hospitals/transfer-batches/{batch}/arrive", new { }));
        host.Time.Advance(TimeSpan.FromHours(2));
        await Ok(await admin.PostAsJsonAsync($"/api/hospitals/cases/{caseId}/move", new { hospitalId = fangcang }));

        // Its home compound sealed by an officer; the investigation report drawn up.
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var zones = (await Ok(await epi.GetAsync("/api/zones?state=Proposed"))).GetProperty("items").EnumerateArray().ToList();
        var sealedZone = zones.Single(z => z.GetProperty("level").GetString() == "Sealed");
        var sealedId = sealedZone.GetProperty("id").GetInt64();
        await Ok(await epi.PostAsJsonAsync($"/api/zones/{sealedId}/confirm", new { }));
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await Ok(await epi.GetAsync($"/api/cases/{caseId}/investigation"));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        var body = await Ok(await epi.GetAsync($"/api/cases/{caseId}/timeline"));
        var entries = body.GetProperty("entries").EnumerateArray().Select(Entry.Of).ToList();
        var number = body.GetProperty("number").GetString()!;

        // In order of time, and every feature's part in its place.
        Assert.Equal(entries.OrderBy(e => e.AtUtc).Select(e => e.AtUtc), entries.Select(e => e.AtUtc));
        string[] story = ["exposure-window", "onset", "sampled", "result", "investigation-place", "risk-window", "first-positive", "reported", "contacts-found", "contacts-confirmed",
            "contacts-placed", "transfer-requested", "transfer-dispatched", "transfer-arrived", "admitted", "bed-move", "zone-confirmed", "investigation-report"];
        var at = story.Select(k => entries.FindIndex(e => e.Kind == k)).ToList();
        Assert.True(at.All(i => i >= 0), "missing: " + string.Join(", ", story.Where((k, i) => at[i] < 0)));
        Assert.Equal(at.Order(), at);

        // What each says, where it links, who did it (masked).
        var epiName = await MaskedDisplayNameAsync(host, "epi");
        var adminName = await MaskedDisplayNameAsync(host, "admin");
        Assert.Equal(Day0.UtcDateTime, One(entries, "sampled").AtUtc);
        Assert.Contains(tube, One(entries, "sampled").Text);
        Assert.Equal($"/testing/rounds/{round}", One(entries, "sampled").Link);
        Assert.Contains("阴性", One(entries, "result").Text);
        var report = One(entries, "reported");
        Assert.Equal(($"报告为普通型（{number}），发现途径：发热门诊", epiName), (report.Text, report.By));
        Assert.Equal(new DateTime(2026, 11, 19, 16, 0, 0, DateTimeKind.Utc), One(entries, "onset").AtUtc);
        Assert.Equal(($"确认接触者{mates.Count}名", epiName, $"/tracing/contacts?caseId={caseId}"),
            (One(entries, "contacts-confirmed").Text, One(entries, "contacts-confirmed").By, One(entries, "contacts-confirmed").Link));
        Assert.Equal(($"接触者{mates.Count}名入住辽源国际酒店集中隔离", $"/quarantine/sites/{hotel}"), (One(entries, "contacts-placed").Text, One(entries, "contacts-placed").Link));
        Assert.Equal(("申请转运：居家至测试定点医院", adminName), (One(entries, "transfer-requested").Text, One(entries, "transfer-requested").By));
        Assert.StartsWith("收治入测试定点医院", One(entries, "admitted").Text);
        Assert.Equal($"/hospitals/{designated}", One(entries, "admitted").Link);
        Assert.Equal((Day0.AddDays(1).AddMinutes(200).UtcDateTime, $"/hospitals/{fangcang}", adminName),
            (One(entries, "bed-move").AtUtc, One(entries, "bed-move").Link, One(entries, "bed-move").By));
        Assert.StartsWith("转床至测试方舱医院", One(entries, "bed-move").Text);
        var zone = One(entries, "zone-confirmed");
        Assert.Equal(($"/zones/{sealedId}", epiName), (zone.Link, zone.By));
        Assert.Contains(sealedZone.GetProperty("number").GetString()!, zone.Text);
        Assert.EndsWith("确认生效：封控区", zone.Text);
        Assert.Contains(entries, e => e.Kind == "zone-case" && e.Link == $"/zones/{sealedId}");
        Assert.Equal($"/tracing/cases/{caseId}/report", One(entries, "investigation-report").Link);
        Assert.Equal(("流调访谈：2026-11-20 12:00至2026-11-20 14:00在朋友家（建设街12号）", epiName), (One(entries, "investigation-place").Text, One(entries, "investigation-place").By));
        Assert.Equal(($"风险点位：{venueName}，2026-11-20 15:00至2026-11-20 16:00", $"/venues/{venue}"), (One(entries, "risk-window").Text, One(entries, "risk-window").Link));
        // Who read what: the contact search's read of the trajectory, by the epidemiologist.
        // The platform's purposes name the case by its number, never its internal id (ADR 0016).
        Assert.Contains(entries, e => e.Kind == "read" && e.Text == $"查阅密接排查：病例{number}流调" && e.By == epiName);
        Assert.DoesNotContain(entries, e => e.Text.Contains(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        // Known to the day only: the onset and the window's first day carry no time of day.
        Assert.Equal([true, true, false], new[] { One(entries, "onset"), One(entries, "exposure-window"), One(entries, "reported") }.Select(e => e.AllDay));

        // Masked: the person's name never leaves in full.
        Assert.Equal(Masking.Name(name), body.GetProperty("maskedName").GetString());
        Assert.DoesNotContain(entries, e => e.Text.Contains(name, StringComparison.Ordinal));

        // The read is audited, and the next reading shows it, in the reader's language when asked.
        await using (var db = host.Db())
        {
            var audit = await db.TraceAccesses.AsNoTracking().Where(a => a.Kind == CaseTimeline.AuditKind).ToListAsync();
            Assert.Equal((person, "epi"), (audit.Single().PersonId, audit.Single().UserName));
        }
        using var en = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseId}/timeline");
        en.Headers.AcceptLanguage.ParseAdd("en");
        var again = (await Ok(await epi.SendAsync(en))).GetProperty("entries").EnumerateArray().Select(Entry.Of).ToList();
        Assert.Contains(again, e => e.Kind == "read" && e.Text == $"Read case timeline: case {number}");
        Assert.StartsWith("Admitted to 测试定点医院", One(again, "admitted").Text);
        Assert.Equal($"Reported as common ({number}), found by: fever clinic", One(again, "reported").Text);

        // A contact in quarantine who becomes a case: its own stay is on its timeline, with the site.
        var second = (await Ok(await epi.PostAsJsonAsync("/api/cases", new { personId = mates[0], firstPositiveSampledAtUtc = host.Time.GetUtcNow().UtcDateTime.AddHours(-1), @class = "Asymptomatic", foundBy = "ContactUnderQuarantine" }))).GetProperty("id").GetInt64();
        var own = (await Ok(await epi.GetAsync($"/api/cases/{second}/timeline"))).GetProperty("entries").EnumerateArray().Select(Entry.Of).ToList();
        var stay = One(own, "own-stay");
        Assert.Equal($"/quarantine/sites/{hotel}", stay.Link);
        Assert.Matches(@"^本人隔离Q\d{4}-\d{4}：辽源国际酒店，2026-11-\d\d至2026-1\d-\d\d$", stay.Text);
        Assert.True(stay.AtUtc < One(own, "reported").AtUtc);
        Assert.DoesNotContain(own, e => e.Kind == "contacts-placed");
    }

    [Fact]
    public async Task An_unknown_case_is_404_and_nothing_is_audited()
    {
        await using var host = await CityHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var r = await epi.GetAsync("/api/cases/987654321/timeline");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal(["id"], (await r.JsonAsync()).ProblemFields());
        await using var db = host.Db();
        Assert.Equal(0, await db.TraceAccesses.CountAsync(a => a.Kind == CaseTimeline.AuditKind));
    }

    private sealed record Entry(DateTime AtUtc, string Kind, string Text, string? Link, string? By, bool AllDay)
    {
        public static Entry Of(JsonElement e) => new(e.GetProperty("atUtc").GetDateTime(), e.GetProperty("kind").GetString()!, e.GetProperty("text").GetString()!,
            e.GetProperty("link").GetString(), e.GetProperty("by").GetString(), e.GetProperty("allDay").GetBoolean());
    }

    private static Entry One(List<Entry> entries, string kind) => entries.Single(e => e.Kind == kind);

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage?.RequestUri}: {r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    /// <summary>A person of the site who lives with others (their household contacts), with their name and the others.</summary>
    private static async Task<(long Person, string Name, List<long> Mates)> WithHouseholdAsync(CityHost host, IEnumerable<long> candidates)
    {
        await using var db = host.Db();
        var ids = candidates.ToList();
        var person = await db.Persons.Where(p => ids.Contains(p.Id) && p.HouseholdId != null && db.Persons.Count(o => o.HouseholdId == p.HouseholdId) >= 2)
            .OrderBy(p => p.Id).FirstAsync();
        var mates = await db.Persons.Where(p => p.HouseholdId == person.HouseholdId && p.Id != person.Id).Select(p => p.Id).ToListAsync();
        return (person.Id, person.Name, mates);
    }

    private static async Task<(long Id, string Name)> VenueAsync(CityHost host)
    {
        await using var db = host.Db();
        var v = await db.Venues.OrderBy(x => x.Id).Select(x => new { x.Id, x.Name }).FirstAsync();
        return (v.Id, v.Name);
    }

    private static async Task<string> DistrictAsync(CityHost host)
    {
        await using var db = host.Db();
        return await db.Districts.OrderBy(x => x.Code).Select(x => x.Code).FirstAsync();
    }

    private static async Task<string> MaskedDisplayNameAsync(CityHost host, string user)
    {
        await using var db = host.Db();
        return Masking.Name(await db.Users.Where(u => u.UserName == user).Select(u => u.DisplayName).SingleAsync());
    }

    private static async Task<long> HospitalAsync(HttpClient admin, string name, string kind, string district)
    {
        var r = await admin.PostAsJsonAsync("/api/hospitals", new { name, kind, districtCode = district, wards = new[] { new { name = "一病区", beds = 4 } } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.JsonAsync()).GetProperty("id").GetInt64();
    }
}

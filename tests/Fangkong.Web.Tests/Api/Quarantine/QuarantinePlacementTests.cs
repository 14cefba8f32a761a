using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Places;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Quarantine;

public sealed class QuarantinePlacementTestsSqlite() : QuarantinePlacementTests(StorageProvider.Sqlite);
public sealed class QuarantinePlacementTestsPostgres() : QuarantinePlacementTests(StorageProvider.Postgres);

/// <summary>Confirmed contacts into centralized quarantine: a room per family, the smallest that fits, a person alone in a room alone.</summary>
public abstract class QuarantinePlacementTests(StorageProvider provider)
{
    [Fact]
    public async Task Families_share_a_room_singles_get_their_own_and_a_full_site_refuses_with_the_reason()
    {
        await using var host = await CityHost.StartAsync(provider);
        const long caseId = 800_000_003;
        long stranger;
        List<long> mates;
        string district;
        await using (var db = host.Db())
        {
            var household = await db.Persons.Where(p => p.HouseholdId != null).GroupBy(p => p.HouseholdId).Where(g => g.Count() == 3).Select(g => g.Key).FirstAsync();
            var members = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            mates = members.Skip(1).ToList();
            stranger = await db.Persons.Where(p => p.HouseholdId != household).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            district = await db.Districts.Select(d => d.Code).FirstAsync();
            var hall = await db.Venues.Where(v => v.Type == VenueType.ServiceHall).Select(v => v.Id).FirstAsync();
            var at = new DateTime(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc);
            db.Visits.Add(new Visit { Id = 910_000_001, PersonId = members[0], VenueId = hall, EnteredAtUtc = at, ExitedAtUtc = at.AddHours(1), Method = EntryMethod.IdCard });
            db.Visits.Add(new Visit { Id = 910_000_002, PersonId = stranger, VenueId = hall, EnteredAtUtc = at, ExitedAtUtc = at.AddHours(1), Method = EntryMethod.IdCard });
            db.Cases.Add(new CaseRecord
            {
                Id = caseId,
                PersonId = members[0],
                FoundBy = CaseFoundBy.FeverClinic,
                FirstPositiveSampledAtUtc = at.AddDays(1),
                ReportedAtUtc = at.AddDays(1),
                Class = CaseClass.Mild,
                OnsetDate = new DateOnly(2026, 11, 19),
                Edition = PolicyEdition.Edition9
            });
            await db.SaveChangesAsync();
        }
        var admin = await host.LoginAsync("admin");
        var bad = await admin.PostAsJsonAsync("/api/quarantine/sites", new { name = "某酒店", districtCode = district, rooms = new[] { new { number = "101", beds = 1 }, new { number = "101", beds = 2 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("rooms[1].number", await bad.Content.ReadAsStringAsync());
        var small = (await (await admin.PostAsJsonAsync("/api/quarantine/sites", new { name = "龙山宾馆", districtCode = district, rooms = new[] { new { number = "1", beds = 1 } } })).JsonAsync()).GetProperty("id").GetInt64();
        var hotel = (await (await admin.PostAsJsonAsync("/api/quarantine/sites", new
        {
            name = "辽源国际酒店",
            districtCode = district,
            address = "龙山区人民大街1号",
            rooms = new[] { new { number = "301", beds = 3 }, new { number = "202", beds = 2 }, new { number = "101", beds = 1 }, new { number = "102", beds = 1 } },
        })).JsonAsync()).GetProperty("id").GetInt64();

        await admin.PostAsync($"/api/cases/{caseId}/contacts/search", null);
        var proposals = (await (await admin.GetAsync($"/api/cases/{caseId}/contacts")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(x => x.GetProperty("personId").GetInt64(), x => x.GetProperty("id").GetInt64());
        Assert.Equal(mates.Append(stranger).Order(), proposals.Keys.Order());
        var all = proposals.Values.ToArray();
        (await admin.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = all, status = "Confirmed" })).EnsureSuccessStatusCode();

        // The small site has one single room: the stranger fits, the family of two does not.
        var first = await (await admin.PostAsJsonAsync($"/api/cases/{caseId}/contacts/quarantine", new { ids = all, siteId = small })).JsonAsync();
        Assert.Equal([stranger], first.GetProperty("placed").EnumerateArray().Select(p => p.GetProperty("personId").GetInt64()));
        Assert.Equal(2, first.GetProperty("refused").GetArrayLength());
        Assert.Contains("2", first.GetProperty("refused")[0].GetProperty("reason").GetString());

        // At the hotel the family takes the two-bed room (the smallest that fits); the stranger is in quarantine already.
        var second = await (await admin.PostAsJsonAsync($"/api/cases/{caseId}/contacts/quarantine", new { ids = all, siteId = hotel })).JsonAsync();
        var placed = second.GetProperty("placed").EnumerateArray().ToList();
        Assert.Equal(mates.Order(), placed.Select(p => p.GetProperty("personId").GetInt64()).Order());
        Assert.All(placed, p => Assert.Equal("202", p.GetProperty("room").GetString()));
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.Parse(placed[0].GetProperty("releaseDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("已在隔离中", second.GetProperty("refused")[0].GetProperty("reason").GetString());

        var sites = (await (await admin.GetAsync("/api/quarantine/sites?q=辽源国际")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal((4, 7, 1, 2, 3), (sites.GetProperty("rooms").GetInt32(), sites.GetProperty("beds").GetInt32(), sites.GetProperty("occupiedRooms").GetInt32(),
            sites.GetProperty("persons").GetInt32(), sites.GetProperty("freeRooms").GetInt32()));
        await using (var db = host.Db())
            Assert.Equal(3, await db.QuarantineStays.CountAsync(x => x.CaseId == caseId && x.State == QuarantineState.InQuarantine));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.LoginAsync("epi")).PostAsJsonAsync("/api/quarantine/sites", new { name = "x" })).StatusCode);
    }
}

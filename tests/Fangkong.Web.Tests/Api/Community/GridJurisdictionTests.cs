using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Community;

public sealed class GridJurisdictionTestsSqlite() : GridJurisdictionTests(StorageProvider.Sqlite);
public sealed class GridJurisdictionTestsPostgres() : GridJurisdictionTests(StorageProvider.Postgres);

/// <summary>A grid worker sees their grid, a community officer their community, epidemiologists everything; bad input names its field.</summary>
public abstract class GridJurisdictionTests(StorageProvider provider)
{
    [Fact]
    public async Task A_grid_worker_sees_only_their_grid_and_an_officer_only_their_community()
    {
        await using var host = await CityHost.StartAsync(provider);
        CommunityWorld w;
        int myHouseholds, communityGrids, allGrids, mySpecial;
        await using (var db = host.Db())
        {
            w = await CommunityWorld.ReadAsync(db);
            myHouseholds = await db.GridHouseholds.CountAsync(h => h.GridId == w.GridId);
            communityGrids = await db.Grids.CountAsync(g => g.CommunityId == w.CommunityId);
            allGrids = await db.Grids.CountAsync();
            mySpecial = await db.SpecialGroupMembers.CountAsync(m => m.GridId == w.GridId && m.EndedAtUtc == null);
        }
        Assert.True(allGrids > communityGrids, "the city has grids outside the demo community");

        var grid = await host.LoginAsync("grid");
        var me = await (await grid.GetAsync("/api/community/me")).JsonAsync();
        Assert.Equal((w.GridId, w.CommunityId), (me.GetProperty("gridId").GetInt64(), me.GetProperty("communityId").GetInt64()));
        var grids = await (await grid.GetAsync("/api/community/grids")).JsonAsync();
        Assert.Equal(1, grids.GetProperty("total").GetInt64());
        Assert.Equal(w.GridId, grids.GetProperty("items")[0].GetProperty("gridId").GetInt64());
        Assert.Equal(myHouseholds, grids.GetProperty("items")[0].GetProperty("households").GetInt32());
        var households = await (await grid.GetAsync($"/api/community/grids/{w.GridId}/households?pageSize=100")).JsonAsync();
        Assert.Equal(myHouseholds, households.GetProperty("total").GetInt64());
        Assert.All(households.GetProperty("items").EnumerateArray(), h => Assert.Equal(w.GridId, h.GetProperty("gridId").GetInt64()));
        // Names are masked on the grid worker's list.
        Assert.All(households.GetProperty("items").EnumerateArray().SelectMany(h => h.GetProperty("members").EnumerateArray()),
            m => Assert.Contains("*", m.GetProperty("name").GetString()));
        var special = await (await grid.GetAsync("/api/community/special-groups?size=500")).JsonAsync();
        Assert.Equal(mySpecial, special.GetProperty("count").GetInt64());
        Assert.All(special.GetProperty("items").EnumerateArray(), m => Assert.Equal(w.GridId, m.GetProperty("gridId").GetInt64()));
        // Exported like the list: the same rows, masked, in the reader's language.
        var csv = await grid.GetAsync("/api/community/special-groups.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(mySpecial + 1, lines.Length);
        Assert.Contains("人群类别", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains("*", l.Split(',')[0]));
        Assert.Equal(HttpStatusCode.BadRequest, (await grid.GetAsync("/api/community/special-groups.pdf")).StatusCode);

        // Another community's grid, household and resident do not exist for the grid worker: 404, and nothing written.
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/community/grids/{w.OtherGridId}/households")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/community/households/{w.OtherHouseholdId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"/api/community/households/{w.OtherHouseholdId}/screenings", new { outcome = "Refused" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync("/api/community/problems",
            new { category = "Supplies", text = "缺少生活物资", householdId = w.OtherHouseholdId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync("/api/community/special-groups",
            new { personId = w.OtherPersonId, group = "Veteran", responsibleName = "王丽" })).StatusCode);

        var officer = await host.LoginAsync("officer");
        var theirs = await (await officer.GetAsync("/api/community/grids?pageSize=100")).JsonAsync();
        Assert.Equal(communityGrids, theirs.GetProperty("total").GetInt64());
        Assert.All(theirs.GetProperty("items").EnumerateArray(), g => Assert.Equal(w.CommunityId, g.GetProperty("communityId").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/community/grids/{w.OtherGridId}/households")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/community/grids/{w.GridId}/households")).StatusCode);

        var epi = await host.LoginAsync("epi");
        Assert.Equal(allGrids, (await (await epi.GetAsync("/api/community/grids")).JsonAsync()).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await epi.GetAsync($"/api/community/grids/{w.OtherGridId}/households")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await epi.PostAsJsonAsync($"/api/community/households/{w.OtherHouseholdId}/screenings", new { outcome = "Refused" })).StatusCode);

        await using (var db = host.Db())
        {
            Assert.Equal(0, await db.Screenings.CountAsync());
            Assert.Equal(0, await db.CommunityProblems.CountAsync());
            Assert.False(await db.SpecialGroupMembers.AnyAsync(m => m.PersonId == w.OtherPersonId && m.Group == Domain.Community.SpecialGroup.Veteran && m.RegisteredByUserId != 1));
            // Each list read of residents' data is in the access audit, like trajectory reads.
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.UserName == "grid" && a.Kind == "community:grid"));
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.UserName == "grid" && a.Kind == "community:special-groups"));
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        await using var host = await CityHost.StartAsync(provider);
        CommunityWorld w;
        (long Household, List<long> Members) family;
        long specialBefore;
        await using (var db = host.Db())
        {
            w = await CommunityWorld.ReadAsync(db);
            family = await w.FamilyAsync(db);
            specialBefore = await db.SpecialGroupMembers.CountAsync();
        }
        var grid = await host.LoginAsync("grid");
        var (h, m) = family;
        var url = $"/api/community/households/{h}/screenings";
        var all = m.Select(p => new { personId = p, present = true }).ToList();
        var tomorrow = new DateOnly(2026, 11, 21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var cases = new (string Field, HttpResponseMessage Response)[]
        {
            ("outcome", await grid.PostAsJsonAsync(url, new { members = all })),
            ("outcome", await grid.PostAsJsonAsync(url, new { outcome = "AllHome", members = m.Select((p, i) => new { personId = p, present = i > 0, awayAt = i > 0 ? null : "长春" }) })),
            ("members", await grid.PostAsJsonAsync(url, new { outcome = "AllHome", members = all.Take(1) })),
            ("members[0].personId", await grid.PostAsJsonAsync(url, new { outcome = "SomeAway", members = new object[] { new { personId = w.OtherPersonId, present = true } } })),
            ("members[1].awayAt", await grid.PostAsJsonAsync(url, new { outcome = "SomeAway", members = m.Select((p, i) => new { personId = p, present = i == 0 }) })),
            ("members[0].returnedOn", await grid.PostAsJsonAsync(url, new { outcome = "SomeAway",
                members = m.Select((p, i) => new { personId = p, present = i == 0, awayAt = i == 0 ? null : "长春", returnedFrom = i == 0 ? "上海" : null, returnedOn = i == 0 ? tomorrow : null }) })),
            ("$.outcome", await grid.PostAsJsonAsync(url, new { outcome = "Elsewhere" })),
            ("text", await grid.PostAsJsonAsync("/api/community/problems", new { category = "Medicine", text = " ", householdId = h })),
            ("category", await grid.PostAsJsonAsync("/api/community/problems", new { text = "缺药", householdId = h })),
            ("group", await grid.PostAsJsonAsync("/api/community/special-groups", new { personId = m[0], responsibleName = "王丽" })),
            ("responsibleName", await grid.PostAsJsonAsync("/api/community/special-groups", new { personId = m[0], group = "Veteran" })),
            ("since", await grid.GetAsync($"/api/community/grids?since={tomorrow}")),
        };
        foreach (var (field, response) in cases)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var problem = await response.JsonAsync();
            Assert.True(problem.ProblemFields().Contains(field), $"{field}: {problem}");
        }
        await using (var db = host.Db())
        {
            Assert.Equal(0, await db.Screenings.CountAsync());
            Assert.Equal(0, await db.ScreeningMembers.CountAsync());
            Assert.Equal(0, await db.CommunityProblems.CountAsync());
            Assert.Equal(specialBefore, await db.SpecialGroupMembers.CountAsync());
        }
    }
}

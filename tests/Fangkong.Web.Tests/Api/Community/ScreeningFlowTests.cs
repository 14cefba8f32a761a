using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Testing;
using Fangkong.Domain.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Community;

public sealed class ScreeningFlowTestsSqlite() : ScreeningFlowTests(StorageProvider.Sqlite);
public sealed class ScreeningFlowTestsPostgres() : ScreeningFlowTests(StorageProvider.Postgres);

/// <summary>Door-to-door screening recorded by a grid worker, a problem reaching the officer at once, the special-groups register.</summary>
public abstract class ScreeningFlowTests(StorageProvider provider)
{
    [Fact]
    public async Task A_screening_is_recorded_and_a_problem_reaches_the_officer_at_once()
    {
        await using var host = await CityHost.StartAsync(provider);
        CommunityWorld w;
        (long Household, List<long> Members) family;
        await using (var db = host.Db())
        {
            w = await CommunityWorld.ReadAsync(db);
            family = await w.FamilyAsync(db);
        }
        var (h, m) = family;
        var grid = await host.LoginAsync("grid");
        var recorded = await grid.PostAsJsonAsync($"/api/community/households/{h}/screenings", new
        {
            outcome = "SomeAway",
            members = m.Select((p, i) => i == 1
                ? new { personId = p, present = false, awayAt = (string?)"长春市朝阳区", awaySince = (string?)"2026-11-15", returnedFrom = (string?)null, returnedOn = (string?)null, needs = (string?)null }
                : new { personId = p, present = true, awayAt = (string?)null, awaySince = (string?)null, returnedFrom = i == 0 ? "上海" : null, returnedOn = i == 0 ? "2026-11-18" : null, needs = i == 0 ? "需要降压药" : null }),
            note = "门口张贴了告知书",
        });
        Assert.True(recorded.StatusCode == HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        var detail = await recorded.JsonAsync();
        var household = detail.GetProperty("household");
        Assert.Equal("SomeAway", household.GetProperty("lastScreening").GetProperty("outcome").GetString());
        var members = household.GetProperty("members").EnumerateArray().ToDictionary(x => x.GetProperty("personId").GetInt64());
        Assert.True(members[m[1]].GetProperty("away").GetBoolean());
        Assert.Equal("长春市朝阳区", members[m[1]].GetProperty("awayAt").GetString());
        Assert.False(members[m[0]].GetProperty("away").GetBoolean());
        Assert.Equal(("上海", "2026-11-18"), (members[m[0]].GetProperty("returnedFrom").GetString(), members[m[0]].GetProperty("returnedOn").GetString()));
        Assert.Equal("需要降压药", members[m[0]].GetProperty("needs").GetString());
        Assert.Single(detail.GetProperty("screenings").EnumerateArray());
        await using (var db = host.Db())
        {
            var s = await db.Screenings.SingleAsync();
            Assert.Equal((h, w.GridId, w.CommunityId, ScreeningOutcome.SomeAway), (s.HouseholdId, s.GridId, s.CommunityId, s.Outcome));
            Assert.Equal(m.Count, await db.ScreeningMembers.CountAsync(x => x.ScreeningId == s.Id));
            // Reading the household back to the grid worker is audited, member by member.
            var audited = await db.TraceAccesses.Where(a => a.Kind == "community:household" && a.UserName == "grid").Select(a => a.PersonId!.Value).Distinct().ToListAsync();
            Assert.Equal(m.Order(), audited.Order());
        }

        // The officer's overview counts the visit, the member away and the one returned.
        var officer = await host.LoginAsync("officer");
        var progress = (await (await officer.GetAsync("/api/community/grids?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(g => g.GetProperty("gridId").GetInt64() == w.GridId);
        Assert.Equal((1, 1, 1), (progress.GetProperty("screened").GetInt32(), progress.GetProperty("away").GetInt32(), progress.GetProperty("returned").GetInt32()));

        // A problem raised at the door is in the officer's inbox at once, unread until an officer opens it.
        var raised = await grid.PostAsJsonAsync("/api/community/problems", new { category = "Medicine", text = "老人降压药已断，需社区医生送药", householdId = h });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await raised.JsonAsync()).GetProperty("id").GetInt64();
        var inbox = await (await officer.GetAsync("/api/community/problems")).JsonAsync();
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        var first = inbox.GetProperty("problems").GetProperty("items")[0];
        Assert.Equal((id, "老人降压药已断，需社区医生送药", true), (first.GetProperty("id").GetInt64(), first.GetProperty("text").GetString(), first.GetProperty("unread").GetBoolean()));
        Assert.Equal(1, (await (await grid.GetAsync($"/api/community/problems/{id}")).JsonAsync()).GetProperty("unread").GetBoolean() ? 1 : 0);
        Assert.Equal(1, (await (await officer.GetAsync("/api/community/problems")).JsonAsync()).GetProperty("unread").GetInt32());
        Assert.False((await (await officer.GetAsync($"/api/community/problems/{id}")).JsonAsync()).GetProperty("unread").GetBoolean());
        Assert.Equal(0, (await (await officer.GetAsync("/api/community/problems")).JsonAsync()).GetProperty("unread").GetInt32());

        // Answered and closed by the officer; the grid worker reads the answer; a closed problem takes no more answers.
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.PostAsJsonAsync($"/api/community/problems/{id}/answer", new { answer = "自己答复" })).StatusCode);
        var answered = await (await officer.PostAsJsonAsync($"/api/community/problems/{id}/answer", new { answer = "已联系社区卫生服务站今日送药", close = true })).JsonAsync();
        Assert.Equal("Closed", answered.GetProperty("state").GetString());
        var seen = await (await grid.GetAsync($"/api/community/problems/{id}")).JsonAsync();
        Assert.Equal(("已联系社区卫生服务站今日送药", "Closed"), (seen.GetProperty("answer").GetString(), seen.GetProperty("state").GetString()));
        var again = await officer.PostAsJsonAsync($"/api/community/problems/{id}/answer", new { answer = "再次答复" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_registered_special_group_is_served_first_and_bedridden_persons_are_sampled_at_home()
    {
        await using var host = await CityHost.StartAsync(provider);
        CommunityWorld w;
        long person;
        await using (var db = host.Db())
        {
            w = await CommunityWorld.ReadAsync(db);
            person = await (from g in db.GridHouseholds
                            where g.GridId == w.GridId
                            join p in db.Persons on g.HouseholdId equals p.HouseholdId
                            where !db.SpecialGroupMembers.Any(x => x.PersonId == p.Id)
                            orderby p.Id
                            select p.Id).FirstAsync();
        }
        var grid = await host.LoginAsync("grid");
        var registered = await grid.PostAsJsonAsync("/api/community/special-groups",
            new { personId = person, group = "Bedridden", responsibleName = "王丽", responsiblePhone = "13912345678", note = "每日上门，代购药品" });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var view = await registered.JsonAsync();
        Assert.Equal(("Bedridden", "王丽", w.GridId), (view.GetProperty("group").GetString(), view.GetProperty("responsibleName").GetString(), view.GetProperty("gridId").GetInt64()));
        await using (var db = host.Db())
            Assert.True(await db.PersonMarkers.AnyAsync(x => x.PersonId == person && x.Kind == MarkerKind.Immobile), "registered bedridden: sampled at home");
        var twice = await grid.PostAsJsonAsync("/api/community/special-groups", new { personId = person, group = "Bedridden", responsibleName = "王丽" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var listed = await (await grid.GetAsync("/api/community/special-groups?group=Bedridden&size=500")).JsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), x => x.GetProperty("personId").GetInt64() == person);

        // Door-to-door sampling lists the households of special groups first.
        long roundId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
            var planner = scope.ServiceProvider.GetRequiredService<RoundPlanner>();
            var round = await planner.CreateAsync(db, new RoundRequest("第一轮全员核酸检测", RoundScope.City, null, host.Time.GetUtcNow().UtcDateTime.AddMinutes(5)), 1, default);
            await planner.OpenAsync(db, round.Id, default);
            roundId = round.Id;
            var compound = await db.RoundResidents.Where(x => x.RoundId == roundId).GroupBy(x => x.CompoundId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<DoorTasks>().FromMissingAsync(db, roundId, compound, null, default);
        }
        var admin = await host.LoginAsync("admin");
        var tasks = (await (await admin.GetAsync($"/api/testing/rounds/{roundId}/door-tasks?pageSize=500")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("householdId").GetInt64()).ToList();
        HashSet<long> first;
        await using (var db = host.Db())
            first = (await db.Persons.Where(p => p.HouseholdId != null && db.ServedFirst.Contains(p.Id)).Select(p => p.HouseholdId!.Value).ToListAsync()).ToHashSet();
        var order = tasks.Select(first.Contains).ToList();
        Assert.Contains(true, order);
        Assert.Contains(false, order);
        Assert.Equal(order.OrderByDescending(x => x), order);

        // Ending the registration is the officer's; the person is then no longer sampled at home.
        var id = view.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.PostAsync($"/api/community/special-groups/{id}/end", null)).StatusCode);
        var officer = await host.LoginAsync("officer");
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/community/special-groups/{id}/end", null)).StatusCode);
        await using (var db = host.Db())
        {
            Assert.False(await db.PersonMarkers.AnyAsync(x => x.PersonId == person && x.Kind == MarkerKind.Immobile));
            Assert.NotNull((await db.SpecialGroupMembers.SingleAsync(x => x.Id == id)).EndedAtUtc);
        }
    }
}

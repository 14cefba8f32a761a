using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Zones;

public sealed class SealedDoorOrderTestsSqlite() : SealedDoorOrderTests(StorageProvider.Sqlite);
public sealed class SealedDoorOrderTestsPostgres() : SealedDoorOrderTests(StorageProvider.Postgres);

/// <summary>
/// Special groups are served first (domain.md §8): a sealed compound's door-to-door sampling tasks, as the sampler's
/// list pages them, put every household with a member in the special-groups register ahead of the others — one
/// registered a moment before the seal included, though it comes last by its number.
/// </summary>
public abstract class SealedDoorOrderTests(StorageProvider provider)
{
    [Fact]
    public async Task A_sealed_compound_s_door_to_door_list_puts_households_with_a_special_group_first()
    {
        await using var host = await CityHost.StartAsync(provider);
        long compound, newcomer, person;
        List<long> households;
        await using (var db = host.Db())
        {
            // The compound with the most households that has households with and without a registered member.
            var homes = await (from h in db.Households
                               join u in db.Units on h.UnitId equals u.Id
                               join b in db.Buildings on u.BuildingId equals b.Id
                               select new { h.Id, b.CompoundId, Special = db.Persons.Any(p => p.HouseholdId == h.Id && db.ServedFirst.Contains(p.Id)) }).ToListAsync();
            var picked = homes.GroupBy(h => h.CompoundId).Where(g => g.Any(h => h.Special) && g.Count(h => !h.Special) >= 2)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            compound = picked.Key;
            households = [.. picked.Select(h => h.Id)];
            // The last household by number, not yet in the register: registered now, it must move to the front.
            newcomer = picked.Where(h => !h.Special).Max(h => h.Id);
            person = await db.Persons.Where(p => p.HouseholdId == newcomer).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        var admin = await host.LoginAsync("admin");
        var registered = await admin.PostAsJsonAsync("/api/community/special-groups",
            new { personId = person, group = "LowIncome", responsibleName = "李娜", responsiblePhone = "13912345678", note = "低保户，每周送菜" });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());

        // The compound sealed: in force at once, its day-1 round ordered with a door-to-door task per household.
        var epi = await host.LoginAsync("epi");
        var drawn = await epi.PostAsJsonAsync("/api/zones", new { level = "Sealed", reason = "病例居住小区", members = new[] { new { kind = "Compound", id = compound } } });
        Assert.True(drawn.StatusCode == HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync());
        long roundId;
        HashSet<long> special;
        await using (var db = host.Db())
        {
            roundId = await db.TestingRounds.Where(r => r.Scope == RoundScope.Zones).Select(r => r.Id).SingleAsync();
            special = (await db.Persons.Where(p => p.HouseholdId != null && households.Contains(p.HouseholdId.Value) && db.ServedFirst.Contains(p.Id))
                .Select(p => p.HouseholdId!.Value).ToListAsync()).ToHashSet();
        }
        Assert.Contains(newcomer, special);

        // The sampler's list, page by page: the special groups' households first, then the rest.
        var sampler = await host.LoginAsync("sampler");
        var order = new List<long>();
        for (var page = 1; ; page++)
        {
            var items = (await (await sampler.GetAsync($"/api/testing/rounds/{roundId}/door-tasks?pageSize=7&page={page}")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0) break;
            Assert.All(items, t => Assert.Equal(nameof(DoorReason.Sealed), t.GetProperty("reason").GetString()));
            order.AddRange(items.Select(t => t.GetProperty("householdId").GetInt64()));
        }
        Assert.Equal(households.Order(), order.Order());
        var first = order.Select(special.Contains).ToList();
        Assert.Equal(first.OrderByDescending(x => x), first);
        Assert.Contains(false, first);
        Assert.True(order.IndexOf(newcomer) < special.Count, $"the household registered last is at {order.IndexOf(newcomer)} of {order.Count}");
    }
}

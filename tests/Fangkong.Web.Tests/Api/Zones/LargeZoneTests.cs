using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Zones;

public sealed class LargeZoneTestsSqlite() : LargeZoneTests(StorageProvider.Sqlite);
public sealed class LargeZoneTestsPostgres() : LargeZoneTests(StorageProvider.Postgres);

/// <summary>
/// A zone drawn over many addresses at once is stored on both stores: its history names the first of them and counts
/// the rest, which are all among its members (listing every one overflowed the stored evidence on PostgreSQL).
/// </summary>
public abstract class LargeZoneTests(StorageProvider provider)
{
    [Fact]
    public async Task A_zone_of_sixty_building_units_is_drawn_and_its_history_lists_twenty_and_counts_the_rest()
    {
        await using var host = await CityHost.StartAsync(provider, residents: 3000);
        List<long> units;
        await using (var db = host.Db()) units = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).Take(60).ToListAsync();
        Assert.Equal(60, units.Count);
        var epi = await host.LoginAsync("epi");

        var drawn = await epi.PostAsJsonAsync("/api/zones", new { level = "Sealed", reason = "整片封控", members = units.Select(id => new { kind = "Unit", id }).ToArray() });
        Assert.True(drawn.StatusCode == HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync());
        var page = await drawn.JsonAsync();
        Assert.Equal(60, page.GetProperty("members").GetArrayLength());
        var evidence = page.GetProperty("history")[0].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(21, evidence.Count);
        Assert.All(evidence[..20], e => Assert.StartsWith("范围：", e));
        Assert.Equal("另有40处范围，均列于区域范围", evidence[20]);
    }
}

using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;

namespace Fangkong.Web.Tests.Api.People;

public sealed class RareNameApiTestsSqlite() : RareNameApiTests(StorageProvider.Sqlite);
public sealed class RareNameApiTestsPostgres() : RareNameApiTests(StorageProvider.Postgres);

/// <summary>
/// Residents whose names hold rare characters (CJK Extensions B–G) over HTTP: registered, found by a surname prefix in
/// the person search and in the case line list, masked by character.
/// </summary>
public abstract class RareNameApiTests(StorageProvider provider)
{
    [Fact]
    public async Task A_rare_surname_prefix_finds_the_person_in_search_and_in_the_case_list()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var epi = await host.LoginAsync("epi");
        var ids = new Dictionary<string, long>();
        foreach (var (name, number) in new[] { ("张𬌗", "E10000001"), ("𠀀明𪜀", "E10000002"), ("𰀀芳", "E10000003") })
        {
            var created = await admin.PostAsJsonAsync("/api/persons", new { documentType = "Passport", documentNumber = number, name });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids[name] = (await created.JsonAsync()).GetProperty("id").GetInt64();
        }

        foreach (var (q, name, masked) in new[] { ("张", "张𬌗", "张*"), ("张𬌗", "张𬌗", "张*"), ("𠀀", "𠀀明𪜀", "𠀀*𪜀"), ("𰀀", "𰀀芳", "𰀀*") })
        {
            var items = (await (await admin.GetAsync($"/api/persons?q={Uri.EscapeDataString(q)}")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            var found = Assert.Single(items, i => i.GetProperty("id").GetInt64() == ids[name]);
            Assert.Equal(masked, found.GetProperty("name").GetString());
        }

        var now = host.Time.GetUtcNow().UtcDateTime;
        var @case = await epi.PostAsJsonAsync("/api/cases", new { personId = ids["张𬌗"], foundBy = "FeverClinic", firstPositiveSampledAtUtc = now.AddHours(-6) });
        Assert.Equal(HttpStatusCode.Created, @case.StatusCode);
        var listed = (await (await epi.GetAsync($"/api/lists/cases?q={Uri.EscapeDataString("张")}")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var row = Assert.Single(listed, i => i.GetProperty("personId").GetInt64() == ids["张𬌗"]);
        Assert.Equal("张*", row.GetProperty("name").GetString());
    }
}

using Fangkong.Core.Data;

namespace Fangkong.Web.Tests.Api.Audit;

public sealed class ResidentAccessTestsSqlite() : ResidentAccessTests(StorageProvider.Sqlite);
public sealed class ResidentAccessTestsPostgres() : ResidentAccessTests(StorageProvider.Postgres);

/// <summary>A resident sees who read their trajectory and why — their own reads only.</summary>
public abstract class ResidentAccessTests(StorageProvider provider)
{
    [Fact]
    public async Task A_resident_sees_the_officers_role_masked_name_purpose_and_case_of_reads_of_their_data_and_no_one_elses()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var w = "from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z";
        (await epi.GetAsync($"/api/tracing/persons/{host.Scenario.Alice.Id}/trajectory?{w}&purpose=病例C2026-0042流调")).EnsureSuccessStatusCode();
        (await epi.GetAsync($"/api/tracing/persons/{host.Scenario.Bob.Id}/trajectory?{w}&purpose=病例C2026-0043流调")).EnsureSuccessStatusCode();

        var resident = await host.LoginAsync("resident"); // Alice
        var page = await (await resident.GetAsync("/api/me/access")).JsonAsync();
        Assert.Equal(1, page.GetProperty("total").GetInt64());
        var read = page.GetProperty("items")[0];
        Assert.Equal("epidemiologist", read.GetProperty("actorRole").GetString());
        Assert.Equal("C2026-0042", read.GetProperty("caseNumber").GetString());
        Assert.Equal("病例C2026-0042流调", read.GetProperty("purpose").GetString());
        var name = read.GetProperty("actorName").GetString()!;
        Assert.Contains("*", name);
        Assert.DoesNotContain("C2026-0043", await (await resident.GetAsync("/api/me/access")).Content.ReadAsStringAsync());

        // Staff have no "me" to read.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await epi.GetAsync("/api/me/access")).StatusCode);
    }
}

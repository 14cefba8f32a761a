using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Testing;

public sealed class SamplingKeyReuseTestsSqlite() : SamplingKeyReuseTests(StorageProvider.Sqlite);
public sealed class SamplingKeyReuseTestsPostgres() : SamplingKeyReuseTests(StorageProvider.Postgres);

/// <summary>
/// A sampling table's key names one scan: sent again it gets the first answer (even after the scanned code expired);
/// with another person, tube or time it is refused with 422 naming "key", and the other person is not marked swabbed.
/// </summary>
public abstract class SamplingKeyReuseTests(StorageProvider provider)
{
    [Fact]
    public async Task A_second_person_under_a_used_key_is_refused_not_told_recorded()
    {
        await using var host = await CityHost.StartAsync(provider, residents: 1000);
        var sampler = await host.LoginAsync("sampler");
        var d = new RoundDriver(host, await host.LoginAsync("admin"), sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var (tube, other) = (RoundDriver.NewTube(), RoundDriver.NewTube());
        await d.OpenTubeAsync(roundId, siteId, tube);
        await d.OpenTubeAsync(roundId, siteId, other);

        var key = RoundDriver.Key();
        Assert.Equal(HttpStatusCode.OK, (await d.SampleAsync(tube, people[0].IdNumber, key)).StatusCode);
        var retry = await d.SampleAsync(tube, people[0].IdNumber, key);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await retry.JsonAsync()).GetProperty("replayed").GetBoolean());

        await AssertKeyRefusedAsync(await d.SampleAsync(tube, people[1].IdNumber, key));
        await AssertKeyRefusedAsync(await d.SampleAsync(other, people[0].IdNumber, key));
        await AssertKeyRefusedAsync(await sampler.PostAsJsonAsync($"/api/testing/tubes/{tube}/samples",
            new { scan = people[0].IdNumber, key, at = "2026-11-20T07:00:00" }));

        await using var db = host.Db();
        Assert.Equal(1, await db.Samples.CountAsync());
        Assert.Equal(1, (await db.Tubes.SingleAsync(t => t.Barcode == tube)).Count);
        Assert.Null((await db.RoundResidents.SingleAsync(x => x.RoundId == roundId && x.PersonId == people[1].PersonId)).SampledAtUtc);
    }

    [Fact]
    public async Task A_retried_code_scan_gets_its_first_answer_after_the_code_expired()
    {
        await using var host = await CityHost.StartAsync(provider, residents: 1000);
        var sampler = await host.LoginAsync("sampler");
        var d = new RoundDriver(host, await host.LoginAsync("admin"), sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var tube = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, tube);
        string token;
        await using (var db = host.Db()) token = await db.Persons.Where(p => p.Id == people[0].PersonId).Select(p => p.Token).SingleAsync();
        var qr = await host.Services.GetRequiredService<CodeSigner>().SignAsync(token, CodeColour.Green, TimeSpan.FromMinutes(3));

        var key = RoundDriver.Key();
        var first = await (await d.SampleAsync(tube, qr, key)).JsonAsync();
        host.Time.Advance(TimeSpan.FromMinutes(20)); // the page was offline; the queued scan is sent late
        var late = await d.SampleAsync(tube, qr, key);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(first.GetProperty("sampleId").GetInt64(), (await late.JsonAsync()).GetProperty("sampleId").GetInt64());
    }

    [Fact]
    public async Task An_open_key_reused_for_another_tube_or_another_round_of_the_same_tube_is_refused()
    {
        await using var host = await CityHost.StartAsync(provider, residents: 1000);
        var sampler = await host.LoginAsync("sampler");
        var d = new RoundDriver(host, await host.LoginAsync("admin"), sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, _) = await d.SiteResidentsAsync(roundId);
        var tube = RoundDriver.NewTube();
        var key = RoundDriver.Key();
        var opened = await sampler.PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId, barcode = tube, kind = "Pool", key });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var again = await sampler.PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId, barcode = tube, kind = "Pool", key });
        Assert.Equal((await opened.JsonAsync()).GetProperty("id").GetInt64(), (await again.JsonAsync()).GetProperty("id").GetInt64());

        await AssertKeyRefusedAsync(await sampler.PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId, barcode = RoundDriver.NewTube(), kind = "Pool", key }));
        await AssertKeyRefusedAsync(await sampler.PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId, barcode = tube, kind = "OnePerson", key }));
        // The same key at another site of the round: found store-wide, by the (sampler, key) index.
        await using var db = host.Db();
        var otherSite = await db.SamplingSites.Where(s => s.RoundId == roundId && s.Id != siteId).Select(s => s.Id).FirstAsync();
        await AssertKeyRefusedAsync(await sampler.PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId = otherSite, barcode = RoundDriver.NewTube(), kind = "Pool", key }));
        Assert.Equal(1, await db.Tubes.CountAsync());
    }

    private static async Task AssertKeyRefusedAsync(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.UnprocessableEntity, await r.Content.ReadAsStringAsync());
        Assert.Equal(["key"], (await r.JsonAsync()).ProblemFields());
    }
}

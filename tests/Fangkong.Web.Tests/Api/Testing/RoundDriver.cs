using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Testing;

/// <summary>Drives a round through the API as its users would; every call checks its status.</summary>
public sealed class RoundDriver(CityHost host, HttpClient admin, HttpClient sampler, HttpClient lab)
{
    private static long _serial = 1000;

    public static string NewTube() => Barcodes.Tube(Interlocked.Increment(ref _serial));
    public static string NewBox() => Barcodes.Box(Interlocked.Increment(ref _serial));
    public static string Key() => Guid.NewGuid().ToString("N");

    public async Task<JsonElement> CreateOpenRoundAsync(object? body = null)
    {
        var r = await admin.PostAsJsonAsync("/api/testing/rounds", body ?? new { name = "全员核酸第1轮", scope = "City" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var round = await r.JsonAsync();
        var opened = await admin.PostAsync($"/api/testing/rounds/{round.GetProperty("id").GetInt64()}/open", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return await opened.JsonAsync();
    }

    /// <summary>Residents who come down to one site (not at home, not key group), with their ID numbers, and the site.</summary>
    public async Task<(long SiteId, List<(long PersonId, string IdNumber)> People)> SiteResidentsAsync(long roundId, bool keyGroup = false)
    {
        await using var db = host.Db();
        var rows = await (from x in db.RoundResidents
                          where x.RoundId == roundId && !x.AtHome && x.KeyGroup == keyGroup
                          join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                          join p in db.Persons on x.PersonId equals p.Id
                          select new { sc.SiteId, p.Id, p.DocumentNumber }).ToListAsync();
        var site = rows.GroupBy(r => r.SiteId).OrderByDescending(g => g.Count()).First();
        return (site.Key, site.OrderBy(r => r.Id).Select(r => (r.Id, r.DocumentNumber)).ToList());
    }

    public async Task<JsonElement> OpenTubeAsync(long roundId, long siteId, string barcode, string kind = "Pool", HttpClient? as_ = null)
    {
        var r = await (as_ ?? sampler).PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId, barcode, kind, key = Key() });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    public Task<HttpResponseMessage> SampleAsync(string barcode, string scan, string? key = null, HttpClient? as_ = null) =>
        (as_ ?? sampler).PostAsJsonAsync($"/api/testing/tubes/{barcode}/samples", new { scan, key = key ?? Key() });

    public async Task<JsonElement> SampleOkAsync(string barcode, string scan)
    {
        var r = await SampleAsync(barcode, scan);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    public async Task CloseAsync(string barcode) =>
        Assert.Equal(HttpStatusCode.OK, (await sampler.PostAsJsonAsync($"/api/testing/tubes/{barcode}/close", new { key = Key() })).StatusCode);

    /// <summary>Packs the tubes, hands the box to a courier, and has the lab receive it by scanning every tube.</summary>
    public async Task<JsonElement> ShipAsync(params string[] tubes)
    {
        var box = NewBox();
        var packed = await sampler.PostAsJsonAsync("/api/testing/boxes", new { barcode = box, tubes });
        Assert.True(packed.StatusCode == HttpStatusCode.OK, await packed.Content.ReadAsStringAsync());
        var handed = await (await sampler.PostAsJsonAsync($"/api/testing/boxes/{box}/handovers", new { step = "Courier", receiver = "转运员王师傅", countedTubes = tubes.Length })).JsonAsync();
        Assert.True(handed.GetProperty("handovers")[0].GetProperty("reconciled").GetBoolean());
        var receipt = await lab.PostAsJsonAsync("/api/testing/lab/receipts", new { box, tubes });
        Assert.True(receipt.StatusCode == HttpStatusCode.OK, await receipt.Content.ReadAsStringAsync());
        return await receipt.JsonAsync();
    }

    public async Task<JsonElement> ResultAsync(string barcode, string outcome)
    {
        var r = await lab.PostAsJsonAsync("/api/testing/lab/results", new { barcode, outcome });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    public async Task<(Domain.Codes.CodeColour Colour, string Rule)> CodeAsync(long personId)
    {
        await using var db = host.Db();
        var s = await db.HealthCodes.AsNoTracking().FirstOrDefaultAsync(h => h.PersonId == personId);
        return s is null ? (Domain.Codes.CodeColour.Green, Domain.Codes.CodeRules.DefaultRule) : (s.Colour, s.Rule);
    }

    public async Task<PersonOutcome?> OutcomeAsync(long roundId, long personId)
    {
        await using var db = host.Db();
        return await db.RoundResidents.Where(x => x.RoundId == roundId && x.PersonId == personId).Select(x => x.Outcome).FirstAsync();
    }
}

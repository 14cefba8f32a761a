using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class TestLineListTestsSqlite() : TestLineListTests(StorageProvider.Sqlite);
public sealed class TestLineListTestsPostgres() : TestLineListTests(StorageProvider.Postgres);

/// <summary>
/// The testing line list (one row per sample): keyset pages cover it once, search and every filter agree with the
/// store, masked unless revealed with a purpose (audited), bad input named by field, and its XLSX/CSV export.
/// </summary>
public abstract partial class TestLineListTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [GeneratedRegex(@"<row[\s>]")]
    private static partial Regex Row();

    [Fact]
    public async Task Pages_walk_every_sample_once_newest_first_and_search_filters_mask_and_reveal_work()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await SampleSeed.SamplesAsync(host, At);
        var epi = await host.LoginAsync("epi");
        List<long> all;
        await using (var db = host.Db()) all = await db.Samples.OrderByDescending(s => s.Id).Select(s => s.Id).ToListAsync();
        Assert.True(all.Count >= 129);

        // Keyset pages of 50: together every sample exactly once, newest first.
        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = await (await epi.GetAsync($"/api/lists/tests?size=50{(after is null ? "" : "&after=" + after)}")).JsonAsync();
            Assert.Equal(all.Count, page.GetProperty("count").GetInt64());
            seen.AddRange(Ids(page));
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetInt64().ToString(Inv);
        } while (after is not null);
        Assert.Equal(all, seen);

        // A row as the lab and the round made it: the positive single tube.
        var positive = Items(await (await epi.GetAsync("/api/lists/tests?result=Positive&kind=OnePerson")).JsonAsync()).Single();
        Assert.Equal(seeded.People[100].Id, positive.GetProperty("personId").GetInt64());
        Assert.Equal("第三轮全员核酸检测", positive.GetProperty("roundName").GetString());
        Assert.Equal("第一中学采样点", positive.GetProperty("siteName").GetString());
        Assert.Equal("OnePerson", positive.GetProperty("tubeKind").GetString());
        Assert.Equal(1, positive.GetProperty("swabs").GetInt32());
        Assert.False(positive.GetProperty("quarantineTest").GetBoolean());
        Assert.Equal(10.0, positive.GetProperty("turnaroundHours").GetDouble());
        Assert.StartsWith("T8000", positive.GetProperty("tubeBarcode").GetString());
        Assert.NotEqual(JsonValueKind.Null, positive.GetProperty("receivedAtUtc").ValueKind);
        var pending = Items(await (await epi.GetAsync("/api/lists/tests?result=Pending&kind=Pool&size=500")).JsonAsync());
        Assert.All(pending, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("turnaroundHours").ValueKind));

        // Search by ID number, phone and name prefix: person 70 was in the positive pool and re-sampled singly.
        var one = seeded.People[70];
        int ofOne;
        await using (var db = host.Db()) ofOne = await db.Samples.CountAsync(s => s.PersonId == one.Id);
        Assert.Equal(2, ofOne);
        foreach (var q in new[] { one.DocumentNumber, one.Phone!, one.Name })
        {
            var items = Items(await (await epi.GetAsync($"/api/lists/tests?q={Uri.EscapeDataString(q)}&size=500")).JsonAsync());
            Assert.Equal(ofOne, items.Count(i => i.GetProperty("personId").GetInt64() == one.Id));
            Assert.All(items, i => Assert.NotEqual(one.DocumentNumber, i.GetProperty("documentNumber").GetString()));
        }
        var byId = Items(await (await epi.GetAsync($"/api/lists/tests?q={one.DocumentNumber}")).JsonAsync());
        Assert.Equal(["Negative", "PoolPositive"], byId.Select(i => i.GetProperty("result").GetString()).Order());

        // Each filter's count equals the store's.
        await using (var db = host.Db())
        {
            var rows = from s in db.Samples join t in db.Tubes on s.TubeId equals t.Id select new { s, t };
            var sixteenth = (From: new DateTime(2026, 11, 15, 16, 0, 0, DateTimeKind.Utc), To: new DateTime(2026, 11, 16, 16, 0, 0, DateTimeKind.Utc));
            var cases = new (string Query, int Expected)[]
            {
                ($"roundId={SampleSeed.QuarantineRound}", await rows.CountAsync(x => x.s.RoundId == SampleSeed.QuarantineRound)),
                ($"roundId={SampleSeed.MassRound}", await rows.CountAsync(x => x.s.RoundId == SampleSeed.MassRound)),
                ($"siteId={SampleSeed.SiteB}", await rows.CountAsync(x => x.t.SiteId == SampleSeed.SiteB)),
                ("result=Pending", await rows.CountAsync(x => x.t.Outcome == null)),
                ("result=Negative", await rows.CountAsync(x => x.t.Outcome == TubeOutcome.Negative)),
                ("result=PoolPositive", await rows.CountAsync(x => x.t.Outcome == TubeOutcome.Positive && x.t.Count > 1)),
                ("result=Positive", await rows.CountAsync(x => x.t.Outcome == TubeOutcome.Positive && x.t.Count == 1)),
                ("kind=Household", await rows.CountAsync(x => x.t.Kind == TubeKind.Household)),
                ("kind=Resample", await rows.CountAsync(x => x.t.Kind == TubeKind.Resample)),
                ("quarantine=true", await rows.CountAsync(x => db.TestingRounds.Any(r => r.Id == x.s.RoundId && r.Scope == RoundScope.Quarantine))),
                ("quarantine=false", await rows.CountAsync(x => !db.TestingRounds.Any(r => r.Id == x.s.RoundId && r.Scope == RoundScope.Quarantine))),
                ("atHome=true", await rows.CountAsync(x => x.s.AtHome)),
                ("from=2026-11-16&to=2026-11-16", await rows.CountAsync(x => x.s.AtUtc >= sixteenth.From && x.s.AtUtc < sixteenth.To)),
                ("from=2026-11-16", await rows.CountAsync(x => x.s.AtUtc >= sixteenth.From)),
                ("to=2026-11-15", await rows.CountAsync(x => x.s.AtUtc < sixteenth.From)),
                ($"roundId={SampleSeed.MassRound}&result=Negative&kind=Pool", await rows.CountAsync(x => x.s.RoundId == SampleSeed.MassRound && x.t.Outcome == TubeOutcome.Negative && x.t.Kind == TubeKind.Pool)),
            };
            foreach (var (query, expected) in cases)
            {
                var page = await (await epi.GetAsync("/api/lists/tests?size=500&" + query)).JsonAsync();
                Assert.True(expected == page.GetProperty("count").GetInt64(), $"{query}: store {expected}, list {page.GetProperty("count").GetInt64()}");
                Assert.Equal(expected, Items(page).Count);
            }
            Assert.Equal((10, 10, 1, 2, 6, 23, 11), (
                await rows.CountAsync(x => x.s.RoundId == SampleSeed.QuarantineRound), await rows.CountAsync(x => x.t.Outcome == TubeOutcome.Positive && x.t.Count > 1),
                await rows.CountAsync(x => x.t.Outcome == TubeOutcome.Positive && x.t.Count == 1 && x.t.Kind == TubeKind.OnePerson),
                await rows.CountAsync(x => x.t.Outcome == TubeOutcome.Positive && x.t.Count == 1), await rows.CountAsync(x => x.t.Kind == TubeKind.Household),
                await rows.CountAsync(x => x.t.Outcome == null), await rows.CountAsync(x => x.s.AtHome)));
        }
        var quarantined = Items(await (await epi.GetAsync("/api/lists/tests?quarantine=true")).JsonAsync());
        Assert.All(quarantined, r => Assert.True(r.GetProperty("quarantineTest").GetBoolean()));
        Assert.All(quarantined, r => Assert.Equal("龙山宾馆隔离点", r.GetProperty("siteName").GetString()));

        // Reveal needs a purpose and is audited.
        Assert.Equal(HttpStatusCode.BadRequest, (await epi.GetAsync("/api/lists/tests?reveal=true")).StatusCode);
        var revealed = await (await epi.GetAsync($"/api/lists/tests?reveal=true&purpose={Uri.EscapeDataString("阳性混管人员核实")}&q={one.DocumentNumber}")).JsonAsync();
        Assert.All(Items(revealed), i => Assert.Equal(one.DocumentNumber, i.GetProperty("documentNumber").GetString()));
        Assert.Equal(one.Phone, Items(revealed)[0].GetProperty("phone").GetString());
        await using (var db = host.Db())
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.Kind == "list:tests" && a.Purpose == "阳性混管人员核实"));

        // Bad input names the field.
        foreach (var (url, field) in new[]
        {
            ("/api/lists/tests?from=2026-11-20&to=2026-11-10", "to"),
            ("/api/lists/tests?roundId=0", "roundId"),
            ("/api/lists/tests?siteId=-1", "siteId"),
            ("/api/lists/tests?after=-5", "after"),
            ("/api/lists/tests?reveal=true&purpose=x", "purpose"),
        })
        {
            var bad = await epi.GetAsync(url);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, url);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }
        foreach (var url in new[] { "/api/lists/tests?result=Invalid", "/api/lists/tests?kind=Purple", "/api/lists/tests?from=16.11.2026", "/api/lists/tests?quarantine=maybe" })
            Assert.True((await epi.GetAsync(url)).StatusCode == HttpStatusCode.BadRequest, url);
    }

    [Fact]
    public async Task The_testing_list_exports_as_a_masked_xlsx_and_a_revealed_csv_with_a_header_and_one_row_per_sample()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await SampleSeed.SamplesAsync(host, At);
        var epi = await host.LoginAsync("epi");
        int samples;
        await using (var db = host.Db()) samples = await db.Samples.CountAsync();

        // Every sample as XLSX, masked.
        var accepted = await epi.PostAsJsonAsync("/api/exports", new { list = "tests", format = "xlsx" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await ExportJobPoll.WaitAsync(epi, accepted.Headers.Location!.ToString());
        Assert.Equal((samples, samples, 100), (job.GetProperty("total").GetInt32(), job.GetProperty("done").GetInt32(), job.GetProperty("percent").GetInt32()));
        var xlsx = await epi.GetAsync(accepted.Headers.Location + "/file");
        using (var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync()))
        {
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = await sheet.ReadToEndAsync();
            Assert.Equal(samples + 1, Row().Count(xml)); // the header and one row per sample
            Assert.Contains("检测结果", xml);
            Assert.Contains("混管阳性", xml);
            Assert.Contains("第三轮全员核酸检测", xml);
            Assert.DoesNotContain(seeded.People[70].DocumentNumber, xml);
            Assert.DoesNotContain(seeded.People[70].Phone!, xml);
        }

        // The quarantine round's positive-free tests as CSV, unmasked with a purpose (audited), in English.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/exports?culture=en")
        {
            Content = JsonContent.Create(new { list = "tests", format = "csv", filter = new { roundId = SampleSeed.QuarantineRound.ToString(Inv), result = "Negative" }, reveal = true, purpose = "隔离人员检测核对" }),
        };
        var revealed = await epi.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, revealed.StatusCode);
        await ExportJobPoll.WaitAsync(epi, revealed.Headers.Location!.ToString());
        var csv = Encoding.UTF8.GetString(await epi.GetByteArrayAsync(revealed.Headers.Location + "/file"));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 8, lines.Length); // header + the eight negative quarantine tests
        Assert.StartsWith("\"Sample\",\"Name\",\"ID number\",\"Phone\",\"Round\"", lines[0].TrimStart('\uFEFF'));
        Assert.All(lines.Skip(1), l => Assert.Contains(",\"negative\",", l));
        Assert.Contains(seeded.People[120].DocumentNumber, csv);
        Assert.DoesNotContain(seeded.People[128].DocumentNumber, csv); // pending: filtered out
        await using (var db = host.Db())
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.Kind == "export:tests" && a.Purpose == "隔离人员检测核对"));

        // A bad filter names its field and queues nothing.
        foreach (var (body, field) in new (object, string)[]
        {
            (new { list = "tests", filter = new { result = "Invalid" } }, "filter.result"),
            (new { list = "tests", filter = new { roundId = 0 } }, "roundId"),
            (new { list = "tests", reveal = true }, "purpose"),
        })
        {
            var bad = await epi.PostAsJsonAsync("/api/exports", body);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, field);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }
        Assert.Equal(2, (await (await epi.GetAsync("/api/exports")).JsonAsync()).GetArrayLength());
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private static IEnumerable<long> Ids(JsonElement page) => Items(page).Select(i => i.GetProperty("id").GetInt64());
}

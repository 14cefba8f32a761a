using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class ZoneExportTestsSqlite() : ZoneExportTests(StorageProvider.Sqlite);
public sealed class ZoneExportTestsPostgres() : ZoneExportTests(StorageProvider.Postgres);

/// <summary>
/// The zone list exports as the other line lists do: under the list's own filter, as many rows as the list counts,
/// worded from the catalogues in the request's language, its xlsx shown by LibreOffice cell for cell as its csv.
/// </summary>
public abstract class ZoneExportTests(StorageProvider provider)
{
    [Fact]
    public async Task The_zone_list_exports_as_many_rows_as_it_counts_under_the_same_filter_and_opens_in_libreoffice_as_its_csv()
    {
        await using var host = await CityHost.StartAsync(provider);
        List<long> compounds;
        await using (var db = host.Db()) compounds = await db.Compounds.OrderBy(c => c.Id).Select(c => c.Id).Take(6).ToListAsync();
        Assert.True(compounds.Count >= 4, $"{compounds.Count} compounds");
        var epi = await host.LoginAsync("epi");
        for (var i = 0; i < compounds.Count; i++)
        {
            var drawn = await epi.PostAsJsonAsync("/api/zones", new
            {
                name = $"导出测试{i}",
                level = i % 3 == 0 ? "Controlled" : "Sealed",
                reason = "导出测试",
                members = new[] { new { kind = "Compound", id = compounds[i] } }
            });
            Assert.True(drawn.StatusCode == HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync());
        }
        var all = await (await epi.GetAsync("/api/zones")).JsonAsync();
        Assert.Equal(compounds.Count, all.GetProperty("count").GetInt32());
        var district = all.GetProperty("items")[0].GetProperty("districtCode").GetString()!;

        // Each filter of the list page: the export has one row per zone the list counts, and the total it reports.
        foreach (var filter in new Dictionary<string, string>[]
        {
            new(),
            new() { ["level"] = "Sealed", ["state"] = "Active" },
            new() { ["level"] = "Controlled", ["district"] = district },
            new() { ["q"] = "导出测试1" },
            new() { ["state"] = "Lifted" },
        })
        {
            var query = string.Join("&", filter.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
            var listed = (await (await epi.GetAsync("/api/zones?" + query)).JsonAsync()).GetProperty("count").GetInt32();
            var (job, file) = await ExportAsync(epi, new { list = "zones", format = "csv", filter });
            var rows = Spreadsheets.Csv(Encoding.UTF8.GetString(file));
            Assert.True(listed == rows.Count - 1, $"{query}: listed {listed}, exported {rows.Count - 1}");
            Assert.Equal((listed, listed), (job.GetProperty("total").GetInt32(), job.GetProperty("done").GetInt32()));
        }

        // The whole list as xlsx and csv: LibreOffice shows every cell as the csv has it, the zones in the list's order,
        // worded from the catalogues (the level as the zone's preset names it).
        var (_, xlsx) = await ExportAsync(epi, new { list = "zones", format = "xlsx" });
        var (_, csvBytes) = await ExportAsync(epi, new { list = "zones", format = "csv" });
        var csv = Spreadsheets.Csv(Encoding.UTF8.GetString(csvBytes));
        var shown = (await Spreadsheets.OpenWithLibreOfficeAsync(xlsx))[0];
        Assert.Equal(csv.Count, shown.Count);
        for (var r = 0; r < csv.Count; r++) Assert.Equal(csv[r], shown[r]);
        Assert.Equal(["区域编号", "区域名称", "区域等级", "状态"], shown[0][..4]);
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Select(z => z.GetProperty("number").GetString()), shown.Skip(1).Select(r => r[0]));
        Assert.Equal(items.Select(z => z.GetProperty("levelName").GetString()), shown.Skip(1).Select(r => r[2]));
        Assert.All(shown.Skip(1), r => Assert.Equal("生效中", r[3]));
        Assert.Contains(shown.Skip(1), r => r[2] == "封控区");
        Assert.Equal(items.Select(z => z.GetProperty("residents").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)), shown.Skip(1).Select(r => r[10]));

        // Asked in English, it is worded in English.
        var english = new HttpRequestMessage(HttpMethod.Post, "/api/exports") { Content = JsonContent.Create(new { list = "zones", format = "csv" }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var accepted = await epi.SendAsync(english);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await ExportJobPoll.WaitAsync(epi, accepted.Headers.Location!.ToString());
        var inEnglish = Spreadsheets.Csv(Encoding.UTF8.GetString(await epi.GetByteArrayAsync(accepted.Headers.Location + "/file")));
        Assert.Equal(["Zone", "Zone name", "Level", "State"], inEnglish[0][..4]);
        Assert.Contains(inEnglish.Skip(1), r => r[2] == "sealed zone" && r[3] == "in force");

        // Bad requests name the field and queue nothing: the zone list names no one, so there is nothing to reveal.
        var before = (await (await epi.GetAsync("/api/exports")).JsonAsync()).GetArrayLength();
        foreach (var (body, field) in new (object, string)[]
        {
            (new { list = "zones", reveal = true, purpose = "核对区域名单" }, "reveal"),
            (new { list = "zones", filter = new { levl = "Sealed" } }, "filter.levl"),
            (new { list = "zones", filter = new { level = "Purple" } }, "filter.level"),
            (new { list = "zones", filter = new { district = "not-a-code" } }, "district"),
        })
        {
            var bad = await epi.PostAsJsonAsync("/api/exports", body);
            var text = await bad.Content.ReadAsStringAsync();
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)bad.StatusCode} {text}");
            Assert.Contains($"\"{field}\"", text);
        }
        Assert.Equal(before, (await (await epi.GetAsync("/api/exports")).JsonAsync()).GetArrayLength());
    }

    private static async Task<(System.Text.Json.JsonElement Job, byte[] File)> ExportAsync(HttpClient client, object body)
    {
        var accepted = await client.PostAsJsonAsync("/api/exports", body);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var job = await ExportJobPoll.WaitAsync(client, accepted.Headers.Location!.ToString());
        return (job, await client.GetByteArrayAsync(accepted.Headers.Location + "/file"));
    }
}

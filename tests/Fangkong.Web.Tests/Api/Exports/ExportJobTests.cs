using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Fangkong.Core.Data;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class ExportJobTestsSqlite() : ExportJobTests(StorageProvider.Sqlite);
public sealed class ExportJobTestsPostgres() : ExportJobTests(StorageProvider.Postgres);

/// <summary>An export runs in the background: requested, followed to 100 %, downloaded by its requester only, masked unless revealed with a purpose.</summary>
public abstract partial class ExportJobTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);

    [GeneratedRegex(@"<row[\s>]")]
    private static partial Regex Row();

    [Fact]
    public async Task An_xlsx_of_filtered_cases_and_a_revealed_csv_of_contacts_are_written_in_the_background_and_only_their_requester_gets_them()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await ListSeed.CasesAndContactsAsync(host, cases: 130, At);
        var epi = await host.LoginAsync("epi");

        // Cases classified mild, as XLSX, masked.
        var accepted = await epi.PostAsJsonAsync("/api/exports", new { list = "cases", format = "xlsx", filter = new { @class = "Mild" } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await ExportJobPoll.WaitAsync(epi, accepted.Headers.Location!.ToString());
        int mild;
        await using (var db = host.Db()) mild = await db.Cases.CountAsync(c => c.Class == CaseClass.Mild);
        Assert.Equal((mild, mild, 100), (job.GetProperty("total").GetInt32(), job.GetProperty("done").GetInt32(), job.GetProperty("percent").GetInt32()));
        var xlsx = await epi.GetAsync(accepted.Headers.Location + "/file");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using (var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync()))
        {
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = await sheet.ReadToEndAsync();
            Assert.Equal(mild + 1, Row().Count(xml)); // the header and one row per case
            Assert.Contains("临床分型", xml);
            Assert.DoesNotContain(seeded.People.First(p => xml.Contains(p.DocumentNumber[..6], StringComparison.Ordinal)).DocumentNumber, xml);
        }

        // Another user cannot follow or fetch it.
        var admin = await host.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(accepted.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(accepted.Headers.Location + "/file")).StatusCode);

        // The contacts of one case as CSV, unmasked with a purpose: the real ID number is in it, and the reveal is audited.
        var revealed = await epi.PostAsJsonAsync("/api/exports", new { list = "contacts", format = "csv", filter = new { caseId = seeded.CaseIds[3].ToString(System.Globalization.CultureInfo.InvariantCulture) }, reveal = true, purpose = "转运名单核对" });
        Assert.Equal(HttpStatusCode.Accepted, revealed.StatusCode);
        await ExportJobPoll.WaitAsync(epi, revealed.Headers.Location!.ToString());
        var csv = Encoding.UTF8.GetString(await epi.GetByteArrayAsync(revealed.Headers.Location + "/file"));
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + close + secondary
        Assert.Contains(seeded.People[130 + 3].DocumentNumber, csv);
        await using (var db = host.Db())
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.Kind == "export:contacts" && a.Purpose == "转运名单核对"));
        var mine = await (await epi.GetAsync("/api/exports")).JsonAsync();
        Assert.Equal(2, mine.GetArrayLength());

        // Bad requests name the field and queue nothing.
        foreach (var (body, field) in new (object, string)[]
        {
            (new { list = "everyone" }, "list"),
            (new { list = "cases", format = "pdf" }, "format"),
            (new { list = "cases", filter = new { @class = "Purple" } }, "filter.class"),
            // A misspelt filter field would otherwise be ignored and the whole list exported.
            (new { list = "cases", filter = new { clas = "Mild" } }, "filter.clas"),
            (new { list = "contacts", filter = new { caseid = "1", grde = "Close" } }, "filter.grde"),
            (new { list = "quarantine", filter = new { sate = "InQuarantine" } }, "filter.sate"),
            (new { list = "tests", filter = new { roundId = "1", reslt = "Positive" } }, "filter.reslt"),
            (new { list = "cases", filter = new { from = "2026-11-20", to = "2026-11-01" } }, "to"),
            (new { list = "contacts", reveal = true }, "purpose"),
        })
        {
            var bad = await epi.PostAsJsonAsync("/api/exports", body);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, field);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }
        Assert.Equal(2, (await (await epi.GetAsync("/api/exports")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Xlsx_exports_opened_in_libreoffice_show_every_id_digit_for_digit_as_the_csv_exports_do()
    {
        await using var host = await CityHost.StartAsync(provider);
        // Ids like the product's: 18 digits, more than the 15 significant digits a spreadsheet keeps of a number.
        const long idBase = 457_809_120_462_881_234;
        var seeded = await ListSeed.CasesAndContactsAsync(host, cases: 40, At, idBase);
        var epi = await host.LoginAsync("epi");

        var lists = new[] { ("cases", false), ("contacts", true), ("quarantine", false) };
        var xlsx = new List<byte[]>();
        var csv = new List<IReadOnlyList<string[]>>();
        foreach (var (list, reveal) in lists)
            foreach (var format in new[] { "xlsx", "csv" })
            {
                var accepted = await epi.PostAsJsonAsync("/api/exports", new { list, format, reveal, purpose = reveal ? "转运名单核对" : null });
                Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
                await ExportJobPoll.WaitAsync(epi, accepted.Headers.Location!.ToString());
                var file = await epi.GetByteArrayAsync(accepted.Headers.Location + "/file");
                if (format == "xlsx") xlsx.Add(file);
                else csv.Add(Spreadsheets.Csv(Encoding.UTF8.GetString(file)));
            }
        var shown = await Spreadsheets.OpenWithLibreOfficeAsync([.. xlsx]);

        // Every cell LibreOffice shows is the CSV's: ids, ID numbers and phones as text, not 4.57809120462881E+017.
        for (var i = 0; i < lists.Length; i++)
        {
            Assert.True(csv[i].Count > 10, lists[i].Item1);
            Assert.Equal(csv[i].Count, shown[i].Count);
            for (var r = 0; r < csv[i].Count; r++) Assert.Equal(csv[i][r], shown[i][r]);
        }
        // And the records are the store's: cases and stays by their numbers (ADR 0016), contacts by their ids digit for
        // digit, each with its case's number.
        static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = host.Db();
        var cases = await db.Cases.OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Number }).ToListAsync();
        Assert.Equal(seeded.CaseIds.OrderDescending(), cases.Select(c => c.Id));
        Assert.Equal(cases.Select(c => c.Number), shown[0].Skip(1).Select(r => r[0]));
        Assert.All(cases, c => Assert.Matches(@"^C\d{4}-\d{4}$", c.Number));
        var numberOf = cases.ToDictionary(c => c.Id, c => c.Number);
        var contacts = await db.ContactProposals.OrderByDescending(c => c.Id).Select(c => new { c.Id, c.CaseId }).ToListAsync();
        Assert.Equal(contacts.Select(c => (Id(c.Id), numberOf[c.CaseId])), shown[1].Skip(1).Select(r => (r[0], r[1])));
        Assert.Equal(seeded.People[40 + 5].DocumentNumber, shown[1].Single(r => r[1] == numberOf[idBase + 5] && r[0] == Id(idBase + 10_000_000 + 10))[3]);
        var stays = await db.QuarantineStays.OrderByDescending(s => s.Id).Select(s => new { s.Number, s.CaseId }).ToListAsync();
        Assert.Equal(stays.Select(s => (s.Number, numberOf[s.CaseId])), shown[2].Skip(1).Select(r => (r[0], r[1])));
    }
}

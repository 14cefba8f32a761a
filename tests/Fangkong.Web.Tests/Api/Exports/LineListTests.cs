using System.Net;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class LineListTestsSqlite() : LineListTests(StorageProvider.Sqlite);
public sealed class LineListTestsPostgres() : LineListTests(StorageProvider.Postgres);

/// <summary>Line lists: keyset pages that cover a list exactly once, search and filters, masking with audited reveal, bad input by field.</summary>
public abstract class LineListTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Pages_walk_every_case_once_newest_first_and_search_filter_mask_and_reveal_work()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await ListSeed.CasesAndContactsAsync(host, cases: 130, At);
        var epi = await host.LoginAsync("epi");

        // Keyset pages: three pages of 50/50/30, descending ids, together exactly the 130 cases.
        var seen = new List<long>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await (await epi.GetAsync($"/api/lists/cases?size=50{(after is null ? "" : "&after=" + after)}")).JsonAsync();
            Assert.Equal(130, page.GetProperty("count").GetInt64());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            pages++;
        } while (after is not null);
        Assert.Equal(3, pages);
        Assert.Equal(seeded.CaseIds.OrderDescending(), seen);

        // Search by ID number, phone and name prefix; masked by default.
        var one = seeded.People[7];
        foreach (var q in new[] { one.DocumentNumber, one.Phone!, one.Name })
        {
            var items = (await (await epi.GetAsync($"/api/lists/cases?q={Uri.EscapeDataString(q)}")).JsonAsync()).GetProperty("items");
            Assert.Contains(items.EnumerateArray(), i => i.GetProperty("personId").GetInt64() == one.Id);
            Assert.All(items.EnumerateArray(), i => Assert.DoesNotContain(one.DocumentNumber, i.GetProperty("documentNumber").GetString()));
        }

        // Filters agree with counts taken straight from the store.
        await using (var db = host.Db())
        {
            var mild = await db.Cases.CountAsync(c => c.Class == CaseClass.Mild);
            Assert.Equal(mild, (await (await epi.GetAsync("/api/lists/cases?class=Mild&size=500")).JsonAsync()).GetProperty("items").GetArrayLength());
            var district = await db.Cases.Where(c => c.DistrictCode != null).Select(c => c.DistrictCode!).FirstAsync();
            var inDistrict = await db.Cases.CountAsync(c => c.DistrictCode == district);
            Assert.Equal(inDistrict, (await (await epi.GetAsync($"/api/lists/cases?district={district}")).JsonAsync()).GetProperty("count").GetInt64());
            var confirmedClose = await db.ContactProposals.CountAsync(c => c.Grade == ContactGrade.Close && c.Status == ProposalStatus.Confirmed);
            Assert.Equal(confirmedClose, (await (await epi.GetAsync("/api/lists/contacts?grade=Close&status=Confirmed")).JsonAsync()).GetProperty("count").GetInt64());
            var atHome = await db.QuarantineStays.CountAsync(s => s.Place == QuarantinePlace.Home && s.State == QuarantineState.InQuarantine);
            Assert.Equal(atHome, (await (await epi.GetAsync("/api/lists/quarantine?place=Home&state=InQuarantine")).JsonAsync()).GetProperty("count").GetInt64());
            Assert.True(atHome > 0 && confirmedClose > 0 && mild > 0);
        }
        var forCase = await (await epi.GetAsync($"/api/lists/contacts?caseId={seeded.CaseIds[0]}")).JsonAsync();
        Assert.All(forCase.GetProperty("items").EnumerateArray(), i => Assert.Equal(seeded.CaseIds[0], i.GetProperty("caseId").GetInt64()));

        // Reveal needs a purpose and is audited.
        Assert.Equal(HttpStatusCode.BadRequest, (await epi.GetAsync("/api/lists/cases?reveal=true")).StatusCode);
        var revealed = await (await epi.GetAsync($"/api/lists/cases?reveal=true&purpose={Uri.EscapeDataString("流调 case 7 核实")}&q={one.DocumentNumber}")).JsonAsync();
        Assert.Equal(one.DocumentNumber, revealed.GetProperty("items")[0].GetProperty("documentNumber").GetString());
        await using (var db = host.Db())
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.Kind == "list:cases" && a.Purpose == "流调 case 7 核实"));

        // Bad input names the field.
        foreach (var (url, field) in new[]
        {
            ("/api/lists/cases?from=2026-11-20&to=2026-11-10", "to"),
            ("/api/lists/cases?district=abc", "district"),
            ("/api/lists/cases?after=-5", "after"),
            ("/api/lists/cases?reveal=true&purpose=x", "purpose"),
            ("/api/lists/contacts?caseId=0", "caseId"),
            ("/api/lists/quarantine?siteId=-1", "siteId"),
            // A misspelt filter would otherwise be ignored and list everyone.
            ("/api/lists/cases?clas=Mild", "clas"),
            ("/api/lists/contacts?caseid=1&grde=Close", "grde"),
            ("/api/lists/quarantine?sate=InQuarantine", "sate"),
            ("/api/lists/tests?reslt=Positive", "reslt"),
            ("/api/lists/cases?class=Mild&sise=5", "sise"),
        })
        {
            var bad = await epi.GetAsync(url);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, url);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await epi.GetAsync("/api/lists/cases?class=Purple")).StatusCode);
        // Known fields in any case, and the language switch every page accepts, still list.
        Assert.Equal(HttpStatusCode.OK, (await epi.GetAsync("/api/lists/cases?CLASS=Mild&Size=5&culture=en-US")).StatusCode);
    }
}

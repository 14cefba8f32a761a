using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Community;

public sealed class SpecialGroupsPageTestsSqlite() : SpecialGroupsPageTests(StorageProvider.Sqlite);
public sealed class SpecialGroupsPageTestsPostgres() : SpecialGroupsPageTests(StorageProvider.Postgres);

/// <summary>
/// The special-groups register's page pages, filters and searches like the line lists and exports what it lists; its API
/// refuses a filter it does not know, as theirs do.
/// </summary>
public abstract partial class SpecialGroupsPageTests(StorageProvider provider)
{
    [GeneratedRegex("data-testid=\"special-row\"")]
    private static partial Regex Row();

    [GeneratedRegex("<a href=\"([^\"]*)\" data-testid=\"next-page\"")]
    private static partial Regex Next();

    [GeneratedRegex("data-testid=\"list-count\">([^<]*)<")]
    private static partial Regex Count();

    [GeneratedRegex("href=\"([^\"]*)\" data-testid=\"special-export-csv\"")]
    private static partial Regex CsvLink();

    [Fact]
    public async Task The_register_page_pages_filters_searches_and_exports_what_it_lists()
    {
        await using var host = await CityHost.StartAsync(provider, residents: 3000);
        int all, bedridden, named, documented, inGrid;
        string name, document;
        long grid;
        await using (var db = host.Db())
        {
            var active = db.SpecialGroupMembers.Where(m => m.EndedAtUtc == null);
            var people = active.Join(db.Persons, m => m.PersonId, p => p.Id, (m, p) => new { m.Group, m.GridId, p.Name, p.DocumentNumber });
            all = await active.CountAsync();
            bedridden = await active.CountAsync(m => m.Group == SpecialGroup.Bedridden);
            var someone = await people.OrderBy(x => x.DocumentNumber).FirstAsync(x => x.GridId != null);
            (name, document, grid) = (someone.Name[..2], someone.DocumentNumber, someone.GridId!.Value);
            named = await people.CountAsync(x => x.Name.StartsWith(name));
            documented = await people.CountAsync(x => x.DocumentNumber == document);
            inGrid = await active.CountAsync(m => m.GridId == grid);
        }
        Assert.True(all > 100 && bedridden is > 0 and < 50, $"{all} registered, {bedridden} bedridden");
        var epi = await host.LoginAsync("epi");

        async Task<(int Rows, string Count, string? Next, string Html)> PageAsync(string query)
        {
            var r = await epi.GetAsync("/community/special-groups" + query);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            var next = Next().Match(html);
            return (Row().Count(html), WebUtility.HtmlDecode(Count().Match(html).Groups[1].Value), next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null, html);
        }

        // Pages of 50, continued by key to the last, every registration once.
        var page = await PageAsync("");
        Assert.Equal((50, $"共 {all} 条"), (page.Rows, page.Count));
        var seen = page.Rows;
        for (var link = page.Next; link is not null;)
        {
            var next = await PageAsync(link[link.IndexOf('?', StringComparison.Ordinal)..]);
            seen += next.Rows;
            link = next.Next;
        }
        Assert.Equal(all, seen);

        // Filtered by group and grid, searched by a name's start and by ID number: what the register holds.
        foreach (var (query, expected) in new[]
        {
            ("?group=Bedridden", bedridden),
            ($"?gridId={grid}", inGrid),
            ("?q=" + Uri.EscapeDataString(name), named),
            ("?q=" + document, documented),
        })
        {
            var found = await PageAsync(query);
            Assert.True(found.Count == $"共 {expected} 条" && found.Rows == Math.Min(50, expected), $"{query}: {found.Count}, {found.Rows} rows, expected {expected}");
        }
        Assert.Contains("data-testid=\"list-error\"", (await PageAsync("?group=Purple")).Html, StringComparison.Ordinal);

        // The page's export is its filter's rows.
        var bedriddenPage = await PageAsync("?group=Bedridden");
        var csv = await epi.GetStringAsync(WebUtility.HtmlDecode(CsvLink().Match(bedriddenPage.Html).Groups[1].Value));
        Assert.Equal(bedridden, Spreadsheets.Csv(csv).Count(r => r.Length > 1) - 1);

        // A misspelt or impossible filter is refused, naming it, rather than listing or exporting everyone.
        foreach (var (url, field) in new[]
        {
            ("/api/community/special-groups?grup=Bedridden", "grup"),
            ("/api/community/special-groups.csv?grup=Bedridden", "grup"),
            ("/api/community/special-groups?group=99", "group"),
        })
        {
            var bad = await epi.GetAsync(url);
            var text = await bad.Content.ReadAsStringAsync();
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)bad.StatusCode} {text}");
            Assert.Contains($"\"{field}\"", text);
        }
    }
}

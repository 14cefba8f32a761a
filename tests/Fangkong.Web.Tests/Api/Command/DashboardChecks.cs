using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fangkong.Web.Tests.Api.Command;

/// <summary>Holds each dashboard figure against the line list it links to, through the list API as a viewer would.</summary>
internal static class DashboardChecks
{
    private static readonly Dictionary<string, string> ListPaths = new() { ["cases"] = "/api/lists/cases", ["contacts"] = "/api/lists/contacts", ["quarantine"] = "/api/lists/quarantine", ["tickets"] = "/api/lists/tickets", ["venue-scans"] = "/api/lists/venue-scans", ["returnees"] = "/api/lists/returnees" };

    /// <summary>Returns how many figures had a list; fails with every mismatch listed.</summary>
    public static async Task<int> FiguresMatchListsAsync(HttpClient client, IReadOnlyList<JsonElement> figures)
    {
        var wrong = new List<string>();
        var count = 0;
        foreach (var f in figures)
        {
            if (f.GetProperty("link") is not { ValueKind: JsonValueKind.Object } link || link.GetProperty("list").GetString() is not { } list) continue;
            var href = link.GetProperty("href").GetString()!;
            var query = href.Contains('?', StringComparison.Ordinal) ? href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
            var page = await client.GetFromJsonAsync<JsonElement>($"{ListPaths[list]}?size=1&{query}");
            var listed = page.GetProperty("count").GetInt32();
            var value = f.GetProperty("value").GetInt32();
            count++;
            if (listed != value) wrong.Add($"{f.GetProperty("key").GetString()} = {value}, but {list}?{query} lists {listed}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        return count;
    }

    /// <summary>
    /// Holds each zone figure (zones in force by level) against the zone list it opens (/zones?state=…&amp;level=…), through
    /// the zone list API with the same filter; returns how many were held, failing with every mismatch listed.
    /// </summary>
    public static async Task<int> ZoneFiguresMatchListAsync(HttpClient client, IReadOnlyList<JsonElement> figures)
    {
        var wrong = new List<string>();
        var count = 0;
        foreach (var f in figures)
        {
            if (f.GetProperty("link") is not { ValueKind: JsonValueKind.Object } link || link.GetProperty("href").GetString() is not { } href
                || !href.StartsWith("/zones?", StringComparison.Ordinal)) continue;
            var query = href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..];
            var listed = (await client.GetFromJsonAsync<JsonElement>($"/api/zones?size=1&{query}")).GetProperty("count").GetInt32();
            var value = f.GetProperty("value").GetInt32();
            count++;
            if (listed != value) wrong.Add($"{f.GetProperty("key").GetString()} = {value}, but zones?{query} lists {listed}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        return count;
    }

    /// <summary>
    /// How many contact figures count fewer persons than their list has designations (rows without onePerPerson): zero
    /// would mean the data never names a person twice, and the check above would prove nothing about persons.
    /// </summary>
    public static async Task<int> ContactFiguresBelowDesignationsAsync(HttpClient client, IReadOnlyList<JsonElement> figures)
    {
        var below = 0;
        foreach (var f in figures)
        {
            if (f.GetProperty("link") is not { ValueKind: JsonValueKind.Object } link || link.GetProperty("list").GetString() != "contacts") continue;
            var href = link.GetProperty("href").GetString()!;
            Assert.Contains("onePerPerson=true", href, StringComparison.Ordinal);
            var query = href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..].Replace("onePerPerson=true", "onePerPerson=false", StringComparison.Ordinal);
            var designations = (await client.GetFromJsonAsync<JsonElement>($"{ListPaths["contacts"]}?size=1&{query}")).GetProperty("count").GetInt32();
            Assert.True(designations >= f.GetProperty("value").GetInt32(), href);
            if (designations > f.GetProperty("value").GetInt32()) below++;
        }
        return below;
    }

    public static int Value(IReadOnlyList<JsonElement> figures, string key) =>
        figures.Single(f => f.GetProperty("key").GetString() == key).GetProperty("value").GetInt32();

    public static async Task ProblemAsync(HttpClient client, string url, string field)
    {
        var r = await client.GetAsync(url);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)r.StatusCode} {problem}");
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{url}: {problem}");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fangkong.Web.Tests.Api.Command;

/// <summary>Holds each dashboard figure against the line list it links to, through the list API as a viewer would.</summary>
internal static class DashboardChecks
{
    private static readonly Dictionary<string, string> ListPaths = new() { ["cases"] = "/api/lists/cases", ["contacts"] = "/api/lists/contacts", ["quarantine"] = "/api/lists/quarantine" };

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

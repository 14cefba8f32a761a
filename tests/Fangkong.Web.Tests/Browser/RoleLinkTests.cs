using System.Text.RegularExpressions;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.Playwright;

namespace Fangkong.Web.Tests.Browser;

/// <summary>
/// Every link and GET form a user is shown opens for that user: each role's pages are walked in Chromium from where it
/// lands (its nav first, then the pages those link to), and every local link on them is followed once per shape.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed partial class RoleLinkTests(CityBrowserFixture app)
{
    private const int MaxPages = 24;

    public static TheoryData<string> Accounts => new() { "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command" };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Every_link_a_role_is_shown_opens_for_that_role(string account)
    {
        var page = await app.SignInAsync(account);
        var toVisit = new Queue<string>([new Uri(page.Url).PathAndQuery]);
        var visited = new HashSet<string>();
        var followed = new HashSet<string>();
        var refused = new List<string>();
        while (toVisit.TryDequeue(out var path) && visited.Count < MaxPages)
        {
            if (!visited.Add(Shape(path))) continue;
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var targets = await page.EvalOnSelectorAllAsync<string[]>("a[href], form[action]:not([method=post])",
                "els => els.map(e => e.getAttribute('href') ?? e.getAttribute('action'))");
            foreach (var href in targets.Where(Followable))
            {
                if (!followed.Add(Shape(href))) continue;
                var r = await page.APIRequest.GetAsync(href, new() { MaxRedirects = 0 });
                var location = r.Headers.TryGetValue("location", out var l) ? l : "";
                if (r.Status is 401 or 403 || location.Contains("/denied", StringComparison.Ordinal) || location.Contains("/login", StringComparison.Ordinal))
                    refused.Add($"{path} shows {href}: {r.Status} {location}");
                else if (!href.StartsWith("/api", StringComparison.Ordinal)) toVisit.Enqueue(href);
            }
        }
        Assert.True(visited.Count >= 2, $"{account} walked only {string.Join(", ", visited)}");
        Assert.Empty(refused);
        await page.Context.CloseAsync();
    }

    /// <summary>A local address that a click or a GET form would open (not the language switch, which only sets a cookie).</summary>
    private static bool Followable(string? href) =>
        href is { Length: > 0 } && href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.StartsWith("/culture", StringComparison.Ordinal) && !href.StartsWith("/account/", StringComparison.Ordinal);

    /// <summary>One address per page and set of query fields: ids and values do not make a new kind of link.</summary>
    private static string Shape(string href)
    {
        var parts = href.Split('#')[0].Split('?', 2);
        var keys = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(kv => kv.Split('=')[0]).Order()) : "";
        return Digits().Replace(parts[0], "#") + "?" + keys;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}

using System.Text.RegularExpressions;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.Playwright;

namespace Fangkong.Web.Tests.Browser;

/// <summary>
/// Each role's pages walked in Chromium, in Chinese and in English, from where the role lands (its nav first, then the
/// pages those link to): every page has its own tab title in the reader's language, shows no "中文 / English" message,
/// draws no box around its focused heading, and every local link or GET form on it opens for that role.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed partial class PageWalkTests(CityBrowserFixture app)
{
    private const int MaxPages = 16;

    public static TheoryData<string, string> Walks()
    {
        var data = new TheoryData<string, string>();
        foreach (var account in new[] { "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer" })
            foreach (var culture in new[] { "zh-CN", "en" })
                data.Add(account, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Every_page_a_role_reaches_has_its_title_one_language_and_only_links_the_role_may_open(string account, string culture)
    {
        var page = await app.SignInAsync(account, culture);
        var suffix = culture == "en" ? " · Fangkong" : " · 防控";
        var toVisit = new Queue<string>([new Uri(page.Url).PathAndQuery]);
        var visited = new HashSet<string>();
        var followed = new HashSet<string>();
        var problems = new List<string>();
        while (toVisit.TryDequeue(out var path) && visited.Count < MaxPages)
        {
            if (!visited.Add(Shape(path))) continue;
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var title = await page.TitleAsync();
            if (!title.EndsWith(suffix, StringComparison.Ordinal) || title.Length <= suffix.Length)
                problems.Add($"{path}: title \"{title}\"");
            foreach (Match m in BothLanguages().Matches(await page.InnerTextAsync("body")))
                problems.Add($"{path}: both languages \"{m.Value}\"");
            // Focused as Blazor's FocusOnNavigate does it (tabindex -1, then focus): "" is a heading an interactive render replaced meanwhile.
            var outline = await page.EvalOnSelectorAsync<string?>("h1", "h => { if (!h.hasAttribute('tabindex')) h.tabIndex = -1; h.focus(); return getComputedStyle(h).outlineStyle; }")
                .ContinueWith(t => t.IsFaulted ? null : t.Result);
            if (outline is not (null or "none" or "")) problems.Add($"{path}: focused heading drawn with an outline ({outline})");

            var targets = await page.EvalOnSelectorAllAsync<string[]>("a[href], form[action]:not([method=post])",
                "els => els.map(e => e.getAttribute('href') ?? e.getAttribute('action'))");
            foreach (var href in targets.Where(Followable))
            {
                if (!followed.Add(Shape(href))) continue;
                var r = await page.APIRequest.GetAsync(href, new() { MaxRedirects = 0 });
                var location = r.Headers.TryGetValue("location", out var l) ? l : "";
                if (r.Status is 401 or 403 || location.Contains("/denied", StringComparison.Ordinal) || location.Contains("/login", StringComparison.Ordinal))
                    problems.Add($"{path} shows a link it may not open: {href} ({r.Status} {location})");
                else if (!href.StartsWith("/api", StringComparison.Ordinal)) toVisit.Enqueue(href);
            }
        }
        Assert.True(visited.Count >= 2, $"{account} walked only {string.Join(", ", visited)}");
        Assert.Empty(problems);
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

    /// <summary>A Core message in both languages: Chinese, " / ", English (as the store and the services write them).</summary>
    [GeneratedRegex(@"[\u3400-\u9fff）][^\n/]{0,80} / [A-Za-z]")]
    private static partial Regex BothLanguages();
}

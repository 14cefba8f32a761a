using System.Net;

namespace Fangkong.Web.Tests.Hosting;

public sealed class ReturnUrlTestsSqlite(SharedApiHost.Sqlite shared) : ReturnUrlTests(shared), IClassFixture<SharedApiHost.Sqlite>;
public sealed class ReturnUrlTestsPostgres(SharedApiHost.Postgres shared) : ReturnUrlTests(shared), IClassFixture<SharedApiHost.Postgres>;

/// <summary>A return URL sends someone back within the site only: the framework's local-URL rule, wherever one is read.</summary>
public abstract class ReturnUrlTests(SharedApiHost shared)
{
    // Each of these leaves the site in a browser: "/\" and "/<tab>/" are read as "//".
    public static TheoryData<string> Foreign => new()
    {
        "/\\evil.example/steal",
        "//evil.example/steal",
        "/\t/evil.example/steal",
        "https://evil.example/steal",
        "\\\\evil.example/steal",
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Signing_in_with_a_foreign_return_url_lands_at_home(string returnUrl)
    {
        var host = shared.Host;
        var client = host.Anonymous();
        var r = await client.PostAsync("/account/login", Form(("userName", "epi"), ("password", Scenario.Password), ("returnUrl", returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/search", r.Headers.Location?.OriginalString);

        var wrong = await client.PostAsync("/account/login", Form(("userName", "epi"), ("password", "wrong"), ("returnUrl", returnUrl)));
        Assert.Equal("/login?error=1&returnUrl=", wrong.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_in_with_a_local_return_url_goes_back_there()
    {
        var host = shared.Host;
        var r = await host.Anonymous().PostAsync("/account/login", Form(("userName", "epi"), ("password", Scenario.Password), ("returnUrl", "/tracing/cases?q=张")));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/tracing/cases?q=张", Uri.UnescapeDataString(r.Headers.Location!.OriginalString));
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task The_language_switch_and_the_login_page_keep_only_local_return_urls(string returnUrl)
    {
        var host = shared.Host;
        var client = host.Anonymous();
        var culture = await client.GetAsync("/culture?c=en&r=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location?.OriginalString);

        var page = await client.GetStringAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        // The form posts back only a local return URL (the language links carry the page's own, local, address).
        var field = System.Text.RegularExpressions.Regex.Match(page, "<input[^>]*name=\"returnUrl\"[^>]*>");
        Assert.True(field.Success);
        Assert.DoesNotContain("evil.example", field.Value, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}

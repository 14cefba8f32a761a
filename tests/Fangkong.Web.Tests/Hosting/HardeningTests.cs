using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Fangkong.Web.Tests.Hosting;

public sealed class HardeningTestsSqlite() : HardeningTests(StorageProvider.Sqlite);
public sealed class HardeningTestsPostgres() : HardeningTests(StorageProvider.Postgres);

/// <summary>Security headers, rate limits on anonymous checks, no ID numbers in URLs or logs, and the production start's refusals (ADR 0026).</summary>
public abstract partial class HardeningTests(StorageProvider provider)
{
    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_hsts_over_plain_http()
    {
        await using var host = await ApiHost.StartAsync(provider, kestrel: true);
        var client = host.Anonymous();
        foreach (var url in new[] { "/login", "/api/codes/public-keys", "/api/nothing-here", "/testing/verify", "/app.css" })
        {
            var r = await client.GetAsync(url);
            var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(r.Headers.GetValues("Referrer-Policy")));
            Assert.False(r.Headers.Contains("Strict-Transport-Security"), url);
        }
    }

    [Fact]
    public async Task Anonymous_checks_are_rate_limited_per_address_with_a_problem_answer()
    {
        await using var host = await ApiHost.StartAsync(provider, web: b => b.UseSetting("RateLimits:AnonymousPerMinute", "3"), kestrel: true);
        var client = host.Anonymous();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/testing/certificates/verify", new { proof = "FKC1.x.y" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/testing/certificates/verify", new { proof = "FKC1.x.y" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.JsonAsync()).GetProperty("status").GetInt32());
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/codes/public-keys")).StatusCode);
        // The public verify page has its own count; signed-in work is not limited.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/testing/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/testing/verify")).StatusCode);
        var gate = await host.LoginAsync("gate");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await gate.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_person_search_keeps_the_id_number_out_of_the_url_and_no_log_line_holds_one()
    {
        var log = new LogCapture();
        // Down to Debug: the host's request lines (with their URLs) are captured too.
        await using var host = await ApiHost.StartAsync(provider, web: b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Debug");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
            log.AddTo(b);
        }, kestrel: true);
        var epi = await host.LoginAsync("epi");
        var gate = await host.LoginAsync("gate");
        var id = host.Scenario.Alice.DocumentNumber;
        log.Clear();

        var form = await (await epi.GetAsync("/search?tab=persons")).Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Posted.Q"] = id;
        var posted = await epi.PostAsync("/search?tab=persons", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.DoesNotContain(id, location, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id[..6], location, StringComparison.Ordinal);
        var found = await (await epi.GetAsync(location)).Content.ReadAsStringAsync();
        Assert.Contains($"/persons/{host.Scenario.Alice.Id}", found, StringComparison.Ordinal);
        // A forged token is an empty search, not an error.
        Assert.Equal(HttpStatusCode.OK, (await epi.GetAsync("/search?tab=persons&s=forged")).StatusCode);

        // Gate work with ID numbers, good and bad, and a trajectory read.
        await gate.CheckInAsync(id, 36.5m);
        await gate.CheckInAsync("11010519491231002Y", 36.5m);
        await gate.CheckOutAsync(id);
        await epi.GetAsync($"/api/persons/{host.Scenario.Alice.Id}/trajectory?from=2026-11-19T00:00:00Z&to=2026-11-20T12:00:00Z&purpose=case-2026-1");

        Assert.NotEmpty(log.Entries);
        var leaks = log.Entries.Where(e => IdNumber().IsMatch(e.Message) || e.Message.Contains(host.Scenario.Alice.Name, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Select(e => $"{e.Category}: {e.Message}")));
    }

    [Fact]
    public async Task A_production_start_is_refused_for_demo_passwords_database_keys_and_an_insecure_cookie()
    {
        var production = new HostingEnvironment { EnvironmentName = "Production" };
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "false" }).Build();
        await using (var host = await ApiHost.StartAsync(provider))
        {
            await using (var db = host.Db())
                await db.Users.Where(u => u.UserName == "command").ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, PasswordHasher.Hash(SeedOptions.DemoPassword, PasswordHasher.RandomSecretIterations)));
            var refusals = await ProductionSafety.RefusalsAsync(host.Services, production, settings);
            Assert.Equal(3, refusals.Count);
            Assert.Contains("command", refusals[0], StringComparison.Ordinal);
            Assert.Contains("Signing:KeyFile", refusals[1], StringComparison.Ordinal);
            Assert.Contains("Auth:SecureCookie", refusals[2], StringComparison.Ordinal);
            // The demo itself (Development, or seeding on start) is not refused.
            Assert.Empty(await ProductionSafety.RefusalsAsync(host.Services, new HostingEnvironment { EnvironmentName = "Development" }, settings));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using (var safe = await ApiHost.StartAsync(provider, web: b =>
        {
            b.UseSetting("Signing:KeyPem", key.ExportPkcs8PrivateKeyPem());
            b.UseSetting("Auth:SecureCookie", "true");
        }))
        {
            Assert.Empty(await ProductionSafety.RefusalsAsync(safe.Services, production, settings));
        }
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    /// <summary>A mainland resident ID number: 17 digits and a digit or X.</summary>
    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdNumber();
}

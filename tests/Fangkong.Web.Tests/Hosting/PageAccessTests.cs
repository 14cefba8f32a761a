using System.Net;
using System.Security.Claims;
using Fangkong.Core.Data;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Hosting;

public sealed class PageAccessTestsSqlite() : PageAccessTests(StorageProvider.Sqlite);
public sealed class PageAccessTestsPostgres() : PageAccessTests(StorageProvider.Postgres);

/// <summary>
/// The one rule links are drawn by (PageAccess) agrees with what the server does when the link is followed: for every
/// page of the app and every role, "may open" exactly when the page does not send that user to sign in or to "denied" —
/// and no page, opened by anyone, fails.
/// </summary>
public abstract class PageAccessTests(StorageProvider provider)
{
    private static readonly string[] Accounts = ["resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"];

    [Fact]
    public async Task Every_page_is_allowed_by_PageAccess_exactly_when_the_server_serves_it()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var pages = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                _ => "1",
            })))))
            .Distinct().Order().ToList();
        Assert.Contains("/command/bulletins", pages);
        Assert.True(pages.Count > 30, string.Join(", ", pages));

        var mismatches = new List<string>();
        foreach (var account in Accounts)
        {
            var client = await host.LoginAsync(account);
            ClaimsPrincipal user;
            await using (var db = host.Db())
                user = AuthSetup.Principal(await db.Users.SingleAsync(u => u.UserName == account));
            await using var scope = host.Services.CreateAsyncScope();
            var access = scope.ServiceProvider.GetRequiredService<PageAccess>();
            foreach (var path in pages)
            {
                HttpResponseMessage response;
                try { response = await client.GetAsync(path); }
                catch (OperationCanceledException) { mismatches.Add($"{account} {path}: the response broke off (a page failed while drawing)"); continue; }
                // A page drawn before its data arrived (PostgreSQL answers truly asynchronously) must not fail.
                if ((int)response.StatusCode >= 500) mismatches.Add($"{account} {path}: {(int)response.StatusCode}");
                var location = response.Headers.Location?.ToString() ?? "";
                var refused = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                    && (location.Contains("/denied", StringComparison.Ordinal) || location.Contains("/login", StringComparison.Ordinal));
                if (await access.MayOpenAsync(user, path) == refused) mismatches.Add($"{account} {path}: server {(int)response.StatusCode} {location}");
            }
        }
        Assert.Empty(mismatches);

        // Not a page of ours, or no page at all: not a question of roles.
        await using var s = host.Services.CreateAsyncScope();
        var a = s.ServiceProvider.GetRequiredService<PageAccess>();
        var nobody = new ClaimsPrincipal(new ClaimsIdentity());
        Assert.True(await a.MayOpenAsync(nobody, "https://example.org/x"));
        Assert.True(await a.MayOpenAsync(nobody, "/login"));
        Assert.False(await a.MayOpenAsync(nobody, "/command/bulletins?x=1#top"));
        Assert.False(await a.MayOpenAsync(nobody, "/api/lists/cases"));
    }
}

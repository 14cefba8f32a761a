using System.Text.RegularExpressions;
using Fangkong.Web.Tests.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Architecture;

/// <summary>Every API route the host maps has a row in the authorisation matrix, so no route's roles go untested.</summary>
public sealed class RouteCoverageTests
{
    // Signing in and out change who the caller is, so they cannot sit in a matrix of callers (AuthTests and ReturnUrlTests
    // cover them); the API reference is public by design.
    private static readonly string[] Exempt = ["/api/auth/login", "/api/auth/logout", "/api/docs"];

    [Fact]
    public async Task Every_api_route_has_a_row_in_the_authorisation_matrix()
    {
        await using var host = await ApiHost.StartAsync(Fangkong.Core.Data.StorageProvider.Sqlite);
        var routes = host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText ?? "")))
            .Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !Exempt.Any(e => r.Pattern.StartsWith(e, StringComparison.Ordinal)))
            .Where(r => !AuthorizationMatrixTests.Endpoints.Any(row => row.Method == r.Method && RouteRows.Matches(r.Pattern, row.Url)))
            .Select(r => $"{r.Method} {r.Pattern}").Order().ToList();
        Assert.True(missing.Count == 0, "Add a row to AuthorizationMatrixTests for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_row_matches_its_route_and_no_other()
    {
        Assert.True(RouteRows.Matches("/api/cases/{id:long}/contacts", "/api/cases/1/contacts?grade=Close"));
        Assert.False(RouteRows.Matches("/api/cases/{id:long}/contacts", "/api/cases/1/contacts/decide"));
        Assert.False(RouteRows.Matches("/api/cases/{id:long}", "/api/bulletins/1"));
        Assert.False(RouteRows.Matches("/api/bulletins/{id:long}", "/api/bulletins/published"));
        Assert.True(RouteRows.Matches("/api/tracing/persons/{id:long}/trajectory.{format}", "/api/tracing/persons/101/trajectory.csv?from=x"));
        Assert.False(RouteRows.Matches("/api/tracing/persons/{id:long}/trajectory.{format}", "/api/tracing/persons/101/log.csv"));
    }
}

/// <summary>Whether a matrix row's URL is an instance of a route pattern: literal segments equal, parameters anything.</summary>
internal static class RouteRows
{
    public static bool Matches(string pattern, string url)
    {
        var p = pattern.Trim('/').Split('/');
        var u = url.Split('?')[0].Trim('/').Split('/');
        return p.Length == u.Length && p.Zip(u).All(x => Segment(x.First).IsMatch(x.Second));
    }

    // "trajectory.{format}" matches "trajectory.csv": literal parts equal, each {parameter} one or more characters (digits for
    // a number), so "/api/bulletins/published" is not taken for "/api/bulletins/{id:long}".
    private static Regex Segment(string pattern) =>
        new("^" + string.Concat(Regex.Split(pattern, "({[^}]*})").Select(part => part.StartsWith('{') ? (part.Contains(":long", StringComparison.Ordinal) || part.Contains(":int", StringComparison.Ordinal) ? "[0-9]+" : "[^/]+") : Regex.Escape(part))) + "$",
            RegexOptions.IgnoreCase);
}

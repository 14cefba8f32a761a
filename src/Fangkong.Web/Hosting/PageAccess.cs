using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Which endpoint a local address leads to, for <see cref="PageAccess"/>: every GET route of the app (pages and APIs),
/// most specific first, as the router orders them. Built once; the endpoints do not change while the app runs.
/// </summary>
public sealed class PageRoutes(EndpointDataSource endpoints)
{
    private sealed record Route(TemplateMatcher Matcher, RoutePattern Pattern, Endpoint Endpoint);

    private IReadOnlyList<Route>? _routes;

    public Endpoint? Match(string path)
    {
        _routes ??= endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } m || m.HttpMethods.Count == 0 || m.HttpMethods.Contains("GET"))
            .OrderBy(e => e.Order).ThenBy(e => RoutePrecedence.ComputeInbound(new RouteTemplate(e.RoutePattern)))
            .Select(e => new Route(new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults)), e.RoutePattern, e))
            .ToList();
        foreach (var r in _routes)
        {
            var values = new RouteValueDictionary();
            if (r.Matcher.TryMatch(path, values) && Fits(r.Pattern, values)) return r.Endpoint;
        }
        return null;
    }

    // The type constraints the app's routes use ({id:long}), so "/persons/abc" does not count as a person page.
    private static bool Fits(RoutePattern pattern, RouteValueDictionary values) =>
        pattern.Parameters.All(p => p.ParameterPolicies.All(policy => policy.Content switch
        {
            "long" => long.TryParse(values[p.Name]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _),
            "int" => int.TryParse(values[p.Name]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _),
            _ => true,
        }));
}

/// <summary>
/// Whether a user may open a local address: the authorization its endpoint declares — a page's [Authorize], an API's
/// RequireAuthorization — is the one the server enforces, so a link is shown exactly where following it is allowed.
/// Links and buttons to other pages go through here (<c>RoleLink</c>), never through a role list of their own.
/// </summary>
public sealed class PageAccess(PageRoutes routes, IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
{
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return true; // not one of ours
        var path = href.Split('?', '#')[0];
        if (routes.Match(path) is not { } endpoint) return true; // no such page: a 404, not a question of roles
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return true;
        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}

using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fangkong.Domain.Testing;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api;

/// <summary>
/// One mapped route and method as the hostile-input suite drives it: a concrete path, the account allowed to call it,
/// and what it binds (its JSON body type, its handler's parameters, a page's query parameters).
/// </summary>
public sealed record HostileRoute(RouteEndpoint Endpoint, string Method, string Path, string? User, Type? BodyType,
    IReadOnlyList<string> Accepts, MethodInfo? Handler, Type? Page)
{
    public string Name => $"{Method} /{Endpoint.RoutePattern.RawText?.TrimStart('/')}";
    public bool IsApi => Path.StartsWith("/api/", StringComparison.Ordinal);
    public bool HasBody => Method is "POST" or "PUT" or "PATCH";
    public bool TakesJson => Accepts.Contains("application/json");

    /// <summary>The path with one string route value replaced (percent-encoded).</summary>
    public string PathWith(string parameter, string raw) => HostileRoutes.Fill(Endpoint.RoutePattern, parameter, raw);

    public IEnumerable<string> StringRouteParameters => Endpoint.RoutePattern.Parameters
        .Where(p => p.ParameterPolicies.Count == 0 && !p.IsCatchAll).Select(p => p.Name);

    /// <summary>Query parameters the handler binds as dates (directly or in an [AsParameters] filter), with their type.</summary>
    public IEnumerable<(string Name, Type Type)> QueryDates
    {
        get
        {
            if (Handler is null) yield break;
            foreach (var p in Handler.GetParameters())
            {
                if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
                {
                    foreach (var prop in p.ParameterType.GetProperties().Where(x => HostileRoutes.IsDate(x.PropertyType)))
                        yield return (JsonNamingPolicy.CamelCase.ConvertName(prop.Name), Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType);
                }
                else if (HostileRoutes.IsDate(p.ParameterType) && Endpoint.RoutePattern.GetParameter(p.Name!) is null)
                    yield return (p.Name!, Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType);
            }
        }
    }

    /// <summary>A page's query parameters ([SupplyParameterFromQuery]).</summary>
    public IEnumerable<string> PageQuery => Page is null ? [] : Page
        .GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        .Select(p => (p, a: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
        .Where(x => x.a is not null).Select(x => x.a!.Name ?? x.p.Name);
}

public static class HostileRoutes
{
    /// <summary>
    /// Every route the app maps, one entry per method, with the account to call it as. Left out: the framework's own
    /// internals (static files, Blazor's circuit endpoints under "_"), which read no input of ours.
    /// </summary>
    public static async Task<List<HostileRoute>> AllAsync(ApiHost host)
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsFrameworkInternal(e)).ToList();
        var policies = host.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var auth = host.Services.GetRequiredService<IAuthorizationService>();
        await using var db = host.Db();
        var users = (await db.Users.AsNoTracking().ToListAsync())
            // The scenario's city-level accounts first; the district accounts (ADR 0028) only where no other may call.
            .OrderBy(u => Array.IndexOf(Scenario.Users, u.UserName) is var i and >= 0 ? i : int.MaxValue)
            .Select(u => (u.UserName, Principal: AuthSetup.Principal(u))).ToList();

        var routes = new List<HostileRoute>();
        foreach (var e in endpoints)
        {
            var user = await UserForAsync(e, users, policies, auth);
            var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>();
            var body = accepts?.RequestType is { } t && t.Namespace?.StartsWith("Fangkong.", StringComparison.Ordinal) == true ? t : null;
            foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new HostileRoute(e, method, Fill(e.RoutePattern, null, null), user, body, accepts?.ContentTypes ?? [],
                    e.Metadata.GetMetadata<MethodInfo>(), e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type));
            }
        }
        return routes;
    }

    private static bool IsFrameworkInternal(RouteEndpoint e) =>
        e.RoutePattern.RawText?.TrimStart('/').StartsWith('_') == true
        || e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
        || e.RoutePattern.RawText == "{**path:file}"; // the development server's fallback for static files added after the build

    /// <summary>The first scenario account the route's policy admits; null for routes open to anyone.</summary>
    private static async Task<string?> UserForAsync(RouteEndpoint e, List<(string UserName, ClaimsPrincipal Principal)> users,
        IAuthorizationPolicyProvider policies, IAuthorizationService auth)
    {
        if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        var policy = await AuthorizationPolicy.CombineAsync(policies, e.Metadata.GetOrderedMetadata<IAuthorizeData>(), e.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null) return null;
        foreach (var (name, principal) in users)
            if ((await auth.AuthorizeAsync(principal, null, policy)).Succeeded) return name;
        throw new InvalidOperationException($"no scenario account may call {e.RoutePattern.RawText}");
    }

    /// <summary>A concrete path for a pattern: ids are 1, known names get a plausible value, one parameter may be replaced.</summary>
    public static string Fill(RoutePattern pattern, string? replace, string? raw)
    {
        var parts = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternSeparatorPart s => s.Content,
                    RoutePatternParameterPart p when p.Name == replace => raw,
                    RoutePatternParameterPart p => Value(p),
                    _ => "",
                };
            }
            parts.Add(text);
        }
        return "/" + string.Join('/', parts);
    }

    private static string Value(RoutePatternParameterPart p) => p.Name switch
    {
        _ when p.ParameterPolicies.Count > 0 => "1",
        "format" => "csv",
        "barcode" => Barcodes.Tube(424242),
        "name" => "trend",
        "documentName" => "v1",
        _ => "x1",
    };

    public static bool IsDate(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u == typeof(DateTime) || u == typeof(DateOnly) || u == typeof(DateTimeOffset);
    }

    /// <summary>Every text and date field a JSON body type carries, as the path a caller writes ("rooms[0].number").</summary>
    public static IEnumerable<(string Path, Type Type)> Leaves(Type type, string prefix = "", int depth = 0)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || IsDate(t) || t == typeof(JsonElement)) { yield return (prefix, t); yield break; }
        if (depth > 4) yield break;
        if (t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)))
        {
            var element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments()[0];
            foreach (var leaf in Leaves(element, prefix + "[0]", depth + 1)) yield return leaf;
            yield break;
        }
        if (!t.IsClass || t.Namespace?.StartsWith("Fangkong.", StringComparison.Ordinal) != true) yield break;
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            foreach (var leaf in Leaves(p.PropertyType, prefix.Length == 0 ? name : prefix + "." + name, depth + 1)) yield return leaf;
        }
    }

    /// <summary>A JSON body with only the field at <paramref name="path"/> set.</summary>
    public static string BodyWith(string path, JsonNode? value)
    {
        var segments = path.Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        JsonNode? node = value;
        for (var i = segments.Length - 1; i >= 0; i--)
            node = segments[i] == "[0]" ? new JsonArray(node) : new JsonObject { [segments[i]] = node };
        return node!.ToJsonString();
    }
}

using Microsoft.AspNetCore.Routing.Template;

namespace Fangkong.Web.Api;

/// <summary>
/// Answers the framework gives without running an endpoint — no such route (404), wrong method (405), wrong Content-Type
/// (415) — as ProblemDetails under /api; pages keep the UI's own error pages.
/// </summary>
public static class ApiStatusProblems
{
    public static void UseApiStatusProblems(this WebApplication app)
    {
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") && !http.Response.HasStarted && http.Response.ContentLength is null)
                await Results.Problem(statusCode: http.Response.StatusCode, title: Title(http.Response.StatusCode, http.Request.ContentType)).ExecuteAsync(http);
        });
        // Routing has run before any middleware: no endpoint means no route. (This was a catch-all MapFallback, but a
        // catch-all matches every method and Content-Type, so it outranked the framework's own 405 and 415 answers.)
        IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>? routes = null;
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is null && http.Request.Path.StartsWithSegments("/api"))
            {
                // The framework answers 405 itself unless some endpoint takes every method: the development server's
                // static-file fallback does. So a path that is a route, asked with another method, is told so here.
                routes ??= ApiRoutes(app);
                var allowed = routes.Where(r => r.Matcher.TryMatch(http.Request.Path, [])).SelectMany(r => r.Methods).Distinct().Order().ToList();
                // A route taking this very method did not match because a constraint did ("/api/venues/abc"): not found.
                if (allowed.Count > 0 && !allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
                {
                    http.Response.Headers.Allow = string.Join(", ", allowed);
                    await Results.Problem(statusCode: 405, title: Title(405, null)).ExecuteAsync(http);
                }
                else await Results.Problem(statusCode: 404, title: HostText.Get("Api.NoSuchEndpoint")).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
    }

    private static List<(TemplateMatcher, IReadOnlyList<string>)> ApiRoutes(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 })
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), []), e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods))
            .ToList();

    private static string? Title(int status, string? contentType) => status switch
    {
        405 => HostText.Get("Api.MethodNotAllowed"),
        415 => HostText.Get("Api.UnsupportedContentType", contentType ?? HostText.Get("Api.NoContentType")),
        _ => null,
    };
}

namespace Fangkong.Web.Hosting;

/// <summary>
/// Refuses a sign-in or sign-out a browser sent from another site (ADR 0023): such a post could sign a person out, or
/// into an account the other site chose. Browsers say where a request came from — <c>Sec-Fetch-Site</c> (every current
/// browser) and <c>Origin</c> on every cross-origin POST — and a page cannot forge either; API clients without a browser
/// send neither and are not affected. A token in each form would add nothing these headers do not already prove.
/// </summary>
public static class SameOrigin
{
    /// <summary>Whether a browser sent the request from a page of another site or origin.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site") return true;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        // An opaque origin ("null": a sandboxed frame, a data: page) is never this site.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from)) return true;
        // The host, not the scheme: behind a proxy that ends TLS the request arrives over plain HTTP.
        return !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An endpoint filter: 403 ProblemDetails for a cross-site request, nothing done.</summary>
    public static TBuilder RequireSameOrigin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) => IsCrossSite(ctx.HttpContext.Request)
            ? Api.Problems.Field(StatusCodes.Status403Forbidden, "origin", HostText.Get("Api.CrossSite"))
            : await next(ctx));
}

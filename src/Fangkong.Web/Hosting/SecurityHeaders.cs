namespace Fangkong.Web.Hosting;

/// <summary>
/// Security headers on every response (ADR 0026). The CSP allows only the platform's own scripts (Blazor, MudBlazor and ours are all
/// served from here; no inline script anywhere), inline styles (MudBlazor sets style attributes), images from data: and blob: URLs
/// (QR codes, charts), and the Blazor circuit's WebSocket to the same origin; no page may be framed. HSTS only over TLS: sent over
/// plain HTTP it would be ignored, and on localhost it would pin a developer's browser.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar) boots itself with an inline script and loads nothing from elsewhere: it alone gets 'unsafe-inline'
    /// scripts, and it holds no personal data.
    /// </summary>
    public const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/docs") ? ApiDocsPolicy : ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "geolocation=(), microphone=(), camera=(self)";
            if (http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        return next(http);
    });
}

using System.Net;

namespace Fangkong.Web.Hosting;

/// <summary>
/// While the demo city is being generated, pages get a small progress page that refreshes itself and the API gets a 503
/// ProblemDetails with Retry-After: nobody signs in to, or reads, a city that is half there.
/// </summary>
public static class DemoCityGate
{
    public static WebApplication UseDemoCityGate(this WebApplication app)
    {
        var progress = app.Services.GetRequiredService<DemoCityProgress>();
        app.Use(async (http, next) =>
        {
            var now = progress.Now;
            if (now.State == DemoCityState.Ready) { await next(http); return; }
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            http.Response.Headers.CacheControl = "no-store";
            var title = HostText.Get(now.State == DemoCityState.Failed ? "Demo.Failed" : "Demo.Generating");
            var detail = now.State == DemoCityState.Failed ? now.Phase : HostText.Get("Demo.Progress", Phase(now.Phase), now.Percent);
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: 503, title: title, detail: detail).ExecuteAsync(http);
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Page(title, detail, now.State == DemoCityState.Generating ? now.Percent : 0));
        });
        return app;
    }

    /// <summary>The seeder's phase ("residents", "visits", "visits indexes"…) in the reader's language.</summary>
    private static string Phase(string phase)
    {
        var key = "Demo.Phase." + (phase.EndsWith(" indexes", StringComparison.Ordinal) ? "indexes" : phase);
        return HostText.Has(System.Globalization.CultureInfo.CurrentUICulture, key) ? HostText.Get(key) : HostText.Get("Demo.Phase.other");
    }

    // Self-contained (no scripts, no external styles: the CSP allows neither here) and sized for a phone.
    private static string Page(string title, string detail, int percent) => $$"""
        <!DOCTYPE html>
        <html lang="{{System.Globalization.CultureInfo.CurrentUICulture.Name}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="3"><title>{{WebUtility.HtmlEncode(title)}}</title></head>
        <body style="font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2937">
        <h1 style="font-size:1.3rem">防控 Fangkong</h1>
        <p style="font-size:1.1rem">{{WebUtility.HtmlEncode(title)}}</p>
        <progress value="{{percent}}" max="100" style="width:100%;height:1.2rem"></progress>
        <p>{{WebUtility.HtmlEncode(detail)}}</p>
        <p style="color:#6b7280;font-size:.9rem">{{WebUtility.HtmlEncode(HostText.Get("Demo.Wait"))}}</p>
        </body></html>
        """;
}

namespace Fangkong.Web.Api;

/// <summary>
/// Refuses declared-oversized API bodies up front with a 413 ProblemDetails, before any model binding.
/// Kestrel's own limit still guards chunked bodies with no declared length.
/// </summary>
public static class BodyLimits
{
    public const long GateBytes = 16 * 1024;
    public const long ApiBytes = 256 * 1024;
    /// <summary>A lab's result file: up to 200,000 lines.</summary>
    public const long ImportBytes = 16 * 1024 * 1024;

    public static void UseBodyLimits(this WebApplication app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") && http.Request.ContentLength is { } length)
        {
            var limit = path.StartsWithSegments("/api/gate") ? GateBytes
                : path.StartsWithSegments("/api/testing/lab/results/import") ? ImportBytes : ApiBytes;
            if (length > limit)
            {
                await Results.Problem(statusCode: 413, title: "请求体过大 / the request body is too large",
                    detail: $"最大 {limit} 字节 / at most {limit} bytes").ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fangkong.Web.Api;

/// <summary>
/// Refuses oversized API bodies and form posts up front with a 413, before any model binding or form reading: a
/// declared length over the limit at once, a chunked body once it passes the limit (the server's body-size limit is
/// lowered to this one for the request).
/// </summary>
public static class BodyLimits
{
    public const long GateBytes = 16 * 1024;
    public const long ApiBytes = 256 * 1024;
    /// <summary>A lab's result file: up to 200,000 lines.</summary>
    public const long ImportBytes = 16 * 1024 * 1024;
    /// <summary>An appeal with its evidence: five files of 2 MB each, in base64 or a page's multipart form.</summary>
    public const long AppealBytes = 16 * 1024 * 1024;
    /// <summary>A team's file: up to 20,000 rows (TeamFile.MaxRows).</summary>
    public const long TeamImportBytes = 4 * 1024 * 1024;
    /// <summary>A page's form post (sign-in, a round, a bulletin's text): the same bound as an API body.</summary>
    public const long FormBytes = ApiBytes;

    public static void UseBodyLimits(this WebApplication app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        var api = path.StartsWithSegments("/api");
        if (api || http.Request.HasFormContentType)
        {
            var limit = path.StartsWithSegments("/api/appeals/me") || path.StartsWithSegments("/me/appeals") ? AppealBytes
                : !api ? FormBytes
                : path.StartsWithSegments("/api/gate") || path.StartsWithSegments("/api/venue-codes/scans") ? GateBytes
                : path.StartsWithSegments("/api/testing/lab/results/import") ? ImportBytes
                : path.StartsWithSegments("/api/accounts/import") ? TeamImportBytes : ApiBytes;
            if (http.Request.ContentLength is { } length && length > limit)
            {
                if (api)
                {
                    await Results.Problem(statusCode: 413, title: HostText.Get("Api.BodyTooLarge"),
                        detail: HostText.Get("Api.BodyLimit", limit)).ExecuteAsync(http);
                    return;
                }
                throw new BadHttpRequestException(HostText.Get("Api.BodyTooLargeWithLimit", limit), 413);
            }
            // An endpoint's own limit (the gate's) was already applied by routing; otherwise this one holds for chunked bodies too.
            if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null
                && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
        }
        await next(http);
    });
}

using Fangkong.Core.Common;

namespace Fangkong.Web.Components.Shared;

/// <summary>
/// Pages bind numeric query parameters (page, ids) to typed properties, and Blazor throws — a 500 — on a value it cannot
/// parse. This checks them first, so <c>?page=abc</c> gets a 400 page naming the parameter, as bad input should.
/// </summary>
public static class PageQueryNumbers
{
    private static readonly string[] Keys = ["page", "task", "round", "compound", "building", "venue", "person"];

    public static IApplicationBuilder UsePageQueryNumbers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            foreach (var key in Keys)
            {
                if (http.Request.Query.TryGetValue(key, out var values) && values.Any(v => !string.IsNullOrEmpty(v) && !long.TryParse(v, out _)))
                    throw new InputException(key, $"参数{key}应为整数 / the query parameter {key} must be a whole number");
            }
        }
        await next();
    });
}

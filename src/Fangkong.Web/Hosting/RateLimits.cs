using System.Globalization;
using System.Threading.RateLimiting;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Every rate limit of the platform, in one place (ADR 0026): named policies for endpoints (<c>.RequireRateLimiting(RateLimits.Anonymous)</c>),
/// partitioned by the caller's address, answering 429 with ProblemDetails and Retry-After. Limits per minute come from
/// <c>RateLimits:AnonymousPerMinute</c> and <c>Policy:Accounts:SignInsPerMinute</c> (ADR 0023).
/// </summary>
public static class RateLimits
{
    /// <summary>Anonymous reads anyone may make: certificate verification, the published keys.</summary>
    public const string Anonymous = "anonymous";
    /// <summary>Sign-in attempts (the accounts' lock-out counts failures per account; this counts attempts per address).</summary>
    public const string SignIn = "sign-in";

    /// <summary>Pages that are anonymous checks, limited like <see cref="Anonymous"/> endpoints (a page cannot carry an endpoint policy here).</summary>
    private static readonly string[] AnonymousPages = ["/testing/verify"];

    public static IServiceCollection AddFangkongRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var anonymous = config.GetValue("RateLimits:AnonymousPerMinute", 120);
        var signIn = Core.Accounts.AccountPolicy.Read(config).SignInsPerMinute;
        var concurrency = config.GetSection("RateLimits:Concurrency").Get<ConcurrencyLimits>() ?? new ConcurrencyLimits();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Anonymous, http => PerAddress(http, Anonymous, anonymous));
            o.AddPolicy(SignIn, http => PerAddress(http, SignIn, signIn));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    AnonymousPages.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
                        ? PerAddress(http, "page", anonymous) : RateLimitPartition.GetNoLimiter("none")),
                ApiConcurrency.Limiter(concurrency));
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                // A concurrency limit names no moment: the instance is full now, and a device's retry a second later finds room (ADR 0047).
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(concurrency.RetryAfterSeconds);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (ApiConcurrency.Pool(http) is { } pool) Core.Common.Telemetry.Shed.Add(1, new KeyValuePair<string, object?>("fangkong.pool", pool));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: HostText.Get("Api.TooManyRequests"),
                    detail: HostText.Get("Api.TooManyRequestsDetail")).ExecuteAsync(http);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + ":" + (http.Connection.RemoteIpAddress?.ToString() ?? "-"), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

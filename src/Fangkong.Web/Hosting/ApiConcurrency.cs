using System.Threading.RateLimiting;

namespace Fangkong.Web.Hosting;

/// <summary>
/// How many API requests one instance serves at once (<c>RateLimits:Concurrency</c>, ADR 0047). Beyond the limit and its short
/// queue a request is answered 429 with Retry-After at once, before the instance's latency grows without bound. Devices (gates,
/// sampling tables, venue-code scans) have a pool of their own, which the rest of the API cannot use up.
/// </summary>
public sealed class ConcurrencyLimits
{
    /// <summary>Requests of the API other than devices' in progress at once.</summary>
    public int Api { get; set; } = 256;
    /// <summary>Requests waiting for a place in the API's pool (oldest first); beyond them, 429.</summary>
    public int ApiQueue { get; set; } = 256;
    /// <summary>Devices' requests in progress at once: their group commits take hundreds together (ADR 0004, 0035).</summary>
    public int Devices { get; set; } = 2048;
    public int DevicesQueue { get; set; } = 2048;
    /// <summary>The Retry-After of a 429 for want of room.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}

public static class ApiConcurrency
{
    public const string DevicesPool = "devices";
    public const string ApiPool = "api";

    /// <summary>The writes of devices that queue offline when refused: the gate's check-in and out, the sampler's tubes, venue-code scans.</summary>
    private static readonly string[] DevicePaths = ["/api/gate/check-in", "/api/gate/check-out", "/api/testing/tubes", "/api/venue-codes/scans"];

    /// <summary>The pool a request counts against; null for what is not the API (pages, their circuits, static files).</summary>
    public static string? Pool(HttpContext http)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return null;
        return DevicePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) ? DevicesPool : ApiPool;
    }

    public static PartitionedRateLimiter<HttpContext> Limiter(ConcurrencyLimits limits) => PartitionedRateLimiter.Create<HttpContext, string>(http => Pool(http) switch
    {
        DevicesPool => RateLimitPartition.GetConcurrencyLimiter(DevicesPool, _ => Options(limits.Devices, limits.DevicesQueue)),
        ApiPool => RateLimitPartition.GetConcurrencyLimiter(ApiPool, _ => Options(limits.Api, limits.ApiQueue)),
        _ => RateLimitPartition.GetNoLimiter("none"),
    });

    private static ConcurrencyLimiterOptions Options(int permits, int queue) => new()
    {
        PermitLimit = Math.Max(1, permits),
        QueueLimit = Math.Max(0, queue),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}

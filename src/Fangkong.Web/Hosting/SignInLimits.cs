using System.Threading.RateLimiting;
using Fangkong.Core.Accounts;

namespace Fangkong.Web.Hosting;

/// <summary>
/// The sign-in endpoints' rate limit (ASP.NET Core's own limiter): <see cref="AccountPolicy.SignInsPerMinute"/> attempts
/// per client address per minute, answered beyond with 429 ProblemDetails. It slows guessing across many accounts,
/// which the per-account lock-out cannot see.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, AccountPolicy policy) => services.AddRateLimiter(o =>
    {
        o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, policy.SignInsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        o.OnRejected = async (ctx, ct) =>
        {
            ctx.HttpContext.Response.Headers.RetryAfter = "60";
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: HostText.Get("Api.TooManySignIns"))
                .ExecuteAsync(ctx.HttpContext);
        };
    });
}

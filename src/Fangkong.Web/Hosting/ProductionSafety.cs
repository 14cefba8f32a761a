using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Signing;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Fangkong.Web.Hosting;

/// <summary>
/// A production start refuses an unsafe configuration, each refusal saying what to change (ADR 0026). Production means the
/// environment is Production and <c>Demo:SeedOnStart</c> is false; then the start is refused when
/// (1) a demo account still opens with the demo password,
/// (2) no <c>Signing:KeyFile</c> or <c>Signing:KeyPem</c> is configured, so the private signing key would sit in the database —
///     unless the operator states <c>Signing:AllowDatabaseKeys=true</c>,
/// (3) the sign-in cookie is not marked Secure (<c>Auth:SecureCookie=true</c>): behind a TLS-terminating proxy the server sees plain
///     HTTP and would otherwise send the cookie without the flag.
/// </summary>
public static class ProductionSafety
{
    public static bool IsProduction(IHostEnvironment env, IConfiguration config) =>
        env.IsProduction() && !config.GetValue("Demo:SeedOnStart", false);

    /// <summary>The cookie's Secure flag from <c>Auth:SecureCookie</c>; applied to the sign-in cookie in every environment.</summary>
    public static IServiceCollection AddSecureCookieSetting(this IServiceCollection services, IConfiguration config)
    {
        if (config.GetValue("Auth:SecureCookie", false))
            services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>What is unsafe in this configuration, in the operator's words; empty outside production or when all is well.</summary>
    public static async Task<IReadOnlyList<string>> RefusalsAsync(IServiceProvider services, IHostEnvironment env, IConfiguration config, CancellationToken ct = default)
    {
        if (!IsProduction(env, config)) return [];
        var refusals = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
            if (await DemoPasswords.StillOpenAsync(db, ct) is { Count: > 0 } open)
                refusals.Add(HostText.Get("Safety.DemoAccounts", string.Join(", ", open)));
        }
        if (!services.GetRequiredService<SigningPolicy>().KeyFromOutside && !config.GetValue("Signing:AllowDatabaseKeys", false))
            refusals.Add(HostText.Get("Safety.DatabaseKey"));
        var cookie = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        if (cookie.Cookie.SecurePolicy != CookieSecurePolicy.Always)
            refusals.Add(HostText.Get("Safety.InsecureCookie"));
        return refusals;
    }

    /// <summary>Prints the refusals and answers false when the platform must not start.</summary>
    public static async Task<bool> EnsureSafeAsync(WebApplication app)
    {
        var refusals = await RefusalsAsync(app.Services, app.Environment, app.Configuration);
        if (refusals.Count == 0) return true;
        await Console.Error.WriteLineAsync(HostText.Get("Safety.Refused"));
        foreach (var r in refusals) await Console.Error.WriteLineAsync("  - " + r);
        return false;
    }
}

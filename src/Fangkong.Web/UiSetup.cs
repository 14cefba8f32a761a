using System.Globalization;
using Fangkong.Web.Components;
using Fangkong.Web.Components.Pages.Codes;
using Fangkong.Web.Components.Shared;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Fangkong.Web;

/// <summary>Marker for the shared UI strings (Resources/SharedResource.resx: Chinese; .en.resx: English).</summary>
public sealed class SharedResource;

/// <summary>Marker for the testing pages' strings (Resources/TestingText.resx and .en.resx), kept apart from the shared ones.</summary>
public sealed class TestingText;

/// <summary>Marker for the tracing and quarantine pages' strings (Resources/TracingText.resx and .en.resx).</summary>
public sealed class TracingText;

/// <summary>The Blazor UI: static rendering for phone and list pages, interactive server rendering for the gate and the monitor.</summary>
public static class UiSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddFangkongUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        // An interactive circuit reads through its caller's area like a request (ADR 0028).
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Hosting.CircuitConfinement>());
        services.AddMudServices();
        services.AddSingleton<Hosting.PageRoutes>();
        services.AddScoped<Hosting.PageAccess>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese first: a page changes language only by the explicit switch (cookie) or ?culture=, not by the
            // browser's language. An API caller has no switch: it asks with Accept-Language (ADR 0020).
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(http => http.Request.Path.StartsWithSegments("/api")
                    ? acceptLanguage.DetermineProviderCultureResult(http) : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });
        return services;
    }

    public static WebApplication MapFangkongUi(this WebApplication app)
    {
        app.UsePageQueryNumbers();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/culture", (string? c, string? r, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(x => x.Name == c)?.Name ?? "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(ReturnUrls.Local(r) ?? "/");
        }).ExcludeFromDescription();
        app.MapCodeCard();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

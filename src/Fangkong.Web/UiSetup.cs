namespace Fangkong.Web;

/// <summary>The Blazor UI (pages under Components/). Placeholder until the UI lands.</summary>
public static class UiSetup
{
    public static IServiceCollection AddFangkongUi(this IServiceCollection services) => services;

    public static WebApplication MapFangkongUi(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/api/docs")).ExcludeFromDescription();
        return app;
    }
}

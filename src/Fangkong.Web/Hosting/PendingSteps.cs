using Fangkong.Core.Accounts;

namespace Fangkong.Web.Hosting;

/// <summary>
/// A sign-in that owes a step reaches nothing but that step: its cookie holds no role (so every role's page and
/// endpoint refuses), and a page it asks for sends it to the step's page instead. The first-sign-in password and the
/// TOTP enrolment cannot be skipped by typing another address.
/// </summary>
public static class PendingSteps
{
    public static string PageFor(SignInStep step) => step switch
    {
        SignInStep.SetPassword => "/account/password",
        _ => "/account/totp",
    };

    public static void UsePendingSteps(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.User.PendingStep() is { } step && IsOtherPage(http.Request.Path, PageFor(step)))
        {
            http.Response.Redirect(PageFor(step));
            return;
        }
        await next(http);
    });

    // Pages only: the API answers 403 by itself (no role), and the framework's files, the step's own form posts,
    // sign-out and the language switch stay reachable.
    private static bool IsOtherPage(PathString path, string stepPage) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/culture")
        && !path.StartsWithSegments("/login") && !path.StartsWithSegments(stepPage) && !Path.HasExtension(path.Value);
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Fangkong.Web.Api.Accounts;

public sealed record LoginBody(string? UserName, string? Password);
public sealed record Me(long Id, string UserName, string DisplayName, string Role, long? VenueId, long? DeviceId, long? PersonId);

public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", async (LoginBody body, FangkongDb db, SignIns signIns, HttpContext http) =>
        {
            var user = await signIns.VerifyAsync(db, body.UserName, body.Password, http.RequestAborted);
            if (user is null) return Problems.Field(401, "userName", Messages.Get("Accounts.WrongPassword"));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.Principal(user));
            return Results.Ok(ToMe(user));
        }).AllowAnonymous().Produces<Me>(StatusCodes.Status200OK);
        api.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).AllowAnonymous();
        api.MapGet("/me", async (HttpContext http, FangkongDb db, SignIns signIns) =>
            TypedResults.Ok(ToMe(await signIns.GetAsync(db, http.User.UserId(), http.RequestAborted))))
            .RequireAuthorization();

        // Browser form posts from the login page: redirect instead of JSON.
        app.MapPost("/account/login", async (HttpContext http, FangkongDb db, SignIns signIns) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var returnUrl = ReturnUrls.Local(form["returnUrl"].ToString());
            var user = await signIns.VerifyAsync(db, form["userName"], form["password"], http.RequestAborted);
            if (user is null) return Results.Redirect($"/login?error=1&returnUrl={Uri.EscapeDataString(returnUrl ?? "")}");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.Principal(user));
            return Results.LocalRedirect(returnUrl ?? RoleHome.For(user.Role));
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).DisableAntiforgery().ExcludeFromDescription();
    }

    private static Me ToMe(User u) => new(u.Id, u.UserName, u.DisplayName, u.Role, u.VenueId, u.DeviceId, u.PersonId);
}

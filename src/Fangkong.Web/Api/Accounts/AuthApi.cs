using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QRCoder;

namespace Fangkong.Web.Api.Accounts;

public sealed record LoginBody(string? UserName, string? Password, string? Code = null);
/// <param name="Next">A step the sign-in still owes ("SetPassword", "EnrolTotp", "TotpCode"); null when signed in fully.</param>
public sealed record Me(long Id, string UserName, string DisplayName, string Role, long? VenueId, long? DeviceId, long? PersonId,
    IReadOnlyList<string>? Roles = null, string? Next = null);
public sealed record PasswordBody(string? CurrentPassword, string? NewPassword);
public sealed record CodeBody(string? Code);
public sealed record TotpEnrolmentView(string Secret, string Uri, string QrDataUri);
public sealed record RegisterBody(string? Phone, string? Password);
public sealed record BindingBody(string? IdNumber, string? Name);

public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", async (LoginBody body, FangkongDb db, SignIns signIns, CityClock clock, HttpContext http) =>
        {
            var outcome = await signIns.SignInAsync(db, body.UserName, body.Password, body.Code, http.RequestAborted);
            if (outcome.Failure is not null)
            {
                var (status, field, message) = SignInCookies.Refusal(outcome, clock);
                return Problems.Field(status, field, message);
            }
            // An API caller gives the code with the password; without it, it is asked for and nothing is signed in.
            if (outcome.Step == SignInStep.TotpCode) return Problems.Field(401, "code", Messages.Get("Accounts.CodeRequired"));
            await SignInCookies.IssueAsync(http, outcome);
            return Results.Ok(ToMe(outcome));
        }).AllowAnonymous().RequireSameOrigin().RequireRateLimiting(RateLimits.SignIn).Produces<Me>(StatusCodes.Status200OK)
            .WithSummary("Sign in with user name, password and (when enrolled) a TOTP code; the answer's next names a step still owed.");
        api.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).AllowAnonymous().RequireSameOrigin();
        api.MapGet("/me", async (HttpContext http, FangkongDb db, SignIns signIns) =>
        {
            var outcome = await signIns.CurrentAsync(db, http.User.UserId(), http.RequestAborted);
            return outcome.Failure is null ? TypedResults.Ok(ToMe(outcome)) : throw new ForbiddenException(Messages.Get("Accounts.Disabled"));
        }).RequireAuthorization();

        api.MapPost("/password", async (PasswordBody body, FangkongDb db, PasswordChange passwords, SignIns signIns, HttpContext http) =>
        {
            await passwords.ChangeAsync(db, http.User.UserId(), body.CurrentPassword, body.NewPassword, http.RequestAborted);
            return Results.Ok(await ReissueAsync(http, db, signIns));
        }).RequireAuthorization(AuthSetup.SignedIn).Produces<Me>(StatusCodes.Status200OK)
            .WithSummary("Choose a password (at the first sign-in no current password is asked).");
        api.MapPost("/totp/enrolment", async (FangkongDb db, SecondFactor totp, HttpContext http) =>
        {
            MayEnrol(http);
            var e = await totp.StartAsync(db, http.User.UserId(), http.RequestAborted);
            return Results.Ok(new TotpEnrolmentView(e.Secret, e.Uri, QrDataUri(e.Uri)));
        }).RequireAuthorization(AuthSetup.SignedIn).Produces<TotpEnrolmentView>(StatusCodes.Status200OK)
            .WithSummary("Start enrolling an authenticator: the otpauth URI as a QR and the secret as text, shown once.");
        api.MapPost("/totp/enrolment/confirm", async (CodeBody body, FangkongDb db, SecondFactor totp, SignIns signIns, HttpContext http) =>
        {
            MayEnrol(http);
            await totp.ConfirmAsync(db, http.User.UserId(), body.Code, http.RequestAborted);
            return Results.Ok(await ReissueAsync(http, db, signIns));
        }).RequireAuthorization(AuthSetup.SignedIn).RequireRateLimiting(RateLimits.SignIn).Produces<Me>(StatusCodes.Status200OK)
            .WithSummary("Confirm the enrolment with a code from the authenticator.");
        api.MapPost("/totp", async (CodeBody body, FangkongDb db, SignIns signIns, CityClock clock, HttpContext http) =>
        {
            if (http.User.PendingStep() != SignInStep.TotpCode) throw new ForbiddenException(HostText.Get("Api.NoCodeOwed"));
            var outcome = await signIns.CompleteCodeAsync(db, http.User.UserId(), body.Code, http.RequestAborted);
            if (outcome.Failure is not null)
            {
                var (status, field, message) = SignInCookies.Refusal(outcome, clock);
                return Problems.Field(status, field, message);
            }
            await SignInCookies.IssueAsync(http, outcome);
            return Results.Ok(ToMe(outcome));
        }).RequireAuthorization(AuthSetup.SignedIn).RequireRateLimiting(RateLimits.SignIn).Produces<Me>(StatusCodes.Status200OK)
            .WithSummary("Give the TOTP code a pending sign-in owes.");

        api.MapPost("/register", async (RegisterBody body, FangkongDb db, ResidentAccounts residents, SignIns signIns, HttpContext http) =>
        {
            var user = await residents.RegisterAsync(db, body.Phone, body.Password, http.RequestAborted);
            var outcome = await signIns.CurrentAsync(db, user.Id, http.RequestAborted);
            await SignInCookies.IssueAsync(http, outcome);
            return Results.Ok(ToMe(outcome));
        }).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).Produces<Me>(StatusCodes.Status200OK)
            .WithSummary("A resident registers with a mobile number and a password, and is signed in.");
        api.MapPost("/binding", async (BindingBody body, FangkongDb db, ResidentAccounts residents, SignIns signIns, HttpContext http) =>
        {
            await residents.BindIdentityAsync(db, http.User.UserId(), body.IdNumber, body.Name, http.RequestAborted);
            return Results.Ok(await ReissueAsync(http, db, signIns));
        }).RequireAuthorization(AuthSetup.ResidentOnly).RequireRateLimiting(RateLimits.SignIn).Produces<Me>(StatusCodes.Status200OK)
            .WithSummary("A resident binds the account to their identity (ID number and name of a registered person), once.");

        // Browser form posts from the login page: redirect instead of JSON.
        app.MapPost("/account/login", async (HttpContext http, FangkongDb db, SignIns signIns) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var returnUrl = ReturnUrls.Local(form["returnUrl"].ToString());
            var outcome = await signIns.SignInAsync(db, form["userName"], form["password"], null, http.RequestAborted);
            if (outcome.Failure is { } failure)
            {
                var error = failure switch { SignInFailure.Locked => "locked", SignInFailure.Disabled => "disabled", _ => "1" };
                return Results.Redirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl ?? "")}");
            }
            await SignInCookies.IssueAsync(http, outcome);
            return outcome.Step == SignInStep.Done
                ? Results.LocalRedirect(returnUrl ?? RoleHome.For(outcome.User!.Role))
                : Results.LocalRedirect(PendingSteps.PageFor(outcome.Step));
        }).AllowAnonymous().RequireSameOrigin().RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).RequireSameOrigin().DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>After a step: the cookie the account now earns (the next step, or every role).</summary>
    public static async Task<Me> ReissueAsync(HttpContext http, FangkongDb db, SignIns signIns)
    {
        var outcome = await signIns.CurrentAsync(db, http.User.UserId(), http.RequestAborted);
        if (outcome.Failure is not null) throw new ForbiddenException(Messages.Get("Accounts.Disabled"));
        await SignInCookies.IssueAsync(http, outcome);
        return ToMe(outcome);
    }

    /// <summary>Enrolment is for an account fully signed in or owing it; one owing a code must give that code first.</summary>
    private static void MayEnrol(HttpContext http)
    {
        if (http.User.PendingStep() is { } step && step != SignInStep.EnrolTotp) throw new ForbiddenException(HostText.Get("Api.EnrolNotNow"));
    }

    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    private static Me ToMe(SignInOutcome o)
    {
        var u = o.User!;
        return new(u.Id, u.UserName, u.DisplayName, u.Role, u.VenueId, u.DeviceId, u.PersonId, o.Roles, o.Step == SignInStep.Done ? null : o.Step.ToString());
    }
}

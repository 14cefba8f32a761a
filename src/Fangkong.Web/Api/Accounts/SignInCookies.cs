using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Fangkong.Web.Api.Accounts;

/// <summary>Turns a sign-in's outcome into the cookie it earns: every role when done, a pending step otherwise.</summary>
public static class SignInCookies
{
    public static async Task IssueAsync(HttpContext http, SignInOutcome outcome)
    {
        var user = outcome.User!;
        var principal = outcome.Step == SignInStep.Done ? AuthSetup.Principal(user, outcome.Roles) : AuthSetup.Pending(user, outcome.Step);
        // What the cookie was issued for; each request checks it against the account as stored (ADR 0023).
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(AccountStamps.Claim,
            AccountStamps.Of(user, outcome.Roles)));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }

    /// <summary>Why a sign-in failed, for the person signing in: one sentence per failure (a wrong name reads as a wrong password).</summary>
    public static (int Status, string Field, string Message) Refusal(SignInOutcome outcome, CityClock clock) => outcome.Failure switch
    {
        SignInFailure.Locked => (403, "userName", Messages.Get("Accounts.Locked",
            clock.ToLocal(outcome.LockedUntilUtc!.Value).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))),
        SignInFailure.Disabled => (403, "userName", Messages.Get("Accounts.Disabled")),
        SignInFailure.WrongCode => (401, "code", Messages.Get("Accounts.WrongCode")),
        _ => (401, "userName", Messages.Get("Accounts.WrongPassword")),
    };
}

using System.Security.Claims;
using Fangkong.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Hosting;

/// <summary>Cookie sign-in for people and devices alike; API callers get 401/403 ProblemDetails, never a redirect.</summary>
public static class AuthSetup
{
    public const string VenueClaim = "fk:venue";
    public const string DeviceClaim = "fk:device";
    public const string PersonClaim = "fk:person";
    /// <summary>
    /// A sign-in that still owes a step (<see cref="SignInStep"/>: a TOTP code, a password, an enrolment): the cookie
    /// carries no role, so no role's page or endpoint opens, and <see cref="PendingSteps"/> sends pages to the step.
    /// </summary>
    public const string PendingClaim = "fk:pending";

    /// <summary>Endpoints of a pending sign-in's own step (set the password, enrol, give the code): signed in, any step.</summary>
    public const string SignedIn = "signed-in";

    // Least privilege: each policy names exactly the roles that need it.
    public const string Gate = "gate";
    public const string VenueStaff = "venue-staff";
    /// <summary>Who downloads a venue's code poster: its manager (their own venue) and administrators (ADR 0038).</summary>
    public const string VenueCodes = "venue-codes";
    public const string Tracing = "tracing";
    public const string Admin = "admin";
    public const string ResidentOnly = "resident";
    public const string Staff = "staff";
    public const string TestingView = "testing-view";
    public const string TestingStaff = "testing-staff";
    public const string Sampling = "sampling";
    public const string Lab = "lab";
    public const string DoorWork = "door-work";
    public const string QuarantineWork = "quarantine-work";
    /// <summary>The dashboard: the command center, epidemiologists and administrators (click-through needs <see cref="Tracing"/>).</summary>
    public const string CommandView = "command-view";
    /// <summary>The community's records, each caller within their area (Core's CommunityScope): grid workers, community officers, epidemiologists, administrators.</summary>
    public const string Community = "community";
    /// <summary>Recording screenings, raising problems, registering special groups: the community's workers and administrators.</summary>
    public const string CommunityWork = "community-work";
    /// <summary>Answering problems and ending registrations: community officers and administrators.</summary>
    public const string CommunityOffice = "community-office";
    /// <summary>An employer asking for a bulk unlock of their staff's codes: a venue's manager (ADR 0027).</summary>
    public const string Employer = "employer";
    /// <summary>Bulk unlock requests: the employer's own, every one for epidemiologists and administrators.</summary>
    public const string BulkUnlocks = "bulk-unlocks";
    /// <summary>Filing citizens' requests (the caller lookup, entry, platforms' API and files): hotline operators and administrators (issue 20).</summary>
    public const string TicketFiling = "ticket-filing";
    /// <summary>Reading the ticket queue and a ticket: who files them and who answers them, each within their area.</summary>
    public const string Tickets = "tickets";
    /// <summary>Acting on tickets (assign, handle, resolve, escalate, transport): the responsible units' officers, each within their area.</summary>
    public const string TicketWork = "ticket-work";

    public static IServiceCollection AddFangkongAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "fangkong";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, 401);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, 403);
            o.Events.OnValidatePrincipal = ValidateStampAsync;
        });
        services.AddAuthorizationBuilder()
            // Signed in and owing no step: what a bare [Authorize] or RequireAuthorization() means.
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => !c.User.HasClaim(x => x.Type == PendingClaim)).Build())
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Gate, p => p.RequireRole(Roles.GateOperator))
            .AddPolicy(VenueStaff, p => p.RequireRole(Roles.GateOperator, Roles.VenueManager, Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(VenueCodes, p => p.RequireRole(Roles.VenueManager, Roles.Administrator))
            .AddPolicy(Tracing, p => p.RequireRole(Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(ResidentOnly, p => p.RequireRole(Roles.Resident))
            .AddPolicy(Staff, p => p.RequireRole(Roles.GateOperator, Roles.VenueManager, Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(TestingView, p => p.RequireRole(Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(TestingStaff, p => p.RequireRole(Roles.Epidemiologist, Roles.Administrator, Roles.Sampler, Roles.LabTechnician))
            .AddPolicy(Sampling, p => p.RequireRole(Roles.Sampler))
            .AddPolicy(Lab, p => p.RequireRole(Roles.LabTechnician))
            .AddPolicy(DoorWork, p => p.RequireRole(Roles.Sampler, Roles.Administrator))
            .AddPolicy(QuarantineWork, p => p.RequireRole(Roles.Sampler, Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(CommandView, p => p.RequireRole(Roles.Commander, Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(Community, p => p.RequireRole(Roles.GridWorker, Roles.CommunityOfficer, Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(CommunityWork, p => p.RequireRole(Roles.GridWorker, Roles.CommunityOfficer, Roles.Administrator))
            .AddPolicy(CommunityOffice, p => p.RequireRole(Roles.CommunityOfficer, Roles.Administrator))
            .AddPolicy(Employer, p => p.RequireRole(Roles.VenueManager))
            .AddPolicy(BulkUnlocks, p => p.RequireRole(Roles.VenueManager, Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(TicketFiling, p => p.RequireRole(Roles.HotlineOperator, Roles.Administrator))
            .AddPolicy(Tickets, p => p.RequireRole(Roles.HotlineOperator, Roles.CommunityOfficer, Roles.GridWorker, Roles.Epidemiologist, Roles.Administrator))
            .AddPolicy(TicketWork, p => p.RequireRole(Roles.CommunityOfficer, Roles.GridWorker, Roles.Epidemiologist, Roles.Administrator));
        return services;
    }

    /// <summary>
    /// A cookie holds while the account is as it was when the cookie was issued (ADR 0023): disabled, reset, a role or
    /// venue changed — the cookie is refused and removed at its next request, which then runs signed out (401 or the
    /// sign-in page). The stamp is cached briefly (<see cref="AccountStamps"/>): on the gate's hot path a hit is a
    /// dictionary read and a string comparison, no store.
    /// </summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext ctx)
    {
        var user = ctx.Principal;
        if (user?.Identity?.IsAuthenticated != true) return;
        var http = ctx.HttpContext;
        var stamps = http.RequestServices.GetRequiredService<AccountStamps>();
        var current = long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id)
            && await stamps.IsCurrentAsync(() => http.RequestServices.GetRequiredService<Core.Data.FangkongDb>(), id, user.FindFirstValue(AccountStamps.Claim), http.RequestAborted);
        if (current) return;
        ctx.RejectPrincipal();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static Task ApiAwareRedirect(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = status;
            return Results.Problem(statusCode: status,
                title: status == 401 ? HostText.Get("Api.SignInRequired") : HostText.Get("Api.Forbidden"),
                detail: status == 401 ? HostText.Get("Api.SignInFirst") : HostText.Get("Api.RoleMayNot")).ExecuteAsync(http);
        }
        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A full sign-in: every role the account holds (the primary one first), its venue, device and person.</summary>
    public static ClaimsPrincipal Principal(User u, IReadOnlyList<string>? roles = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, u.UserName),
            new(ClaimTypes.GivenName, u.DisplayName),
        };
        claims.AddRange((roles ?? [u.Role]).Select(r => new Claim(ClaimTypes.Role, r)));
        if (u.VenueId is { } v) claims.Add(new Claim(VenueClaim, v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (u.DeviceId is { } d) claims.Add(new Claim(DeviceClaim, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (u.PersonId is { } p) claims.Add(new Claim(PersonClaim, p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>A sign-in that owes <paramref name="step"/>: who it is, and nothing it may do yet.</summary>
    public static ClaimsPrincipal Pending(User u, SignInStep step) => new(new ClaimsIdentity(
    [
        new(ClaimTypes.NameIdentifier, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(ClaimTypes.Name, u.UserName),
        new(ClaimTypes.GivenName, u.DisplayName),
        new(PendingClaim, step.ToString()),
    ], CookieAuthenticationDefaults.AuthenticationScheme));
}

public static class ClaimsExtensions
{
    public static long UserId(this ClaimsPrincipal u) => long.Parse(u.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
    public static string UserName(this ClaimsPrincipal u) => u.Identity?.Name ?? "";
    public static long? VenueId(this ClaimsPrincipal u) => Long(u, AuthSetup.VenueClaim);
    public static long? DeviceId(this ClaimsPrincipal u) => Long(u, AuthSetup.DeviceClaim);
    public static long? PersonId(this ClaimsPrincipal u) => Long(u, AuthSetup.PersonClaim);
    /// <summary>The step a pending sign-in owes, or null when signed in fully (or not at all).</summary>
    public static SignInStep? PendingStep(this ClaimsPrincipal u) =>
        Enum.TryParse<SignInStep>(u.FindFirstValue(AuthSetup.PendingClaim), out var s) ? s : null;

    /// <summary>Gate operators and venue managers may only see their own venue; tracing roles see all.</summary>
    public static bool MaySeeVenue(this ClaimsPrincipal u, long venueId) =>
        u.IsInRole(Roles.Epidemiologist) || u.IsInRole(Roles.Administrator) || u.VenueId() == venueId;

    private static long? Long(ClaimsPrincipal u, string type) =>
        long.TryParse(u.FindFirstValue(type), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}

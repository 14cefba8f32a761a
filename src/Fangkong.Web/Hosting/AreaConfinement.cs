using Fangkong.Core.Accounts;
using Fangkong.Core.Data;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Confines the request's store context to the caller's area before any page or endpoint runs (ADR 0028), so every read
/// of persons and what is recorded about them passes the area filter. The area is read from the store on each request.
/// </summary>
public static class AreaConfinement
{
    /// <summary>The roles that read lists of persons or figures counted from them; the others' use cases are their own place's.</summary>
    private static readonly HashSet<string> ListReaders =
        [Roles.Epidemiologist, Roles.Administrator, Roles.Commander, Roles.GridWorker, Roles.CommunityOfficer, Roles.HotlineOperator, Roles.Inspector, Roles.Supervisor];

    /// <summary>Whether this caller's reads are confined to their area (the roles that read lists; the others' reach is their place).</summary>
    public static bool Confines(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && ListReaders.Any(user.IsInRole);

    public static IApplicationBuilder UseAreaConfinement(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Confines(http.User))
        {
            var db = http.RequestServices.GetRequiredService<FangkongDb>();
            await Jurisdictions.ConfineAsync(db, http.User.UserId(), http.RequestAborted);
        }
        await next(http);
    });
}

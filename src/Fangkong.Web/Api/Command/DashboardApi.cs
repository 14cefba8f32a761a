using Fangkong.Core.Command;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Command;
using Fangkong.Web.Charts;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Api.Command;

/// <summary>The command center's dashboard: one snapshot of every figure (with its line-list filter) and its charts as SVG.</summary>
public static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dashboard").WithTags("Dashboard").WithProblems().RequireAuthorization(AuthSetup.CommandView);

        api.MapGet("/", async (string? level, string? area, bool? fresh, FangkongDb db, DashboardCache cache, IAuthorizationService auth, HttpContext http) =>
            TypedResults.Ok(await SnapshotAsync(level, area, fresh, db, cache, auth, http)))
            .WithSummary("Every figure of the dashboard for an area (default: the city, or the province when the store holds several cities), " +
                "as of the last refresh (at most ten seconds old). fresh=true rebuilds it now (epidemiologists and administrators). " +
                "Each figure names the line list and filter behind it.");

        api.MapGet("/charts/{name}.svg", async (string name, string? level, string? area, bool? english, FangkongDb db, DashboardCache cache, IAuthorizationService auth, HttpContext http) =>
        {
            var snapshot = await SnapshotAsync(level, area, false, db, cache, auth, http);
            var svg = DashboardCharts.Render(name, snapshot, english == true, links: false)
                ?? throw new NotFoundException("name", Messages.Get("Command.NoSuchChart", name, string.Join(", ", DashboardCharts.Names)));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"{name}-{snapshot.Today:yyyyMMdd}.svg");
        }).Produces<Stream>(StatusCodes.Status200OK, "image/svg+xml").WithSummary("A dashboard chart as an SVG image: trend, curve-onset, curve-report or isolation.");
    }

    private static async Task<DashboardSnapshot> SnapshotAsync(string? levelText, string? area, bool? fresh, FangkongDb db, DashboardCache cache, IAuthorizationService auth, HttpContext http)
    {
        BulletinLevel? level = null;
        if (!string.IsNullOrWhiteSpace(levelText))
            level = Enum.TryParse<BulletinLevel>(levelText, ignoreCase: true, out var l) && Enum.IsDefined(l) ? l
                : throw new InputException("level", Messages.Get("Command.Level"));
        if (level is not null && string.IsNullOrWhiteSpace(area)) throw new InputException("area", Messages.Get("Command.AreaWithLevel"));
        // A rebuild on demand costs a full build: only those who work the lists may ask for one.
        var rebuild = fresh == true && (await auth.AuthorizeAsync(http.User, AuthSetup.Tracing)).Succeeded;
        // The request's context carries the caller's area (AreaConfinement): a district's caller sees their district's figures.
        return await cache.GetAsync(db.Area, level, area, rebuild, http.RequestAborted);
    }
}

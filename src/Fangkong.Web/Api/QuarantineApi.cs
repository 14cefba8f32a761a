using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Web.Accounts;

namespace Fangkong.Web.Api;

/// <summary>Centralized quarantine sites and their occupancy (placing contacts is under /api/cases).</summary>
public static class QuarantineApi
{
    public static void MapQuarantineApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/quarantine").WithTags("Quarantine").WithProblems();

        api.MapPost("/sites", async (NewSite body, FangkongDb db, QuarantineSites sites, HttpContext http) =>
        {
            var site = await sites.CreateAsync(db, body, http.RequestAborted);
            return Results.Created($"/api/quarantine/sites/{site.Id}", (await QuarantineSites.ListAsync(db, site.Name, 1, 100, http.RequestAborted)).Items.First(s => s.Id == site.Id));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Add a centralized quarantine site with its rooms and beds.");

        api.MapGet("/sites", async (string? q, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            Results.Ok(await QuarantineSites.ListAsync(db, q, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Sites with rooms, beds, occupied rooms and persons in quarantine now.");
    }
}

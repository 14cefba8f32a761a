using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Testing;

public sealed record FromMissingBody(long? CompoundId, long? BuildingId);
public sealed record AssignBody(IReadOnlyList<long>? TaskIds, string? Team);
public sealed record DoorTasksAdded(int Added);
public sealed record DoorTasksAssigned(int Assigned);

/// <summary>Rounds, their sites and waves, and their progress: coverage, the missing, turnaround, stuck tubes, efficiency.</summary>
public static class TestingApi
{
    public static void MapTestingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/testing").WithTags("Testing").WithProblems();

        api.MapPost("/rounds", async (RoundRequest body, FangkongDb db, RoundPlanner planner, RoundViews rounds, HttpContext http) =>
        {
            var round = await planner.CreateAsync(db, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/testing/rounds/{round.Id}", await rounds.ViewAsync(db, round, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Admin)
          .WithSummary("Create a round over an area: roster, sites per community, waves by building unit; shows whether the plan meets the deadline.");

        api.MapGet("/rounds", async (RoundStatus? status, int? page, int? pageSize, FangkongDb db, RoundViews rounds, HttpContext http) =>
        {
            var list = await rounds.ListAsync(db, status, page, pageSize, http.RequestAborted);
            return TypedResults.Ok(new Page<RoundView>(list.Items.Select(r => r.Round).ToList(), list.PageNumber, list.PageSize, list.Total));
        }).RequireAuthorization(AuthSetup.TestingStaff).WithSummary("Rounds, newest first.");

        api.MapGet("/rounds/{id:long}", async (long id, FangkongDb db, RoundViews rounds, HttpContext http) =>
            TypedResults.Ok((await rounds.GetAsync(db, id, http.RequestAborted)).Round))
            .RequireAuthorization(AuthSetup.TestingStaff).WithSummary("A round with its plan's finish against the deadline.");

        api.MapPost("/rounds/{id:long}/open", async (long id, FangkongDb db, RoundPlanner planner, RoundViews rounds, HttpContext http) =>
            TypedResults.Ok(await rounds.ViewAsync(db, await planner.OpenAsync(db, id, http.RequestAborted), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Start sampling.");

        api.MapPost("/rounds/{id:long}/close", async (long id, FangkongDb db, RoundClosing closing, RoundViews rounds, HttpContext http) =>
            TypedResults.Ok(await rounds.ViewAsync(db, await closing.CloseAsync(db, id, http.RequestAborted), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Close the round: residents with no swab are flagged missed (yellow per policy).");

        api.MapGet("/rounds/{id:long}/sites", async (long id, string? q, int? page, int? pageSize, FangkongDb db, RoundViews rounds, HttpContext http) =>
        {
            await rounds.EnsureExistsAsync(db, id, http.RequestAborted);
            return TypedResults.Ok(await SiteListing.ListAsync(db, id, q, page, pageSize, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.TestingStaff).WithSummary("Sampling sites with tables, residents and their first and last waves.");

        api.MapPost("/sites/{id:long}", async (long id, SiteChange body, FangkongDb db, RoundPlanner planner, RoundViews rounds, HttpContext http) =>
        {
            var site = await planner.ChangeSiteAsync(db, id, body, http.RequestAborted);
            return TypedResults.Ok((await rounds.GetAsync(db, site.RoundId, http.RequestAborted)).Round);
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Change a site's tables or rate; the waves are re-planned and the round shows the new finish.");

        api.MapGet("/rounds/{id:long}/coverage", async (long id, CoverageLevel? level, string? parent, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await Coverage.ByPlaceAsync(db, id, level ?? CoverageLevel.District, parent, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TestingView).WithSummary("Residents, sampled, results out and missed by district, community, compound or building.");

        api.MapGet("/rounds/{id:long}/missing", async (long id, long? compoundId, long? buildingId, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await Coverage.MissingAsync(db, id, compoundId, buildingId, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TestingView).WithSummary("Residents of a compound or building not yet sampled (masked).");

        api.MapGet("/rounds/{id:long}/turnaround", async (long id, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await RoundQuality.TurnaroundAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TestingView).WithSummary("Sampling → lab receipt → result times as distributions against 24 hours.");

        api.MapGet("/rounds/{id:long}/stuck-tubes", async (long id, int? page, int? pageSize, FangkongDb db, RoundQuality quality, HttpContext http) =>
            TypedResults.Ok(await quality.StuckAsync(db, id, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TestingStaff).WithSummary("Tubes waiting too long at a step of the chain, oldest first.");

        api.MapGet("/rounds/{id:long}/efficiency", async (long id, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await RoundQuality.EfficiencyAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TestingView).WithSummary("Tubes and tests used against persons sampled, beside Dorfman's expectation.");

        api.MapGet("/rounds/{id:long}/door-tasks", async (long id, long? compoundId, string? team, bool? done, int? page, int? pageSize,
            FangkongDb db, DoorTasks tasks, HttpContext http) =>
            TypedResults.Ok(await tasks.ListAsync(db, id, new DoorTaskFilter(compoundId, team, done, page, pageSize), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.DoorWork).WithSummary("Door-to-door tasks (敲门行动) with household members (masked) and progress.");

        api.MapPost("/rounds/{id:long}/door-tasks/from-missing", async (long id, FromMissingBody body, FangkongDb db, DoorTasks tasks, HttpContext http) =>
            TypedResults.Ok(new DoorTasksAdded(await tasks.FromMissingAsync(db, id, body.CompoundId, body.BuildingId, http.RequestAborted))))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Turn the not-yet-sampled households of a compound or building into door-to-door tasks.");

        api.MapPost("/rounds/{id:long}/door-tasks/assign", async (long id, AssignBody body, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(new DoorTasksAssigned(await DoorTasks.AssignAsync(db, id, body.TaskIds, body.Team, http.RequestAborted))))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Assign door-to-door tasks to a team.");

        api.MapGet("/rounds/{id:long}/resample-tasks", async (long id, bool? done, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await ResampleListing.ListAsync(db, id, done, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.DoorWork).WithSummary("Members of positive pools to re-sample in single tubes (masked).");
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Community;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Community;

/// <summary>
/// Grids and ten-household units, door-to-door screening, problems raised to the community, and the special-groups
/// register. Each call resolves the caller's area in Core (<see cref="CommunityScope"/>): a grid worker's grid, a
/// community officer's community, everything for epidemiologists and administrators.
/// </summary>
public static class CommunityApi
{
    public static void MapCommunityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/community").WithTags("Community").WithProblems();

        api.MapGet("/me", async (FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await CommunityScope.DescribeAsync(db, await ScopeAsync(db, http), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community).WithSummary("The caller's area: their grid (grid worker), community (officer), or the whole city.");

        api.MapGet("/grids", async (long? communityId, DateOnly? since, int? page, int? pageSize, FangkongDb db, GridViews views, HttpContext http) =>
            TypedResults.Ok(await views.GridsAsync(db, await ScopeAsync(db, http), communityId, since, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community)
            .WithSummary("Grids in the caller's area with screening progress since a day (default: the last 7 days): households, screened, to revisit, away, returned, special groups, open and unread problems.");

        api.MapGet("/grids/{id:long}/households", async (long id, bool? todo, bool? special, bool? quarantine, DateOnly? since, int? page, int? pageSize,
            FangkongDb db, GridViews views, HttpContext http) =>
            TypedResults.Ok(await views.HouseholdsAsync(db, await ScopeAsync(db, http), id, new HouseholdFilter(todo, special, quarantine, page, pageSize), since, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community)
            .WithSummary("A grid's households in address order with members (masked), who is away, returned, in quarantine or sealed in; todo=true: not screened since the day. Audited.");

        api.MapGet("/households/{id:long}", async (long id, FangkongDb db, GridViews views, HttpContext http) =>
            TypedResults.Ok(await views.HouseholdAsync(db, await ScopeAsync(db, http), id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community).WithSummary("A household with its members, screening visits and problems. Each member's read is audited.");

        api.MapPost("/households/{id:long}/screenings", async (long id, ScreeningRequest body, FangkongDb db, Screenings screenings, HttpContext http) =>
            TypedResults.Ok(await screenings.RecordAsync(db, await ScopeAsync(db, http), id, body, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommunityWork)
            .WithSummary("Record a door-to-door screening visit (敲门行动): the outcome and, per member, present or away (where, since), returned from where and when, needs noticed.");

        api.MapGet("/problems", async (ProblemState? state, long? gridId, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await RaisedProblems.ListAsync(db, await ScopeAsync(db, http), new ProblemFilter(state, gridId, page, pageSize), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community).WithSummary("Problems in the caller's area, open ones first, with the count not yet opened by the community.");

        api.MapPost("/problems", async (ProblemRequest body, FangkongDb db, RaisedProblems problems, HttpContext http) =>
        {
            var problem = await problems.RaiseAsync(db, await ScopeAsync(db, http), body, http.RequestAborted);
            return TypedResults.Created($"/api/community/problems/{problem.Id}", problem);
        }).RequireAuthorization(AuthSetup.CommunityWork).WithSummary("Raise a problem (category, text, household): it reaches the community's officers at once.");

        api.MapGet("/problems/{id:long}", async (long id, FangkongDb db, RaisedProblems problems, HttpContext http) =>
            TypedResults.Ok(await problems.OpenAsync(db, await ScopeAsync(db, http), id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community).WithSummary("One problem; an officer of its community opening it marks it read.");

        api.MapPost("/problems/{id:long}/answer", async (long id, ProblemAnswer body, FangkongDb db, RaisedProblems problems, HttpContext http) =>
            TypedResults.Ok(await problems.AnswerAsync(db, await ScopeAsync(db, http), id, body, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommunityOffice).WithSummary("Answer a problem, and close it with close=true; a closed problem is refused (409 ProblemClosed).");

        api.MapGet("/special-groups", async (SpecialGroup? group, long? communityId, long? gridId, string? q, long? after, int? size,
            FangkongDb db, SpecialGroupRegister register, HttpContext http) =>
        {
            OnlyRegisterFields(http, "after", "size");
            return TypedResults.Ok(await register.PageAsync(db, await ScopeAsync(db, http), new SpecialGroupFilter(group, communityId, gridId, q), after, size, http.RequestAborted));
        })
            .RequireAuthorization(AuthSetup.Community)
            .WithSummary("The special-groups register in the caller's area, newest first, continued by key (after=); filter by group, community, grid, name/ID/phone. Audited.");

        api.MapGet("/special-groups.{format}", async (string format, SpecialGroup? group, long? communityId, long? gridId, string? q,
            FangkongDb db, SpecialGroupRegister register, HttpContext http) =>
        {
            OnlyRegisterFields(http);
            var (name, type, content) = await register.ExportAsync(db, await ScopeAsync(db, http), new SpecialGroupFilter(group, communityId, gridId, q), format, http.RequestAborted);
            return Results.File(content, type, name);
        }).RequireAuthorization(AuthSetup.Community)
          .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .WithSummary("The register in the caller's area as csv or xlsx (masked, audited), under the same filters as the list.");

        api.MapPost("/special-groups", async (SpecialGroupRequest body, FangkongDb db, SpecialGroupRegister register, HttpContext http) =>
        {
            var member = await register.RegisterAsync(db, await ScopeAsync(db, http), body, http.RequestAborted);
            return TypedResults.Created($"/api/community/special-groups/{member.Id}", member);
        }).RequireAuthorization(AuthSetup.CommunityWork)
          .WithSummary("Register a person (by id or document number) in a special group with the worker responsible (一人一策); bedridden and disabled persons are then sampled at home.");

        api.MapPost("/special-groups/{id:long}/end", async (long id, FangkongDb db, SpecialGroupRegister register, HttpContext http) =>
        {
            await register.EndAsync(db, await ScopeAsync(db, http), id, http.RequestAborted);
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthSetup.CommunityOffice).WithSummary("End a registration (the row stays as the record).");
    }

    /// <summary>
    /// The register's query names only its filter's fields (and the paging's): the binder ignores one it does not know,
    /// so a misspelt filter (grup=Bedridden) would list or export the whole register, as the line lists refuse too.
    /// </summary>
    private static void OnlyRegisterFields(HttpContext http, params string[] paging) =>
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(["culture", "ui-culture"], StringComparer.OrdinalIgnoreCase),
            [.. FilterFields.Of(typeof(SpecialGroupFilter)), .. paging]);

    private static Task<CommunityScope> ScopeAsync(FangkongDb db, HttpContext http) => CommunityScope.ForAsync(db, http.User.UserId(), http.RequestAborted);
}

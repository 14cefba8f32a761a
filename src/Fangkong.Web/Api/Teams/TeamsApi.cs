using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Teams;
using Fangkong.Domain.Teams;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Teams;

/// <summary>Teams deployed by the command: members, leader, duty roster, output counted from what members did, deployment by area.</summary>
public static class TeamsApi
{
    public static void MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/teams").WithTags("Teams").WithProblems();

        api.MapPost("", async (NewTeam body, FangkongDb db, TeamRegistry teams, HttpContext http) =>
        {
            var t = await teams.CreateAsync(db, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/teams/{t.Id}", t);
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Deploy a team: name, kind, the role its members work in, its district and optionally a community, where it comes from.");

        api.MapGet("", async (string? q, TeamKind? kind, string? district, bool? disbanded, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await TeamRegistry.ListAsync(db, new TeamFilter(q, kind, district, disbanded, page, pageSize), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommandView).WithSummary("Teams by name, kind, district; deployed ones first, with members now and the leader.");

        api.MapGet("/deployment", async (string? district, int? days, FangkongDb db, TeamDeployment deployment, HttpContext http) =>
            TypedResults.Ok(await deployment.GetAsync(db, district, days, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommandView).WithSummary("Teams deployed by district and kind (teams, members, on duty now, today's and yesterday's output) and every team's output per day.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await TeamRegistry.GetAsync(db, id, http.RequestAborted) ?? throw new NotFoundException("id", Messages.Get("Teams.NoSuchTeam"))))
            .RequireAuthorization(AuthSetup.CommandView).WithSummary("One team with its members, past and present.");

        api.MapPost("/{id:long}/members", async (long id, TeamMembersRequest body, FangkongDb db, TeamRegistry teams, HttpContext http) =>
            TypedResults.Ok(await teams.AddMembersAsync(db, id, body, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Add accounts by user name, all or none; an account is in one team at a time.");

        api.MapDelete("/{id:long}/members/{userId:long}", async (long id, long userId, FangkongDb db, TeamRegistry teams, HttpContext http) =>
            TypedResults.Ok(await teams.RemoveMemberAsync(db, id, userId, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("A member leaves the team; their shifts after today are taken off the roster.");

        api.MapPost("/{id:long}/leader", async (long id, TeamLeaderRequest body, FangkongDb db, TeamRegistry teams, HttpContext http) =>
            TypedResults.Ok(await teams.SetLeaderAsync(db, id, body, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Make a current member the team's leader.");

        api.MapPost("/{id:long}/disband", async (long id, FangkongDb db, TeamRegistry teams, HttpContext http) =>
            TypedResults.Ok(await teams.DisbandAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Send the team home: every member leaves now and the roster after today is cleared.");

        api.MapGet("/{id:long}/shifts", async (long id, DateOnly? from, DateOnly? to, FangkongDb db, DutyRoster roster, HttpContext http) =>
            TypedResults.Ok(await roster.ListAsync(db, id, from, to, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommandView).WithSummary("The team's duty roster from one day to another (a week from today by default).");

        api.MapPost("/{id:long}/shifts", async (long id, NewShifts body, FangkongDb db, DutyRoster roster, HttpContext http) =>
            TypedResults.Ok(await roster.AddAsync(db, id, body, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Put members (none given: every member) on a shift each day from one day to another; a night shift ends before it starts.");

        api.MapDelete("/{id:long}/shifts/{shiftId:long}", async (long id, long shiftId, FangkongDb db, DutyRoster roster, HttpContext http) =>
        {
            await roster.RemoveAsync(db, id, shiftId, http.RequestAborted);
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Take one shift off the roster.");

        api.MapGet("/{id:long}/output", async (long id, DateOnly? from, DateOnly? to, FangkongDb db, TeamOutput output, HttpContext http) =>
            TypedResults.Ok(await output.ForTeamAsync(db, id, from, to, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommandView).WithSummary("The team's output per day and per member, counted from the records its members wrote while members (the last 7 days by default).");
    }
}

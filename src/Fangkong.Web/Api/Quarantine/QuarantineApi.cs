using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Domain.Common;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Quarantine;

/// <summary>Centralized quarantine sites and their occupancy (placing contacts is under /api/cases).</summary>
public static class QuarantineApi
{
    public static void MapQuarantineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/quarantine").WithTags("Quarantine").WithProblems();

        api.MapPost("/sites", async (NewSite body, FangkongDb db, QuarantineSites sites, HttpContext http) =>
        {
            var site = await sites.CreateAsync(db, body, http.RequestAborted);
            return TypedResults.Created($"/api/quarantine/sites/{site.Id}", (await QuarantineSites.ListAsync(db, site.Name, 1, 100, http.RequestAborted)).Items.First(s => s.Id == site.Id));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Add a centralized quarantine site with its rooms and beds.");

        api.MapGet("/sites", async (string? q, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await QuarantineSites.ListAsync(db, q, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Sites with rooms, beds, occupied rooms and persons in quarantine now.");

        api.MapPost("/stays/{id:long}/check-in", async (long id, CheckInRequest body, FangkongDb db, CheckIns checkIns, HttpContext http) =>
            TypedResults.Ok(await checkIns.SubmitAsync(db, id, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Staff record today's temperature and symptoms for a person in quarantine (replaces today's earlier one).");

        api.MapGet("/alerts", async (long? siteId, FangkongDb db, CheckIns checkIns, HttpContext http) =>
            TypedResults.Ok(await checkIns.AlertsAsync(db, siteId, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Today's alerts: fever, symptoms, and (from 20:00) no check-in; fevers first.");

        api.MapGet("/tests", async (DateOnly? date, long? siteId, bool? home, bool? overdue, bool? done, int? page, int? pageSize,
            FangkongDb db, Fangkong.Core.Common.CityClock clock, HttpContext http) =>
            TypedResults.Ok(await QuarantineTesting.DueAsync(db, date ?? DateOnly.FromDateTime(clock.LocalNow), siteId, home == true, overdue == true, done,
                page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.QuarantineWork)
            .WithSummary("The day's scheduled quarantine tests (single tubes in the standing quarantine round), per site or home visits; overdue=true adds earlier unsampled ones.");

        api.MapGet("/transfers", async (TransferState? state, long? siteId, DateOnly? due, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await Transfers.ListAsync(db, state, siteId, due, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Transfers (转运) by state, site and due day (due=D: due on or before D); open ones first.");

        foreach (var (step, state) in new[] { ("dispatch", TransferState.Dispatched), ("arrive", TransferState.Arrived), ("cancel", TransferState.Cancelled) })
            api.MapPost($"/transfers/{{id:long}}/{step}", async (long id, TransferStep body, FangkongDb db, Transfers transfers, HttpContext http) =>
                TypedResults.Ok(await transfers.StepAsync(db, id, state, body, http.RequestAborted)))
                .RequireAuthorization(AuthSetup.Tracing).WithSummary($"Move a transfer to {state} (dispatch needs the vehicle); a step already taken answers as it is.");

        api.MapPost("/me/check-in", async (CheckInRequest body, FangkongDb db, CheckIns checkIns, StayLookup lookup, HttpContext http) =>
        {
            var person = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Quarantine.NotAResident"));
            var stay = await lookup.CurrentStayAsync(db, person, http.RequestAborted)
                ?? throw new NotFoundException("stay", Messages.Get("Quarantine.NotInQuarantine"));
            return TypedResults.Ok(await checkIns.SubmitAsync(db, stay, body, http.User.UserId(), http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("A quarantined resident's own daily check-in from the phone.");
    }
}

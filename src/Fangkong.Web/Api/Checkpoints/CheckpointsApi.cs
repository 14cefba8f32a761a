using Fangkong.Core.Checkpoints;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Checkpoints;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Checkpoints;

/// <summary>The vehicle-check list's filter as query parameters.</summary>
public sealed record CheckListQuery(long? CheckpointId, string? District, DateOnly? Day, int? Shift, CheckVerdict? Verdict, bool? GreenLane)
{
    public CheckFilter Filter() => new() { CheckpointId = CheckpointId, District = District, Day = Day, Shift = Shift, Verdict = Verdict, GreenLane = GreenLane };
}

/// <summary>
/// Road checkpoints and inspection stations (issue 21 part 2, ADR 0040): checkpoints and their shifts' staff, a vehicle
/// stopped and its people checked from a tablet (idempotency key), one check, counts per checkpoint and shift, and the
/// vehicle-check line list with its export.
/// </summary>
public static class CheckpointsApi
{
    public static void MapCheckpointsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/checkpoints").WithTags("Checkpoints").WithProblems();

        api.MapGet("", async (FangkongDb db, CheckpointRegistry registry, HttpContext http) =>
            TypedResults.Ok(await registry.ListAsync(db, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(CheckpointAccess.Read).WithSummary("The checkpoints the caller works at or oversees, with the current shift and who is on duty.");

        api.MapPost("", async (CheckpointRequest body, FangkongDb db, CheckpointRegistry registry, HttpContext http) =>
        {
            var c = await registry.AddAsync(db, body, http.RequestAborted);
            return TypedResults.Created($"/api/checkpoints/{c.Id}", c);
        }).RequireAuthorization(CheckpointAccess.Admin).WithSummary("Add a checkpoint: name, kind (county or township border, village, inspection station 留检站, roadblock), district, location, shifts a day.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, CheckpointRegistry registry, HttpContext http) =>
            TypedResults.Ok(await registry.OneAsync(db, http.User.UserId(), id, http.RequestAborted)))
            .RequireAuthorization(CheckpointAccess.Read).WithSummary("One checkpoint with its current shift and who is on duty.");

        api.MapGet("/{id:long}/roster", async (long id, DateOnly? day, FangkongDb db, CheckpointRegistry registry, HttpContext http) =>
            TypedResults.Ok(await registry.RosterAsync(db, http.User.UserId(), id, day, http.RequestAborted)))
            .RequireAuthorization(CheckpointAccess.Read).WithSummary("A day's shifts at a checkpoint (city time) with the staff on duty in each.");

        api.MapPost("/{id:long}/roster", async (long id, DutyRequest body, FangkongDb db, CheckpointRegistry registry, HttpContext http) =>
            TypedResults.Ok(await registry.AssignAsync(db, id, body, http.RequestAborted)))
            .RequireAuthorization(CheckpointAccess.Admin).WithSummary("Put accounts holding the checkpoint-staff role on duty for one shift of a day.");

        api.MapPost("/vehicles", async (VehicleCheckRequest body, FangkongDb db, VehicleChecks checks, HttpContext http) =>
        {
            var v = await checks.CheckAsync(db, http.User.UserId(), body, http.RequestAborted);
            return TypedResults.Created($"/api/checkpoints/checks/{v.Id}", v);
        }).RequireAuthorization(CheckpointAccess.Staff)
          .WithSummary("A vehicle stops: plate, kind, origin, destination, its people (ID card number or scanned code, temperature, origin's risk and the day they left) and a freight pass's QR; answers each person's and the vehicle's decision. The idempotency key makes a retry answer with the same check.");

        api.MapGet("/checks", async ([AsParameters] CheckListQuery q, long? after, int? size, FangkongDb db, CheckLines lines, HttpContext http) =>
        {
            OnlyListFields(http, "after", "size");
            return TypedResults.Ok(await lines.PageAsync(db, q.Filter(), after, size, http.RequestAborted));
        }).RequireAuthorization(CheckpointAccess.Lists).WithSummary("Vehicles checked in the caller's area, newest first, continued by key (after=).");

        api.MapGet("/checks.{format}", async (string format, [AsParameters] CheckListQuery q, FangkongDb db, CheckLines lines, CityClock clock, HttpContext http) =>
        {
            OnlyListFields(http);
            var (name, type, content) = await lines.ExportAsync(db, clock, q.Filter(), format, http.RequestAborted);
            return Results.File(content, type, name);
        }).RequireAuthorization(CheckpointAccess.Lists)
          .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .WithSummary("The vehicle-check line list as csv or xlsx, under the same filter.");

        api.MapGet("/checks/{id:long}", async (long id, FangkongDb db, CheckLines lines, HttpContext http) =>
            TypedResults.Ok(await lines.OneAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(CheckpointAccess.Read).WithSummary("One vehicle's check with each person's decision (names and ID numbers masked).");

        api.MapGet("/shifts", async (DateOnly? day, string? district, FangkongDb db, CityClock clock, HttpContext http) =>
            TypedResults.Ok(await CheckpointFigures.ByShiftAsync(db, day ?? clock.Today, district, http.RequestAborted)))
            .RequireAuthorization(CheckpointAccess.Counts).WithSummary("Vehicles and people checked per checkpoint and shift of a day (isolated, turned back, green lane).");
    }

    /// <summary>The list's query names only its filter's fields: a misspelt one would otherwise list every check.</summary>
    private static void OnlyListFields(HttpContext http, params string[] paging) =>
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(["culture", "ui-culture"], StringComparer.OrdinalIgnoreCase),
            [.. FilterFields.Of(typeof(CheckFilter)), .. paging]);
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Supervision;
using Fangkong.Domain.Supervision;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Supervision;

/// <summary>The findings list's filter as query parameters.</summary>
public sealed record FindingQuery(string? District, FindingCategory? Category, FindingState? State, bool? Overdue, long? ClosureOrderId)
{
    public FindingFilter Filter() => new() { District = District, Category = Category, State = State, Overdue = Overdue, ClosureOrderId = ClosureOrderId };
}

/// <summary>
/// Supervision (issue 24, ADR 0046): unattended-gate alerts and their count by district, closure and reopening orders and
/// what is closed where, inspection plans, inspections with findings and photos, answers and confirmations, figures and
/// the findings' line list with its export, venues' disinfection records, registers and what is missing.
/// </summary>
public static class SupervisionApi
{
    public static void MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/supervision").WithTags("Supervision").WithProblems();

        api.MapGet("/gate-alerts", async (string? district, bool? all, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await GateAlerts.ListAsync(db, district, all ?? false, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("Venues whose gates look unattended (silent while open, no temperatures, admitting everyone while red codes exist), with the evidence; all=true adds cleared alerts.");
        api.MapGet("/gate-alerts/by-district", async (FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await GateAlerts.ByDistrictAsync(db, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("Venues with an open unattended-gate alert per district: each the length of the district's list.");
        api.MapGet("/gate-alerts/{id:long}", async (long id, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await GateAlerts.OneAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("One unattended-gate alert with its evidence.");

        api.MapGet("/closures", async (string? district, bool? inForce, FangkongDb db, ClosureOrders orders, HttpContext http) =>
            TypedResults.Ok(await orders.ListAsync(db, district, inForce ?? false, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("Closure and reopening orders, newest first; inForce=true only closures in force.");
        api.MapGet("/closures/venues", async (string? district, FangkongDb db, ClosureOrders orders, HttpContext http) =>
            TypedResults.Ok(await orders.ClosedVenuesAsync(db, district, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("What is closed where: every venue an order in force closes now, with the order.");
        api.MapGet("/closures/{id:long}", async (long id, FangkongDb db, ClosureOrders orders, HttpContext http) =>
            TypedResults.Ok(await orders.OneAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("One order.");
        api.MapPost("/closures", async (ClosureRequest body, FangkongDb db, ClosureOrders orders, HttpContext http) =>
        {
            var o = await orders.CloseAsync(db, http.User.UserId(), body, http.RequestAborted);
            return TypedResults.Created($"/api/supervision/closures/{o.Id}", o);
        }).RequireAuthorization(SupervisionAccess.Direct).WithSummary("A district closes venue types and/or named venues from an instant: number, text, authority. Their gates and venue codes refuse entry naming the order.");
        api.MapPost("/closures/{id:long}/reopen", async (long id, ReopenRequest body, FangkongDb db, ClosureOrders orders, HttpContext http) =>
        {
            var o = await orders.ReopenAsync(db, http.User.UserId(), id, body, http.RequestAborted);
            return TypedResults.Created($"/api/supervision/closures/{o.Id}", o);
        }).RequireAuthorization(SupervisionAccess.Direct).WithSummary("Reopening is an order too: it lifts the closure from an instant.");

        api.MapGet("/plans", async (DateOnly? day, FangkongDb db, Inspections inspections, HttpContext http) =>
            TypedResults.Ok(await inspections.PlansAsync(db, day, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("A day's planned inspections (city time).");
        api.MapPost("/plans", async (PlanRequest body, FangkongDb db, Inspections inspections, HttpContext http) =>
            TypedResults.Ok(await inspections.PlanAsync(db, http.User.UserId(), body, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Direct).WithSummary("Plan an inspection group's (a team's) visit to a place on a day.");

        api.MapPost("/inspections", async (InspectionRequest body, FangkongDb db, Inspections inspections, HttpContext http) =>
        {
            var i = await inspections.RecordAsync(db, http.User.UserId(), body, http.RequestAborted);
            return TypedResults.Created($"/api/supervision/inspections/{i.Id}", i);
        }).RequireAuthorization(SupervisionAccess.Inspect).WithSummary("Record an inspection at a place and what was found (category, severity, photo as base64), fixed on the spot or handed to a responsible unit with a deadline.");
        api.MapGet("/inspections/{id:long}", async (long id, FangkongDb db, Inspections inspections, HttpContext http) =>
            TypedResults.Ok(await inspections.OneAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("One inspection with its findings.");

        api.MapGet("/findings", async ([AsParameters] FindingQuery q, FangkongDb db, Inspections inspections, HttpContext http) =>
        {
            OnlyListFields(http);
            return TypedResults.Ok(await inspections.FindingsAsync(db, q.Filter(), null, http.RequestAborted));
        }).RequireAuthorization(SupervisionAccess.Read).WithSummary("Problems found in the caller's area, newest first, by district, category, state, overdue or closure order.");
        api.MapGet("/findings.{format}", async (string format, [AsParameters] FindingQuery q, FangkongDb db, Inspections inspections, CityClock clock, HttpContext http) =>
        {
            OnlyListFields(http);
            var (name, type, content) = await FindingExport.ExportAsync(db, inspections, clock, q.Filter(), format, http.RequestAborted);
            return Results.File(content, type, name);
        }).RequireAuthorization(SupervisionAccess.Read)
          .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .WithSummary("The findings' line list as csv or xlsx, under the same filter.");
        api.MapGet("/findings/{id:long}/photo", async (long id, FangkongDb db, HttpContext http) =>
        {
            var photo = await Inspections.PhotoAsync(db, id, http.RequestAborted);
            return Results.File(photo.Content, photo.ContentType);
        }).RequireAuthorization(SupervisionAccess.Read).Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png").WithSummary("A finding's photo.");
        api.MapPost("/findings/{id:long}/answer", async (long id, AnswerRequest body, FangkongDb db, Inspections inspections, HttpContext http) =>
            TypedResults.Ok(await inspections.AnswerAsync(db, id, body, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Direct).WithSummary("The responsible unit's answer to a problem handed over (late answers stay overdue).");
        api.MapPost("/findings/{id:long}/confirm", async (long id, FangkongDb db, Inspections inspections, HttpContext http) =>
            TypedResults.Ok(await inspections.ConfirmAsync(db, http.User.UserId(), id, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Inspect).WithSummary("The inspection group confirms an answered problem.");
        api.MapGet("/figures", async (FangkongDb db, Inspections inspections, HttpContext http) =>
            TypedResults.Ok(await inspections.FiguresAsync(db, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("Inspections, problems, fixed on the spot, handed over and overdue by district and category.");

        api.MapPost("/venues/{id:long}/disinfections", async (long id, DisinfectionRequest body, FangkongDb db, DisinfectionRegister register, HttpContext http) =>
            TypedResults.Ok(await register.RecordAsync(db, http.User.UserId(), id, body, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Disinfect).WithSummary("Record a disinfection at a venue: area, agent, time, person.");
        api.MapGet("/venues/{id:long}/disinfections", async (long id, FangkongDb db, DisinfectionRegister register, HttpContext http) =>
            TypedResults.Ok(await register.RegisterAsync(db, http.User.UserId(), id, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Register).WithSummary("A venue's disinfection register: the last week's records and today's required, due and recorded counts.");
        api.MapGet("/disinfection-alerts", async (string? district, FangkongDb db, DisinfectionRegister register, HttpContext http) =>
            TypedResults.Ok(await register.MissingAsync(db, district, http.RequestAborted)))
            .RequireAuthorization(SupervisionAccess.Read).WithSummary("Open venues short of the disinfection records their type's policy requires by now.");
    }

    /// <summary>The list's query names only its filter's fields: a misspelt one would otherwise list every finding.</summary>
    private static void OnlyListFields(HttpContext http) =>
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(["culture", "ui-culture"], StringComparer.OrdinalIgnoreCase), [.. FilterFields.Of(typeof(FindingFilter))]);
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Requests;
using Fangkong.Domain.Requests;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Requests;

public sealed record TicketBody(string? IdempotencyKey, RequestCategory? Category, string? Text, RequestUrgency? Urgency, MedicalEmergency? Emergency,
    string? CallerPhone, string? CallerName, long? PersonId, long? HouseholdId, string? Platform)
{
    public TicketDraft Draft() => new(IdempotencyKey, Category, Text, Urgency, Emergency, CallerPhone, CallerName, PersonId, HouseholdId, Platform);
}

public sealed record MyTicketBody(string? IdempotencyKey, RequestCategory? Category, string? Text, RequestUrgency? Urgency, MedicalEmergency? Emergency);
public sealed record TicketNoteBody(string? Note);
public sealed record TicketAssignBody(string? AssignedTo);
public sealed record TicketAnswerBody(string? Answer);
public sealed record TicketReasonBody(string? Reason);
public sealed record TicketStepBody(TransportStep? Step);

/// <summary>
/// Citizens' requests (群众诉求, issue 20): the hotline operator's lookup by the caller's number and ticket entry, other
/// platforms' API (idempotency key) and export files, the unit's queue and actions, and the resident's own requests.
/// A confined caller reaches only their area's tickets (ADR 0028).
/// </summary>
public static class RequestsApi
{
    public static void MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/requests").WithTags("Requests").WithProblems();

        api.MapGet("/callers", async (string? phone, FangkongDb db, CallerLookup lookup, HttpContext http) =>
            TypedResults.Ok(await lookup.FindAsync(db, phone, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TicketFiling).WithSummary("The persons registered with a caller's mobile number (masked) and their households: address, sealed in or not, special groups, open tickets.");

        api.MapPost("", async (TicketBody body, FangkongDb db, TicketIntake intake, HttpContext http) =>
        {
            var t = await intake.FileAsync(db, http.User.UserId(), RequestSource.Hotline, body.Draft() with { Platform = null }, http.RequestAborted);
            return TypedResults.Created($"/api/requests/{t.Id}", t);
        }).RequireAuthorization(AuthSetup.TicketFiling)
          .WithSummary("A hotline operator files a request: the caller's number, the person or household found, category, urgency, a medical emergency, the text; an idempotency key makes a retry answer with the same ticket.");

        api.MapPost("/platform", async (TicketBody body, FangkongDb db, TicketIntake intake, HttpContext http) =>
        {
            var t = await intake.FileAsync(db, http.User.UserId(), RequestSource.Platform, body.Draft(), http.RequestAborted);
            return TypedResults.Created($"/api/requests/{t.Id}", t);
        }).RequireAuthorization(AuthSetup.TicketFiling)
          .WithSummary("Another platform hands over a request (platform named); its idempotency key makes every retry answer with the ticket the first made, never a second one.");

        api.MapPost("/import", async (string? platform, string? fileName, FangkongDb db, TicketImport import, HttpContext http) =>
        {
            var (stream, name, formPlatform) = await UploadAsync(http, fileName);
            var report = await import.ImportAsync(db, http.User.UserId(), platform ?? formPlatform, stream, name, http.RequestAborted);
            return report.Problems.Count > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }).DisableAntiforgery().RequireAuthorization(AuthSetup.TicketFiling)
          .Produces<TicketImportReport>(StatusCodes.Status200OK).Produces<TicketImportReport>(StatusCodes.Status422UnprocessableEntity)
          .WithSummary("Import another platform's export file (multipart field file, or a text/csv body): rows keyed by the platform's ticket id, so a second import of the same file adds nothing; one bad row and nothing is written (422, line by line).");

        api.MapGet("", async ([AsParameters] TicketQueueFilter filter, FangkongDb db, TicketQueue queue, HttpContext http) =>
            TypedResults.Ok(await queue.PageAsync(db, filter, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tickets)
            .WithSummary("The unit's queue: open tickets by deadline (emergencies first), continued with after=; all=true for resolved too; filter by unit, category, overdue; q= a ticket's number. Overdue tickets are raised first.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, TicketActions actions, HttpContext http) =>
            TypedResults.Ok(await actions.OpenAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tickets).WithSummary("A ticket with its household's place, the unit, the deadline, the transport steps and its history.");

        api.MapPost("/{id:long}/assign", async (long id, TicketAssignBody body, FangkongDb db, TicketActions actions, HttpContext http) =>
            TypedResults.Ok(await actions.AssignAsync(db, http.User.UserId(), id, body.AssignedTo, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TicketWork).WithSummary("The unit takes the ticket on and names who handles it.");

        api.MapPost("/{id:long}/handle", async (long id, TicketNoteBody body, FangkongDb db, TicketActions actions, HttpContext http) =>
            TypedResults.Ok(await actions.HandleAsync(db, http.User.UserId(), id, body.Note, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TicketWork).WithSummary("Record what was done so far.");

        api.MapPost("/{id:long}/resolve", async (long id, TicketAnswerBody body, FangkongDb db, TicketActions actions, HttpContext http) =>
            TypedResults.Ok(await actions.ResolveAsync(db, http.User.UserId(), id, body.Answer, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TicketWork).WithSummary("Resolve with the answer the caller reads on their phone.");

        api.MapPost("/{id:long}/escalate", async (long id, TicketReasonBody body, FangkongDb db, TicketActions actions, HttpContext http) =>
            TypedResults.Ok(await actions.EscalateAsync(db, http.User.UserId(), id, body.Reason, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TicketWork).WithSummary("Raise the ticket to the unit above (community → street → district → city), with a reason.");

        api.MapPost("/{id:long}/transport", async (long id, TicketStepBody body, FangkongDb db, TicketActions actions, HttpContext http) =>
            TypedResults.Ok(await actions.TransportAsync(db, http.User.UserId(), id, body.Step, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TicketWork).WithSummary("Record the next step of a closed-loop transfer (VehicleSent, PickedUp, AtHospital, Returned), in order.");

        api.MapPost("/me", async (MyTicketBody body, FangkongDb db, MyTickets mine, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            var t = await mine.FileAsync(db, http.User.UserId(), personId, null,
                new TicketDraft(body.IdempotencyKey, body.Category, body.Text, body.Urgency, body.Emergency), http.RequestAborted);
            return TypedResults.Created($"/api/requests/me/{t.Id}", t);
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("A resident files a request for their household from their phone (idempotency key).");

        api.MapGet("/me", async (FangkongDb db, MyTickets mine, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await mine.MineAsync(db, http.User.UserId(), personId, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The resident's requests, whoever filed them (their phone, the hotline), with state, unit and answer.");

        api.MapPost("/me/{id:long}/reopen", async (long id, TicketReasonBody body, FangkongDb db, MyTickets mine, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await mine.ReopenAsync(db, http.User.UserId(), personId, id, body.Reason, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The resident says a resolved request was not solved: it goes back to the unit with a new deadline.");
    }

    /// <summary>The uploaded file: a multipart form's first file (and its platform field), or the body itself as CSV or XLSX.</summary>
    private static async Task<(Stream Stream, string Name, string? Platform)> UploadAsync(HttpContext http, string? fileName)
    {
        var buffer = new MemoryStream();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files.Count > 0 ? form.Files[0] : throw new InputException("file", Messages.Get("Requests.Import.Empty"));
            await using var s = file.OpenReadStream();
            await s.CopyToAsync(buffer, http.RequestAborted);
            buffer.Position = 0;
            return (buffer, file.FileName, form["platform"].ToString());
        }
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        var xlsx = http.Request.ContentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true;
        return (buffer, fileName ?? (xlsx ? "upload.xlsx" : "upload.csv"), null);
    }
}

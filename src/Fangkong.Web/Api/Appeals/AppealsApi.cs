using Fangkong.Core.Accounts;
using Fangkong.Core.Appeals;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Appeals;

public sealed record EvidenceBody(string? Name, string? Content);
public sealed record AppealBody(string? IdempotencyKey, string? Reason, IReadOnlyList<EvidenceBody>? Files);
public sealed record AnswerBody(string? Reason);
public sealed record AppealDecisionBody(bool? Approve);
public sealed record BulkBody(string? Reason, string? Text);
public sealed record BulkDecisionBody(bool? Approve, string? Note);

/// <summary>
/// Appeals against a colour (domain.md §3): the resident's own under /me, the officers' queue and answers, and
/// employers' bulk unlocks. Evidence files travel as base64 in the JSON body and are served only to the appeal's
/// resident and to officers (audited), as attachments.
/// </summary>
public static class AppealsApi
{
    private static readonly string[] EvidenceTypes = ["image/jpeg", "image/png", "application/pdf"];

    public static void MapAppealsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/appeals").WithTags("Appeals").WithProblems();

        api.MapPost("/me", async (AppealBody body, FangkongDb db, AppealSubmissions appeals, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            var files = body.Files?.Select((f, i) => new EvidenceUpload(f.Name, Decode(f.Content, i))).ToList();
            var appeal = await appeals.SubmitAsync(db, http.User.UserId(), personId, new AppealSubmission(body.IdempotencyKey, body.Reason, files), http.RequestAborted);
            return TypedResults.Created($"/api/appeals/me/{appeal.Id}", appeal);
        }).RequireAuthorization(AuthSetup.ResidentOnly)
          .WithSummary("Appeal one's colour (not green): a reason, up to 5 photos or PDFs (base64, 2 MB each) and an idempotency key; routed to the office responsible for the rule that fired, with a deadline.");

        api.MapGet("/me", async (FangkongDb db, AppealSubmissions appeals, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await appeals.MineAsync(db, personId, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The resident's own appeals: state, deadline and answer.");

        api.MapGet("/me/{id:long}/files/{fileId:long}", async (long id, long fileId, FangkongDb db, AppealSubmissions appeals, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return FileOf(http, await appeals.OwnFileAsync(db, personId, id, fileId, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).Produces<Stream>(StatusCodes.Status200OK, EvidenceTypes[0], EvidenceTypes[1..])
          .WithSummary("One of the resident's own evidence files.");

        api.MapGet("", async (AppealState? state, bool? overdue, string? q, int? page, int? pageSize, FangkongDb db, AppealQueue queue, HttpContext http) =>
            TypedResults.Ok(await queue.PageAsync(db, http.User.UserId(), new AppealFilter(state, overdue, q, page, pageSize), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("The officers' queue: open appeals first, most overdue first; filter by state and overdue, search by number.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, AppealAnswers answers, HttpContext http) =>
            TypedResults.Ok(await answers.OpenAsync(db, http.User.UserId(), id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("An appeal with the person's facts and colour history (masked). Audited.");

        api.MapGet("/{id:long}/files/{fileId:long}", async (long id, long fileId, FangkongDb db, AppealAnswers answers, HttpContext http) =>
            FileOf(http, await answers.FileAsync(db, http.User.UserId(), id, fileId, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).Produces<Stream>(StatusCodes.Status200OK, EvidenceTypes[0], EvidenceTypes[1..])
            .WithSummary("An appeal's evidence file, as an attachment. Audited.");

        api.MapPost("/{id:long}/uphold", async (long id, AnswerBody body, FangkongDb db, AppealAnswers answers, HttpContext http) =>
            TypedResults.Ok(await answers.UpholdAsync(db, http.User.UserId(), id, body.Reason, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Uphold an open appeal: asks for a green manual colour, explained by the appeal's number, which a second officer must approve.");

        api.MapPost("/{id:long}/refuse", async (long id, AnswerBody body, FangkongDb db, AppealAnswers answers, HttpContext http) =>
            TypedResults.Ok(await answers.RefuseAsync(db, http.User.UserId(), id, body.Reason, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Refuse an open appeal with a reason the resident reads.");

        api.MapPost("/{id:long}/decision", async (long id, AppealDecisionBody body, FangkongDb db, AppealAnswers answers, HttpContext http) =>
        {
            var approve = body.Approve ?? throw new InputException("approve", Messages.Get("Codes.ApproveRequired"));
            return TypedResults.Ok(await answers.DecideAsync(db, http.User.UserId(), id, approve, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("The second officer approves (the colour turns green) or rejects (the appeal is open again) an upheld appeal.");

        api.MapPost("/bulk", async (BulkBody body, FangkongDb db, BulkUnlocks bulk, HttpContext http) =>
        {
            var row = await bulk.SubmitAsync(db, http.User.UserId(), new BulkSubmission(body.Reason, body.Text), http.RequestAborted);
            return TypedResults.Created($"/api/appeals/bulk/{row.Id}", row);
        }).RequireAuthorization(AuthSetup.Employer)
          .WithSummary("An employer asks for their staff's codes to be unlocked: a reason and the staff's ID numbers, one a line (pasted or a CSV file's text), checked line by line.");

        api.MapGet("/bulk", async (int? page, int? pageSize, FangkongDb db, BulkUnlocks bulk, HttpContext http) =>
            TypedResults.Ok(await bulk.PageAsync(db, http.User.UserId(), !http.User.IsInRole(Roles.VenueManager), page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.BulkUnlocks).WithSummary("Bulk unlock requests: an employer's own, or all for officers; newest first.");

        api.MapGet("/bulk/{id:long}", async (long id, FangkongDb db, BulkUnlocks bulk, HttpContext http) =>
            TypedResults.Ok(await bulk.DetailAsync(db, http.User.UserId(), !http.User.IsInRole(Roles.VenueManager), id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.BulkUnlocks).WithSummary("A bulk request with its persons (masked), their colours and outcomes. An officer's read is audited.");

        api.MapPost("/bulk/{id:long}/request", async (long id, FangkongDb db, BulkUnlocks bulk, HttpContext http) =>
            TypedResults.Ok(await bulk.RequestAsync(db, http.User.UserId(), id, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("The first officer forwards a bulk request for approval; persons with a case or contact are marked refused.");

        api.MapPost("/bulk/{id:long}/decision", async (long id, BulkDecisionBody body, FangkongDb db, BulkUnlocks bulk, HttpContext http) =>
        {
            var approve = body.Approve ?? throw new InputException("approve", Messages.Get("Codes.ApproveRequired"));
            return TypedResults.Ok(await bulk.DecideAsync(db, http.User.UserId(), id, approve, body.Note, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("A second officer approves (each eligible person turns green, explained by the request's number) or rejects with a note.");
    }

    private static byte[]? Decode(string? base64, int index)
    {
        if (string.IsNullOrEmpty(base64)) return null;
        try { return Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InputException($"files[{index}]", Messages.Get("Appeals.Files.Type", index + 1)); }
    }

    // Served as an attachment with its checked type and no sniffing, so a file is never rendered as a page of ours.
    private static IResult FileOf(HttpContext http, AppealFile file)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}

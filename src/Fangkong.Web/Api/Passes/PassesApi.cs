using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Passes;
using Fangkong.Domain.Passes;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Passes;

/// <summary>The pass list's filter as query parameters.</summary>
public sealed record PassListQuery(PassState? State, PassKind? Kind, DateOnly? IssuedFrom, DateOnly? IssuedTo, bool? Used)
{
    public PassFilter Filter() => new() { State = State, Kind = Kind, IssuedFrom = IssuedFrom, IssuedTo = IssuedTo, Used = Used };
}

/// <summary>A pass's QR shown at a checkpoint, with the vehicle's plate for a freight pass.</summary>
public sealed record PassVerifyBody(string? Qr, string? Plate);

/// <summary>
/// Passes (issue 21 part 4, ADR 0041): applications entered by pass officers for enterprises and transport companies
/// (idempotency key), bulk approval or refusal, withdrawal, the signed QR and its PDF, the holder's passes on their
/// phone, the platform's check and the revocation list checkpoints fetch to verify offline, the line list and export.
/// </summary>
public static class PassesApi
{
    public static void MapPassesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/passes").WithTags("Passes").WithProblems();

        api.MapPost("", async (PassApplication body, FangkongDb db, PassApplications applications, HttpContext http) =>
        {
            var p = await applications.ApplyAsync(db, http.User.UserId(), body, http.RequestAborted);
            return TypedResults.Created($"/api/passes/{p.Id}", p);
        }).RequireAuthorization(PassAccess.Officer)
          .WithSummary("Enter an application for an enterprise (staff pass: person, employer, route or area, days) or a transport company (freight pass: plate, driver, route, cargo, days); the idempotency key makes it once.");

        api.MapGet("", async ([AsParameters] PassListQuery q, long? after, int? size, FangkongDb db, PassReads reads, HttpContext http) =>
        {
            OnlyListFields(http, "after", "size");
            return TypedResults.Ok(await reads.PageAsync(db, q.Filter(), after, size, http.RequestAborted));
        }).RequireAuthorization(PassAccess.Lists).WithSummary("Passes, newest first (applications waiting: state=Applied), holders masked, continued by key (after=).");

        api.MapGet("/export.{format}", async (string format, [AsParameters] PassListQuery q, FangkongDb db, PassReads reads, HttpContext http) =>
        {
            OnlyListFields(http);
            var (name, type, content) = await reads.ExportAsync(db, q.Filter(), format, http.RequestAborted);
            return Results.File(content, type, name);
        }).RequireAuthorization(PassAccess.Lists)
          .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .WithSummary("The pass line list as csv or xlsx, with how many times each was used.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, PassReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.OneAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(PassAccess.Officer).WithSummary("One pass, with its signed QR once issued.");

        api.MapGet("/{id:long}/pdf", async (long id, FangkongDb db, PassReads reads, HttpContext http) =>
            Results.File(await reads.PdfAsync(db, id, null, http.RequestAborted), "application/pdf", $"pass-{id}.pdf"))
            .RequireAuthorization(PassAccess.Officer).Produces<Stream>(StatusCodes.Status200OK, "application/pdf").WithSummary("The printable pass with its signed QR.");

        api.MapPost("/decisions", async (PassDecision body, FangkongDb db, PassDecisions decisions, HttpContext http) =>
            TypedResults.Ok(await decisions.DecideAsync(db, http.User.UserId(), body, http.RequestAborted)))
            .RequireAuthorization(PassAccess.Officer).WithSummary("Approve or refuse (with a reason) many applications at once: all or none.");

        api.MapPost("/{id:long}/withdraw", async (long id, PassWithdrawal body, FangkongDb db, PassDecisions decisions, HttpContext http) =>
            TypedResults.Ok(await decisions.WithdrawAsync(db, http.User.UserId(), id, body, http.RequestAborted)))
            .RequireAuthorization(PassAccess.Officer).WithSummary("Withdraw an issued pass with a reason: it joins the revocation list at once.");

        api.MapPost("/verify", async (PassVerifyBody body, FangkongDb db, PassCodes codes, HttpContext http) =>
            TypedResults.Ok((await codes.CheckAsync(db, body.Qr, body.Plate, http.RequestAborted)).Check))
            .RequireAuthorization(PassAccess.Verify).WithSummary("The platform's check of a pass's QR: signature, days, vehicle, and whether it was revoked or its holder's code is red.");

        api.MapGet("/revocations", async (FangkongDb db, PassCodes codes, HttpContext http) =>
            TypedResults.Ok(await codes.RevocationsAsync(db, http.RequestAborted)))
            .RequireAuthorization(PassAccess.Verify).WithSummary("The revoked passes still within their days, for a checkpoint to verify offline with the public keys (/api/codes/public-keys).");

        api.MapGet("/me", async (FangkongDb db, PassReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.MineAsync(db, http.User.PersonId(), http.RequestAborted)))
            .RequireAuthorization(PassAccess.Holder).WithSummary("The resident's own passes, each issued one with its signed QR.");

        api.MapGet("/me/{id:long}/pdf", async (long id, FangkongDb db, PassReads reads, HttpContext http) =>
            Results.File(await reads.PdfAsync(db, id, http.User.PersonId() ?? -1, http.RequestAborted), "application/pdf", $"pass-{id}.pdf"))
            .RequireAuthorization(PassAccess.Holder).Produces<Stream>(StatusCodes.Status200OK, "application/pdf").WithSummary("The resident's own pass as a PDF.");
    }

    private static void OnlyListFields(HttpContext http, params string[] paging) =>
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(["culture", "ui-culture"], StringComparer.OrdinalIgnoreCase),
            [.. FilterFields.Of(typeof(PassFilter)), .. paging]);
}

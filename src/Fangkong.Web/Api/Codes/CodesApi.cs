using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Fangkong.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Api.Codes;

public sealed record MyCode(string Name, CodeColour Colour, string Qr, DateTime IssuedAtUtc, DateTime ExpiresAtUtc, int RefreshSeconds,
    string Rule, string Explanation, IReadOnlyList<string> Appeal);
public sealed record VerifyBody(string? Qr);
public sealed record ManualBody(long? PersonId, CodeColour? Colour, string? Reason);
public sealed record ManualRequested(long Id, ManualCodeStatus Status, CodeColour Colour, bool BulkAlarm);
public sealed record DecisionBody(bool? Approve);
public sealed record ManualDecided(long Id, ManualCodeStatus Status, CodeColour Colour);
public sealed record ManualRevoked(long Id, ManualCodeStatus Status);
public sealed record TestBody(long? PersonId, DateTime? SampledAt, TestOutcome? Outcome, string? Source);

public static class CodesApi
{
    /// <summary>The ways to appeal a colour, as the code page words them (its catalogue), in the reader's language.</summary>
    private static readonly string[] AppealRoutes = ["Code.Appeal.Employer", "Code.Appeal.Evidence", "Code.Appeal.Hotline"];

    public static void MapCodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/codes").WithTags("Codes").WithProblems();
        api.MapGet("/public-keys", async (CodeSigner signer, HttpContext http) => TypedResults.Ok(await signer.PublicKeysAsync(http.RequestAborted)))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous)
            .WithSummary("Published ECDSA P-256 public keys, active and retiring with their validity, so gates verify codes and certificates offline.");
        api.MapPost("/keys/rotate", async (CodeSigner signer, HttpContext http) =>
        {
            await signer.RotateAsync(http.RequestAborted);
            return TypedResults.Ok(await signer.PublicKeysAsync(http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Admin)
            .WithSummary("Rotate the signing key now: the active key retires into its overlap (still verifies), a new key signs. 409 when the key comes from a file.");

        api.MapGet("/me", async (HttpContext http, FangkongDb db, ResidentCodes codes, IStringLocalizer<SharedResource> words) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            var c = await codes.CurrentAsync(db, personId, http.RequestAborted);
            return TypedResults.Ok(new MyCode(c.MaskedName, c.Colour, c.Payload, c.IssuedAtUtc, c.ExpiresAtUtc, c.RefreshSeconds, c.Rule, c.Explanation,
                c.Colour == CodeColour.Green ? [] : AppealRoutes.Select(key => words[key].Value).ToList()));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The resident's own signed, short-lived code and why it has its colour.");

        api.MapGet("/me/history", async (HttpContext http, FangkongDb db, HealthCodeService codes) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await codes.HistoryAsync(db, personId, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("Every change of the resident's colour, with rule and evidence.");

        api.MapPost("/verify", async (VerifyBody body, ScannedCodes scanned, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await scanned.VerifyAsync(db, body.Qr, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Staff).WithSummary("Check a scanned code: signature, expiry, colour.");

        api.MapGet("/persons/{personId:long}/history", async (long personId, FangkongDb db, ColourHistory history, HttpContext http) =>
            TypedResults.Ok(await history.OfPersonAsync(db, personId, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("A person's colour changes with rule, evidence and policy version.");

        api.MapPost("/manual", async (ManualBody body, FangkongDb db, ManualCodes manual, HttpContext http) =>
        {
            var personId = body.PersonId ?? throw new InputException("personId", Messages.Get("Codes.PersonRequired"));
            var colour = body.Colour ?? throw new InputException("colour", Messages.Get("Codes.ColourRequired"));
            var row = await manual.RequestAsync(db, personId, colour, body.Reason, http.User.UserId(), http.RequestAborted);
            var bulk = await manual.IsBulkAsync(db, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/codes/manual/{row.Id}", new ManualRequested(row.Id, row.Status, row.Colour, bulk));
        }).RequireAuthorization(AuthSetup.Tracing).WithSummary("Request a manual colour with a reason; a second officer must approve it.");

        api.MapGet("/manual", async (FangkongDb db, ManualCodeQueue queue, HttpContext http) =>
            TypedResults.Ok(await queue.PendingAsync(db, 500, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Pending manual colour requests, oldest first.");

        api.MapPost("/manual/{id:long}/decision", async (long id, DecisionBody body, FangkongDb db, ManualCodes manual, HttpContext http) =>
        {
            var approve = body.Approve ?? throw new InputException("approve", Messages.Get("Codes.ApproveRequired"));
            var row = await manual.DecideAsync(db, id, approve, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(new ManualDecided(row.Id, row.Status, row.Colour));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Approve or reject a manual colour (not one's own).");

        api.MapPost("/manual/{id:long}/revoke", async (long id, FangkongDb db, ManualCodes manual, HttpContext http) =>
        {
            var row = await manual.RevokeAsync(db, id, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(new ManualRevoked(row.Id, row.Status));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Withdraw an approved manual colour.");

        app.MapPost("/api/tests", async (TestBody body, FangkongDb db, HealthCodeService codes, HttpContext http) =>
        {
            var personId = body.PersonId ?? throw new InputException("personId", Messages.Get("Codes.PersonRequired"));
            var sampled = body.SampledAt ?? throw new InputException("sampledAt", Messages.Get("Codes.SampledAtRequired"));
            var outcome = body.Outcome ?? throw new InputException("outcome", Messages.Get("Codes.OutcomeRequired"));
            var row = await codes.RecordTestAsync(db, personId, http.RequestServices.GetRequiredService<CityClock>().AsUtc(sampled), outcome, body.Source ?? "manual-entry", http.RequestAborted);
            return TypedResults.Created($"/api/tests/{row.Id}", row);
        }).RequireAuthorization(AuthSetup.Admin).WithTags("Testing").WithSummary("Record a nucleic-acid test result (re-derives the colour).");
    }
}

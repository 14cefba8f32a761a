using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Testing;

public sealed record VerifyCertificateBody(string? Proof);

/// <summary>The sampling table, the custody of boxes to the lab, results, and what residents see of a round.</summary>
public static class SamplingApi
{
    public static void MapSamplingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/testing").WithTags("Sampling").WithProblems();

        // The tables' calls join every other table's in one group and commit (ADR 0035); a caller confined to an area keeps
        // its own confined context, alone.
        api.MapPost("/tubes", async (OpenTubeRequest body, FangkongDb db, SamplingService sampling, HttpContext http) =>
            TypedResults.Ok(db.Area is null
                ? await sampling.OpenTubeQueuedAsync(body, http.User.UserId(), http.RequestAborted)
                : await sampling.OpenTubeAsync(db, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Sampling)
            .WithSummary("Open a tube by its barcode (scanned first). Replaying the same key returns the same tube; a used barcode is refused (409 TubeReused).");

        api.MapPost("/tubes/{barcode}/samples", async (string barcode, SampleRequest body, FangkongDb db, SamplingService sampling, HttpContext http) =>
            TypedResults.Ok(db.Area is null
                ? await sampling.AddSampleQueuedAsync(barcode, body, http.User.UserId(), http.RequestAborted)
                : await sampling.AddSampleAsync(db, barcode, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Sampling)
            .WithSummary("Add a person (health-code QR or ID number) to the tube. Warnings: OtherSite, OutsideArea; refusals (409): AlreadySampled, TubeClosed, SingleTubeRequired.");

        api.MapPost("/tubes/{barcode}/close", async (string barcode, CloseTubeRequest body, FangkongDb db, SamplingService sampling, HttpContext http) =>
            TypedResults.Ok(await sampling.CloseTubeAsync(db, barcode, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Sampling).WithSummary("Close a tube by hand (a full tube closes by itself).");

        api.MapGet("/tubes/{barcode}", async (string barcode, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(SamplingService.View(await SamplingService.TubeAsync(db, barcode, http.RequestAborted))))
            .RequireAuthorization(AuthSetup.TestingStaff).WithSummary("A tube's state.");

        api.MapPost("/boxes", async (PackRequest body, FangkongDb db, BoxCustody custody, HttpContext http) =>
            TypedResults.Ok(await custody.PackAsync(db, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Sampling).WithSummary("Pack closed tubes into a box with its own barcode.");

        api.MapPost("/boxes/{barcode}/handovers", async (string barcode, HandoverRequest body, FangkongDb db, BoxCustody custody, HttpContext http) =>
            TypedResults.Ok(await custody.HandoverAsync(db, barcode, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Sampling).WithSummary("Hand a box to a courier with the tubes counted; the count is reconciled against the box.");

        api.MapGet("/boxes/{barcode}", async (string barcode, FangkongDb db, BoxCustody custody, HttpContext http) =>
            TypedResults.Ok(await custody.GetAsync(db, barcode, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.TestingStaff).WithSummary("A box with its handovers.");

        api.MapPost("/lab/receipts", async (ReceiptRequest body, FangkongDb db, BoxCustody custody, HttpContext http) =>
            TypedResults.Ok(await custody.ReceiveAsync(db, body, http.User.UserId(), http.User.UserName(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Lab).WithSummary("Receive a box at the lab by scanning its tubes; missing and foreign tubes are listed.");

        api.MapPost("/lab/results", async (ResultRequest body, FangkongDb db, TubeResults results, HttpContext http) =>
            TypedResults.Ok(await results.PostAsync(db, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Lab).WithSummary("Post one tube's result; it is fanned out to the tube's persons at once.");

        api.MapPost("/lab/results/import", async (HttpRequest request, FangkongDb db, TubeResults results, HttpContext http) =>
        {
            using var reader = await CsvReaderAsync(request, http.RequestAborted);
            return TypedResults.Ok(await results.ImportAsync(db, reader, http.User.UserId(), http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Lab).DisableAntiforgery()
          .Accepts<string>("text/csv", "multipart/form-data")
          .WithSummary("Import a lab's CSV (barcode,result per line): bad lines are reported by number and reason, good lines are kept.");

        api.MapGet("/me/slots", async (FangkongDb db, CityClock clock, HttpContext http) =>
            TypedResults.Ok(await RoundSlots.ForPersonAsync(db, Me(http), clock.UtcNow, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The resident's site and wave in recent rounds.");

        api.MapGet("/me/certificates", async (FangkongDb db, Certificates certificates, HttpContext http) =>
            TypedResults.Ok(await certificates.ForPersonAsync(db, Me(http), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The resident's sampling certificates, newest first.");

        api.MapGet("/certificates/{sampleId:long}", async (long sampleId, FangkongDb db, Certificates certificates, HttpContext http) =>
        {
            await MayReadAsync(db, sampleId, http);
            return TypedResults.Ok(await certificates.GetAsync(db, sampleId, http.RequestAborted));
        }).RequireAuthorization().WithSummary("One sampling certificate: the resident's own, or any for an administrator.");

        api.MapGet("/certificates/{sampleId:long}/pdf", async (long sampleId, FangkongDb db, Certificates certificates, CityClock clock, HttpContext http) =>
        {
            await MayReadAsync(db, sampleId, http);
            var certificate = await certificates.GetAsync(db, sampleId, http.RequestAborted);
            var verifyUrl = CertificatePdf.VerifyUrl($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", certificate.Proof);
            var bytes = CertificatePdf.Render(certificate, verifyUrl, clock.Time.GetUtcNow(), clock.Offset);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(bytes, "application/pdf", $"certificate-{sampleId}.pdf");
        }).RequireAuthorization().Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
          .WithSummary("The printable certificate (PDF) with a QR that opens the public verify page.");

        api.MapPost("/certificates/verify", async (VerifyCertificateBody body, FangkongDb db, Certificates certificates, HttpContext http) =>
            TypedResults.Ok(await certificates.VerifyAsync(db, body.Proof, http.RequestAborted)))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous).WithSummary("Check a certificate's QR: signature and record (masked).");
    }

    private static long Me(HttpContext http) =>
        http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Testing.NotAResident"));

    private static Task MayReadAsync(FangkongDb db, long sampleId, HttpContext http) =>
        Certificates.EnsureMayReadAsync(db, sampleId, http.User.PersonId(), http.User.IsInRole(Core.Accounts.Roles.Administrator), http.RequestAborted);

    private static async Task<TextReader> CsvReaderAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.Count > 0 ? form.Files[0] : throw new InputException("file", Messages.Get("Testing.CsvFileRequired"));
            return new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        }
        return new StreamReader(request.Body, System.Text.Encoding.UTF8);
    }
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.VenueCodes;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Fangkong.Web.Api.VenueCodes;

/// <summary>
/// Venue codes (场所码, ADR 0038): a venue's officer downloads its signed code and poster; a resident's phone reads what the
/// scan page shows and records the scan — through the gate's queue and rules, answered after the durable write.
/// </summary>
public static class VenueCodesApi
{
    public static void MapVenueCodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/venue-codes").WithTags("Venue codes").WithProblems();

        api.MapGet("/{venueId:long}", async (long venueId, FangkongDb db, VenueCodeIssuer issuer, HttpContext http) =>
        {
            OwnVenue(http, venueId);
            return TypedResults.Ok(await issuer.IssueAsync(db, venueId, BaseUrl(http), http.RequestAborted));
        }).RequireAuthorization(AuthSetup.VenueCodes)
          .WithSummary("A venue's signed code: the token, the scan address its QR opens, and until when it scans. Its manager or an administrator.");

        api.MapGet("/{venueId:long}/poster.pdf", async (long venueId, FangkongDb db, VenueCodeIssuer issuer, HttpContext http) =>
        {
            OwnVenue(http, venueId);
            var pdf = await issuer.PosterAsync(db, venueId, BaseUrl(http), http.RequestAborted);
            return Results.File(pdf, "application/pdf", $"venue-code-{venueId}.pdf");
        }).RequireAuthorization(AuthSetup.VenueCodes).Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
          .WithSummary("The venue code's printable A4 poster (PDF): the QR, the venue's name and address, Chinese first.");

        api.MapPost("/{venueId:long}/revoke", async (long venueId, VenueCodeRevocation body, FangkongDb db, VenueCodeIssuer issuer, HttpContext http) =>
        {
            OwnVenue(http, venueId);
            return TypedResults.Ok(await issuer.RevokeAsync(db, http.User.UserId(), venueId, body.Reason, BaseUrl(http), http.RequestAborted));
        }).RequireAuthorization(AuthSetup.VenueCodes)
          .WithSummary("Revoke the venue's code early, with a reason: every code signed before now is refused at the scan, naming the revocation; answers the new code (print its poster).");

        api.MapGet("/view", async (string? token, VenueScans scans, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await scans.ViewAsync(personId, token, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly)
          .WithSummary("What the scan page shows for a scanned code: the venue, the resident's own colour, the household members they may register.");

        api.MapPost("/scans", async (VenueScanRequest body, VenueScans scans, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await scans.ScanAsync(http.User.UserId(), personId, body, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithMetadata(new RequestSizeLimitAttribute(BodyLimits.GateBytes))
          .WithSummary("Scan a venue code: an entry, or the exit of someone already inside, by the gate's rules; forPersonId registers a household member (代登记). A retry with the same idempotency key gets the first answer.");
    }

    /// <summary>A venue manager reaches only their own venue's code; an administrator any (within their area).</summary>
    private static void OwnVenue(HttpContext http, long venueId)
    {
        if (http.User.IsInRole(Roles.VenueManager) && !http.User.IsInRole(Roles.Administrator) && http.User.VenueId() != venueId)
            throw new ForbiddenException(Messages.Get("VenueCodes.OwnVenueOnly"));
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}

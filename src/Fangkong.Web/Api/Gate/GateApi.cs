using Fangkong.Core.Common;
using Fangkong.Core.Gate;
using Fangkong.Domain.People;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fangkong.Web.Api.Gate;

/// <summary>A check-in or check-out from the gate device the operator is signed in at.</summary>
public sealed record GateBody(string? IdempotencyKey, string? IdNumber, string? Qr, decimal? Temperature, string? Name,
    DocumentType? DocumentType, DateTime? DeviceTime);

public static class GateApi
{
    public static void MapGateApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/gate").WithTags("Gate").WithProblems();
        api.MapPost("/check-in", (GateBody body, HttpContext http, GateService gate) => HandleAsync(body, GateDirection.In, http, gate))
            .RequireAuthorization(AuthSetup.Gate).WithMetadata(new RequestSizeLimitAttribute(BodyLimits.GateBytes))
            .WithSummary("Check a visitor in: admit, deny (with every reason) or re-measure; answered after the durable write.");
        api.MapPost("/check-out", (GateBody body, HttpContext http, GateService gate) => HandleAsync(body, GateDirection.Out, http, gate))
            .RequireAuthorization(AuthSetup.Gate).WithMetadata(new RequestSizeLimitAttribute(BodyLimits.GateBytes))
            .WithSummary("Check a visitor out by ID card or health code.");
        api.MapGet("/occupancy", async (HttpContext http, Occupancy occupancy) =>
        {
            var venueId = http.User.VenueId() ?? throw new ForbiddenException(Messages.Get("Gate.NoVenue"));
            return TypedResults.Ok(await occupancy.ForVenueAsync(venueId, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Gate).WithSummary("Live occupancy of the operator's own venue.");
    }

    private static async Task<Ok<GateAnswer>> HandleAsync(GateBody body, GateDirection direction, HttpContext http, GateService gate)
    {
        var deviceId = http.User.DeviceId() ?? throw new ForbiddenException(Messages.Get("Gate.NoDevice"));
        var request = new GateRequest(deviceId, body.IdempotencyKey, direction, body.IdNumber, body.Qr, body.Temperature,
            body.DocumentType ?? DocumentType.ResidentIdCard, body.Name,
            body.DeviceTime is { } t ? http.RequestServices.GetRequiredService<CityClock>().AsUtc(t) : null, http.User.UserId());
        return TypedResults.Ok(await gate.HandleAsync(request, http.RequestAborted));
    }
}

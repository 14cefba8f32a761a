using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Core.Zones;
using Fangkong.Domain.Zones;
using Fangkong.Web.Charts;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Zones;

/// <summary>How a caller pages the zone list.</summary>
public sealed record ZonePaging(long? After, int? Size);

/// <summary>
/// Zones (封控区 · 管控区 · 防范区): proposed from a case or drawn by picking addresses, confirmed, extended, lowered and
/// lifted by rule — a downgrade or lift asked for by one officer and approved by another. Set by epidemiologists and
/// administrators; every answer is the zone's page as <c>GET /api/zones/{id}</c> gives it.
/// </summary>
public static class ZonesApi
{
    public static void MapZonesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/zones").WithTags("Zones").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        api.MapGet("/", async ([AsParameters] ZoneLineFilter filter, [AsParameters] ZonePaging paging, FangkongDb db, HttpContext http) =>
        {
            FilterFields.OnlyKnown(http.Request.Query.Keys.Except(["culture", "ui-culture"], StringComparer.OrdinalIgnoreCase),
                [.. FilterFields.Of(typeof(ZoneLineFilter)), .. FilterFields.Of(typeof(ZonePaging))]);
            return TypedResults.Ok(await ZoneViews.ListAsync(db, filter, paging.After, paging.Size, http.RequestAborted));
        }).WithSummary("Zones, newest first: search by number or name; filter by level (Sealed, Controlled, Precaution), state (Proposed, Active, Lifted, Dismissed) and district.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, ZoneViews views, HttpContext http) =>
            TypedResults.Ok(await ViewAsync(db, views, id, http)))
            .WithSummary("A zone: its members, residents, cases with their evidence, days without infection, today's lifting checklist (met and missing), a pending downgrade or lift, and its history.");

        api.MapPost("/", async (NewZone body, FangkongDb db, ZoneDecisions decisions, ZoneViews views, HttpContext http) =>
        {
            var zone = await decisions.DrawAsync(db, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/zones/{zone.Id}", await ViewAsync(db, views, zone.Id, http));
        }).WithSummary("Draw a zone by picking addresses (communities, compounds, buildings, units); it is in force at once and its residents' codes change. An address already in a zone at the same or a higher level is refused, naming the member.");

        api.MapPost("/from-case/{caseId:long}", async (long caseId, FangkongDb db, ZoneProposals proposals, HttpContext http) =>
            TypedResults.Ok(await proposals.ProposeFromCaseAsync(db, caseId, new TraceReader(http.User.UserId(), http.User.UserName(), $"zones for case {caseId}"), http.RequestAborted)))
            .WithSummary("Propose zones from a case: its home compound sealed, its community controlled, compounds it frequented in its infectious window controlled (the read of its visits is audited). Places already in a zone add the case to it.");

        api.MapPost("/{id:long}/confirm", async (long id, ZoneDecision body, FangkongDb db, ZoneDecisions decisions, ZoneViews views, HttpContext http) =>
        {
            await decisions.ConfirmAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(await ViewAsync(db, views, id, http));
        }).WithSummary("Confirm a proposed zone: it comes into force and its residents' codes change at once.");

        api.MapPost("/{id:long}/dismiss", async (long id, ZoneDecision body, FangkongDb db, ZoneDecisions decisions, ZoneViews views, HttpContext http) =>
        {
            await decisions.DismissAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(await ViewAsync(db, views, id, http));
        }).WithSummary("Dismiss a proposed zone.");

        api.MapPost("/{id:long}/extend", async (long id, ZoneExtension body, FangkongDb db, ZoneDecisions decisions, ZoneViews views, HttpContext http) =>
        {
            await decisions.ExtendAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(await ViewAsync(db, views, id, http));
        }).WithSummary("Add addresses to a zone; the new residents of a zone in force have their codes changed at once.");

        api.MapPost("/{id:long}/request", async (long id, StepRequest body, FangkongDb db, ZoneSteps steps, ZoneViews views, HttpContext http) =>
        {
            await steps.RequestAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(await ViewAsync(db, views, id, http));
        }).WithSummary("Ask for the downgrade or lift the zone's rule proposes today (refused, listing what is missing, when it does not); another officer approves it.");

        api.MapPost("/{id:long}/approve", async (long id, FangkongDb db, ZoneSteps steps, ZoneViews views, HttpContext http) =>
        {
            await steps.ApproveAsync(db, id, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(await ViewAsync(db, views, id, http));
        }).WithSummary("Approve the downgrade or lift another officer asked for: it takes effect at once and its residents' codes change, explained.");

        api.MapPost("/{id:long}/reject", async (long id, ZoneDecision body, FangkongDb db, ZoneSteps steps, ZoneViews views, HttpContext http) =>
        {
            await steps.RejectAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(await ViewAsync(db, views, id, http));
        }).WithSummary("Withdraw a proposed or requested downgrade or lift.");

        api.MapPost("/review", async (FangkongDb db, ZoneReview review, HttpContext http) =>
            TypedResults.Ok(await review.RunAsync(db, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin)
            .WithSummary("Run today's review of every zone in force now (it also runs every morning): proposes each downgrade or lift the rules allow.");

        api.MapGet("/addresses", async (string? q, string? district, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await ZoneAddressSearch.FindAsync(db, q, district, http.RequestAborted)))
            .WithSummary("Communities and compounds whose name contains q (at most 50 of each), to pick for a zone.");

        api.MapGet("/addresses/compounds/{compoundId:long}", async (long compoundId, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await ZoneAddressSearch.InsideAsync(db, compoundId, http.RequestAborted)))
            .WithSummary("The buildings of a compound and their units, to pick for a zone.");
    }

    /// <summary>The city map as an SVG image, for the command center as for the officers (places and counts, no persons).</summary>
    public static void MapZoneMapApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/zones").WithTags("Zones").WithProblems().MapGet("/map.svg", async (long? zone, FangkongDb db, ZoneMaps maps, ZonePolicy policy,
            Microsoft.Extensions.Localization.IStringLocalizer<ZonesText> t, HttpContext http) =>
        {
            var map = await maps.ReadAsync(db, zone, http.RequestAborted);
            var svg = ZoneMapSvg.Render(map, ZoneMapSvg.Words(t, policy.Preset), System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
            return Results.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", "zones.svg");
        }).Produces<Stream>(StatusCodes.Status200OK, "image/svg+xml").RequireAuthorization(AuthSetup.CommandView)
            .WithSummary("The city map as SVG from the platform's own data: districts, compounds coloured by the level of their zone, homes of open cases and sampling sites; zone=ID frames one zone.");

    private static async Task<ZoneView> ViewAsync(FangkongDb db, ZoneViews views, long id, HttpContext http) =>
        await views.FindAsync(db, id, http.RequestAborted) ?? throw new NotFoundException("id", Messages.Get("Zones.NotFound"));
}

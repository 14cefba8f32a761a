using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Tracing;

/// <summary>A case's investigation (流调): the report, places added by hand, risk venues and their companions.</summary>
public static class InvestigationApi
{
    public static void MapInvestigationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Investigation").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        api.MapGet("/chain", async (DateTime? from, DateTime? to, bool? secondary, bool? companions, bool? proposed, int? minCluster, int? maxNodes,
            FangkongDb db, Fangkong.Core.Common.CityClock clock, HttpContext http) =>
            TypedResults.Ok(await TransmissionChain.BuildAsync(db, new ChainFilter(from is { } f ? clock.AsUtc(f) : null, to is { } t ? clock.AsUtc(t) : null,
                secondary == true, companions == true, proposed == true, minCluster ?? 1, maxNodes ?? 2000), http.RequestAborted)))
            .WithSummary("The chain of transmission: cases reported in the period and their contacts as nodes, contact and infection links as edges, clusters largest first (masked).");

        api.MapGet("/chain/cases", async (DateOnly? from, DateOnly? to, string? district, int? cluster, bool? secondary, bool? proposed, int? maxCases,
            FangkongDb db, Fangkong.Core.Common.CityClock clock, HttpContext http) =>
            TypedResults.Ok(await CaseChain.BuildAsync(db, new CaseChainFilter
            {
                From = from,
                To = to,
                District = district,
                Cluster = cluster,
                IncludeSecondary = secondary == true,
                IncludeProposed = proposed == true,
                MaxCases = maxCases ?? CaseChain.DefaultMaxCases,
            }, clock, http.RequestAborted)))
            .WithSummary("The chain of transmission case by case: cases reported from–to (city dates) in a district, the infection links between them " +
                "(a contact of one became the next), each case's other contacts as counts, and clusters largest first (cluster=N keeps one); masked.");

        api.MapGet("/{id:long}/investigation", async (long id, FangkongDb db, Investigation investigation, HttpContext http) =>
            TypedResults.Ok(await investigation.ReportAsync(db, id, Reader(http, id), http.RequestAborted)))
            .WithSummary("The investigation report: exposure window, one timeline of entry records and added places, contacts by grade and decision (the trajectory read is audited).");

        api.MapPost("/{id:long}/places", async (long id, NewPlace body, FangkongDb db, Investigation investigation, HttpContext http) =>
        {
            var place = await investigation.AddPlaceAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/cases/{id}/places/{place.Id}", place);
        }).WithSummary("Add a place learned by interview, with its time range; linked to a venue it is searched for contacts like an entry record.");

        api.MapDelete("/{id:long}/places/{placeId:long}", async (long id, long placeId, FangkongDb db, HttpContext http) =>
        {
            await Investigation.RemovePlaceAsync(db, id, placeId, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Remove a place added by mistake.");

        api.MapPost("/{id:long}/risk-windows", async (long id, NewRiskWindow body, FangkongDb db, Companions companions, HttpContext http) =>
            TypedResults.Ok(await companions.FlagAsync(db, id, body, Reader(http, id), http.RequestAborted)))
            .WithSummary("Flag a risk venue and time window of the case: its visitors then are proposed as companions (yellow once confirmed; audited).");
    }

    private static TraceReader Reader(HttpContext http, long caseId) => new(http.User.UserId(), http.User.UserName(), $"case {caseId}");
}

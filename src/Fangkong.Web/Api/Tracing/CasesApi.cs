using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Tracing;

/// <summary>How many proposals a decision changed.</summary>
public sealed record ContactsDecided(int Changed);

/// <summary>Cases and their contacts: the automatic proposal of close contacts and the epidemiologist's decisions.</summary>
public static class CasesApi
{
    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        api.MapGet("/", async (CaseClass? @class, int? page, int? pageSize, FangkongDb db, CaseViews cases, HttpContext http) =>
            TypedResults.Ok(await cases.PageAsync(db, @class, page, pageSize, http.RequestAborted)))
            .WithSummary("Cases, newest report first.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, CaseViews cases, HttpContext http) => TypedResults.Ok(await cases.GetAsync(db, id, http.RequestAborted)))
            .WithSummary("One case with its contact counts.");

        api.MapPost("/", async (NewCase body, FangkongDb db, CaseRegistry registry, CaseViews cases, HttpContext http) =>
        {
            var c = await registry.ReportAsync(db, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/cases/{c.Id}", await cases.GetAsync(db, c.Id, http.RequestAborted));
        }).WithSummary("Report a case found outside a testing round (fever clinic, checkpoint, contact under quarantine).");

        api.MapPatch("/{id:long}", async (long id, CaseUpdate body, FangkongDb db, CaseRegistry registry, CaseViews cases, HttpContext http) =>
        {
            await registry.UpdateAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Ok(await cases.GetAsync(db, id, http.RequestAborted));
        }).WithSummary("Classify (asymptomatic → confirmed is a conversion), set onset or isolation, record the course (in hospital, discharged, released, died).");

        api.MapGet("/{id:long}/events", async (long id, FangkongDb db, CaseViews cases, HttpContext http) =>
            TypedResults.Ok(await cases.EventsAsync(db, id, http.RequestAborted)))
            .WithSummary("The case's history: every classification and status change, who and when.");

        api.MapGet("/{id:long}/timeline", async (long id, FangkongDb db, CaseTimeline timeline, HttpContext http) =>
            TypedResults.Ok(await timeline.ReadAsync(db, id, new TraceReader(http.User.UserId(), http.User.UserName(), $"case {id}"), http.RequestAborted)))
            .WithSummary("The case's whole story, oldest first: onset, samples and results, beds and transfers, contacts, zones, and who read or changed what (audited).");

        api.MapPost("/{id:long}/contacts/search", async (long id, FangkongDb db, ContactSearch search, HttpContext http) =>
            TypedResults.Ok(await search.ProposeAsync(db, id, new TraceReader(http.User.UserId(), http.User.UserName(), $"case {id}"), http.RequestAborted)))
            .WithSummary("Propose close contacts from the household and from overlapping visits in the exposure window (audited); proposes only new persons.");

        api.MapPost("/{id:long}/contacts/search-secondary", async (long id, FangkongDb db, ContactSearch search, HttpContext http) =>
            TypedResults.Ok(await search.ProposeSecondaryAsync(db, id, new TraceReader(http.User.UserId(), http.User.UserName(), $"case {id}"), http.RequestAborted)))
            .WithSummary("Propose secondary contacts around each confirmed close contact, from their first exposure to their isolation (409 where the policy edition identifies none).");

        api.MapGet("/{id:long}/contacts", async (long id, ProposalStatus? status, ContactGrade? grade, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await ContactDecisions.ListAsync(db, id, status, grade, page, pageSize, http.RequestAborted)))
            .WithSummary("Proposed contacts with their evidence (masked), earliest exposure first.");

        api.MapPost("/{id:long}/contacts/decide", async (long id, ContactDecision body, FangkongDb db, ContactDecisions decisions, HttpContext http) =>
            TypedResults.Ok(new ContactsDecided(await decisions.DecideAsync(db, id, body, http.User.UserId(), http.RequestAborted))))
            .WithSummary("Confirm or dismiss proposals, singly or in bulk (a dismissal needs a note); confirmed close contacts turn red, secondary yellow.");

        api.MapPost("/{id:long}/contacts/quarantine", async (long id, PlaceRequest body, FangkongDb db, QuarantinePlacement placement, HttpContext http) =>
            TypedResults.Ok(await placement.PlaceAsync(db, id, body, http.RequestAborted)))
            .WithSummary("Quarantine confirmed contacts under the case's preset: a room per family at the site (or home isolation); refusals listed with the reason.");

        api.MapPost("/{id:long}/contacts/quarantine/preview", async (long id, PlaceRequest body, FangkongDb db, QuarantinePlacement placement, HttpContext http) =>
            TypedResults.Ok(await placement.PreviewAsync(db, id, body, http.RequestAborted)))
            .WithSummary("What placing these contacts would do, person by person — place, room, day 1, release date, tests, transfers, code colour — and the refusals; writes nothing.");

        api.MapPost("/{id:long}/contacts/release/preview", async (long id, ReleaseRequest body, FangkongDb db, ContactRelease release, HttpContext http) =>
            TypedResults.Ok(await release.PreviewAsync(db, id, body, http.RequestAborted)))
            .WithSummary("What releasing these contacts would do — the place left, tests dropped, designations released along, code colour — and the refusals; writes nothing.");

        api.MapPost("/{id:long}/contacts/release", async (long id, ReleaseRequest body, FangkongDb db, ContactRelease release, HttpContext http) =>
            TypedResults.Ok(await release.ReleaseAsync(db, id, body, http.RequestAborted)))
            .WithSummary("Release confirmed contacts whose preset is served with every scheduled test negative; the others are listed with the reason.");
    }
}

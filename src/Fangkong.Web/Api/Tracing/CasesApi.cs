using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Api.Tracing;

public sealed record CaseView(long Id, string Number, long PersonId, string MaskedName, CaseClass Class, CaseFoundBy FoundBy, DateOnly? OnsetDate,
    DateTime FirstPositiveSampledAtUtc, DateTime ReportedAtUtc, DateTime? IsolatedAtUtc, Fangkong.Domain.Tracing.PolicyEdition Edition,
    CaseStatus Status, DateTime? StatusAtUtc, string? TreatedAt, DateTime? ConvertedAtUtc, int ProposedContacts, int ConfirmedContacts);

/// <summary>Cases and their contacts: the automatic proposal of close contacts and the epidemiologist's decisions.</summary>
public static class CasesApi
{
    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        api.MapGet("/", async (CaseClass? @class, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
        {
            var (p, s) = Paging.Normalise(page, pageSize);
            var q = db.Cases.AsNoTracking();
            if (@class is { } c) q = q.Where(x => x.Class == c);
            var total = await q.LongCountAsync(http.RequestAborted);
            var ids = await q.OrderByDescending(x => x.ReportedAtUtc).ThenByDescending(x => x.Id).Skip((p - 1) * s).Take(s).Select(x => x.Id).ToListAsync(http.RequestAborted);
            var views = new List<CaseView>();
            foreach (var id in ids) views.Add(await ViewAsync(db, id, http.RequestAborted));
            return Results.Ok(new Page<CaseView>(views, p, s, total));
        }).WithSummary("Cases, newest report first.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, HttpContext http) => Results.Ok(await ViewAsync(db, id, http.RequestAborted)))
            .WithSummary("One case with its contact counts.");

        api.MapPost("/", async (NewCase body, FangkongDb db, CaseRegistry registry, HttpContext http) =>
        {
            var c = await registry.ReportAsync(db, body, http.User.UserId(), http.RequestAborted);
            return Results.Created($"/api/cases/{c.Id}", await ViewAsync(db, c.Id, http.RequestAborted));
        }).WithSummary("Report a case found outside a testing round (fever clinic, checkpoint, contact under quarantine).");

        api.MapPatch("/{id:long}", async (long id, CaseUpdate body, FangkongDb db, CaseRegistry registry, HttpContext http) =>
        {
            await registry.UpdateAsync(db, id, body, http.User.UserId(), http.RequestAborted);
            return Results.Ok(await ViewAsync(db, id, http.RequestAborted));
        }).WithSummary("Classify (asymptomatic → confirmed is a conversion), set onset or isolation, record the course (in hospital, discharged, released, died).");

        api.MapGet("/{id:long}/events", async (long id, FangkongDb db, HttpContext http) =>
        {
            if (!await db.Cases.AnyAsync(c => c.Id == id, http.RequestAborted)) throw new NotFoundException("id", "病例不存在 / no such case");
            return Results.Ok(await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(http.RequestAborted));
        }).WithSummary("The case's history: every classification and status change, who and when.");

        api.MapPost("/{id:long}/contacts/search", async (long id, FangkongDb db, ContactSearch search, HttpContext http) =>
            Results.Ok(await search.ProposeAsync(db, id, new TraceReader(http.User.UserId(), http.User.UserName(), $"case {id}"), http.RequestAborted)))
            .WithSummary("Propose close contacts from the household and from overlapping visits in the exposure window (audited); proposes only new persons.");

        api.MapPost("/{id:long}/contacts/search-secondary", async (long id, FangkongDb db, ContactSearch search, HttpContext http) =>
            Results.Ok(await search.ProposeSecondaryAsync(db, id, new TraceReader(http.User.UserId(), http.User.UserName(), $"case {id}"), http.RequestAborted)))
            .WithSummary("Propose secondary contacts around each confirmed close contact, from their first exposure to their isolation (409 where the policy edition identifies none).");

        api.MapGet("/{id:long}/contacts", async (long id, ProposalStatus? status, ContactGrade? grade, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            Results.Ok(await ContactDecisions.ListAsync(db, id, status, grade, page, pageSize, http.RequestAborted)))
            .WithSummary("Proposed contacts with their evidence (masked), earliest exposure first.");

        api.MapPost("/{id:long}/contacts/decide", async (long id, ContactDecision body, FangkongDb db, ContactDecisions decisions, HttpContext http) =>
            Results.Ok(new { changed = await decisions.DecideAsync(db, id, body, http.User.UserId(), http.RequestAborted) }))
            .WithSummary("Confirm or dismiss proposals, singly or in bulk (a dismissal needs a note); confirmed close contacts turn red, secondary yellow.");

        api.MapPost("/{id:long}/contacts/quarantine", async (long id, PlaceRequest body, FangkongDb db, QuarantinePlacement placement, HttpContext http) =>
            Results.Ok(await placement.PlaceAsync(db, id, body, http.RequestAborted)))
            .WithSummary("Quarantine confirmed contacts under the case's preset: a room per family at the site (or home isolation); refusals listed with the reason.");

        api.MapPost("/{id:long}/contacts/release", async (long id, ReleaseRequest body, FangkongDb db, ContactRelease release, HttpContext http) =>
            Results.Ok(await release.ReleaseAsync(db, id, body, http.RequestAborted)))
            .WithSummary("Release confirmed contacts whose preset is served with every scheduled test negative; the others are listed with the reason.");
    }

    private static async Task<CaseView> ViewAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var row = await (from c in db.Cases.AsNoTracking()
                         where c.Id == id
                         join p in db.Persons on c.PersonId equals p.Id
                         select new { c, p.Name }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("id", "病例不存在 / no such case");
        var proposed = await db.ContactProposals.CountAsync(x => x.CaseId == id && x.Status == ProposalStatus.Proposed, ct);
        var confirmed = await db.ContactProposals.CountAsync(x => x.CaseId == id && x.Status == ProposalStatus.Confirmed, ct);
        var k = row.c;
        return new CaseView(k.Id, k.Number, k.PersonId, Masking.Name(row.Name), k.Class, k.FoundBy, k.OnsetDate, k.FirstPositiveSampledAtUtc, k.ReportedAtUtc,
            k.IsolatedAtUtc, k.Edition, k.Status, k.StatusAtUtc, k.TreatedAt, k.ConvertedAtUtc, proposed, confirmed);
    }
}

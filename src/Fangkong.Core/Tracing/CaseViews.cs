using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>A case as the API and the case page show it: the person's name masked, with the counts of its proposed and confirmed contacts.</summary>
public sealed record CaseView(long Id, string Number, long PersonId, string MaskedName, CaseClass Class, CaseFoundBy FoundBy, DateOnly? OnsetDate,
    DateTime FirstPositiveSampledAtUtc, DateTime ReportedAtUtc, DateTime? IsolatedAtUtc, PolicyEdition Edition,
    CaseStatus Status, DateTime? StatusAtUtc, string? TreatedAt, DateTime? ConvertedAtUtc, int ProposedContacts, int ConfirmedContacts);

/// <summary>
/// Reads cases for display. A page of cases is one query (name and contact counts as subqueries of the same
/// statement) plus its count, whatever the page size: never a query per case.
/// </summary>
public sealed class CaseViews
{
    public async Task<CaseView?> FindAsync(FangkongDb db, long id, CancellationToken ct) =>
        (await ViewsAsync(db, db.Cases.AsNoTracking().Where(c => c.Id == id), ct)).SingleOrDefault();

    public async Task<CaseView> GetAsync(FangkongDb db, long id, CancellationToken ct) =>
        await FindAsync(db, id, ct) ?? throw new NotFoundException("id", Messages.Get("Tracing.NoSuchCase"));

    /// <summary>Cases, newest report first, optionally of one classification.</summary>
    public async Task<Page<CaseView>> PageAsync(FangkongDb db, CaseClass? @class, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, pageSize);
        var q = db.Cases.AsNoTracking();
        if (@class is { } c) q = q.Where(x => x.Class == c);
        var total = await q.LongCountAsync(ct);
        var items = await ViewsAsync(db, q.OrderByDescending(x => x.ReportedAtUtc).ThenByDescending(x => x.Id).Skip((p - 1) * s).Take(s), ct);
        return new Page<CaseView>(items, p, s, total);
    }

    /// <summary>The case's history: every classification and status change, oldest first.</summary>
    public async Task<IReadOnlyList<CaseEvent>> EventsAsync(FangkongDb db, long id, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct)) throw new NotFoundException("id", Messages.Get("Tracing.NoSuchCase"));
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
    }

    private static async Task<List<CaseView>> ViewsAsync(FangkongDb db, IQueryable<CaseRecord> cases, CancellationToken ct)
    {
        var rows = await cases.Select(c => new
        {
            c,
            Name = db.Persons.Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstOrDefault(),
            Proposed = db.ContactProposals.Count(x => x.CaseId == c.Id && x.Status == ProposalStatus.Proposed),
            Confirmed = db.ContactProposals.Count(x => x.CaseId == c.Id && x.Status == ProposalStatus.Confirmed),
        }).ToListAsync(ct);
        return rows.Select(r => new CaseView(r.c.Id, r.c.Number, r.c.PersonId, Masking.Name(r.Name), r.c.Class, r.c.FoundBy, r.c.OnsetDate,
            r.c.FirstPositiveSampledAtUtc, r.c.ReportedAtUtc, r.c.IsolatedAtUtc, r.c.Edition, r.c.Status, r.c.StatusAtUtc, r.c.TreatedAt,
            r.c.ConvertedAtUtc, r.Proposed, r.Confirmed)).ToList();
    }
}

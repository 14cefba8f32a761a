using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>A proposed contact as the epidemiologist reviews it: masked person and the evidence.</summary>
public sealed record ContactView(long Id, long PersonId, string MaskedName, ContactGrade Grade, ContactKind Kind, long? VenueId, string? VenueName,
    DateTime? SourceInUtc, DateTime? SourceOutUtc, DateTime? ContactInUtc, DateTime? ContactOutUtc, int OverlapMinutes, DateTime FirstExposureUtc,
    ProposalStatus Status, DateTime? DecidedAtUtc, string? Note);

public sealed record ContactDecision(IReadOnlyList<long>? Ids, ProposalStatus? Status, string? Note);

/// <summary>Lists a case's proposed contacts and records the epidemiologist's decisions, singly or in bulk.</summary>
public sealed class ContactDecisions(CityClock clock, ICodeRecompute codes)
{
    public const int MaxBulk = 5000;

    public static async Task<Page<ContactView>> ListAsync(FangkongDb db, long caseId, ProposalStatus? status, ContactGrade? grade, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct)) throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.ContactProposals.AsNoTracking().Where(x => x.CaseId == caseId);
        if (status is { } s) q = q.Where(x => x.Status == s);
        if (grade is { } g) q = q.Where(x => x.Grade == g);
        var total = await q.LongCountAsync(ct);
        var rows = await (from x in q.OrderBy(x => x.FirstExposureUtc).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size)
                          join person in db.Persons on x.PersonId equals person.Id
                          join venue in db.Venues on x.VenueId equals (long?)venue.Id into vs
                          from venue in vs.DefaultIfEmpty()
                          select new { x, person.Name, VenueName = venue == null ? null : venue.Name }).ToListAsync(ct);
        var items = rows.Select(r => new ContactView(r.x.Id, r.x.PersonId, Masking.Name(r.Name), r.x.Grade, r.x.Kind, r.x.VenueId, r.VenueName,
            r.x.SourceInUtc, r.x.SourceOutUtc, r.x.ContactInUtc, r.x.ContactOutUtc, r.x.OverlapMinutes, r.x.FirstExposureUtc, r.x.Status,
            r.x.DecidedAtUtc, Notes.Word(r.x.Note, r.x.PlatformNotes))).ToList();
        return new Page<ContactView>(items, p, size, total);
    }

    /// <summary>Confirms or dismisses proposals of one case; every id must belong to it, or nothing changes.</summary>
    public async Task<int> DecideAsync(FangkongDb db, long caseId, ContactDecision d, long userId, CancellationToken ct)
    {
        if (d.Status is not (ProposalStatus.Confirmed or ProposalStatus.Dismissed))
            throw new InputException("status", Messages.Get("Tracing.DecisionStatus"));
        if (d.Ids is null || d.Ids.Count is 0 or > MaxBulk) throw new InputException("ids", Messages.Get("Tracing.ChooseProposals", MaxBulk));
        var note = d.Note?.Trim();
        if (note is { Length: > 500 }) throw new InputException("note", Messages.Get("Tracing.DecisionNoteTooLong"));
        if (d.Status == ProposalStatus.Dismissed && string.IsNullOrEmpty(note))
            throw new InputException("note", Messages.Get("Tracing.DismissalNeedsReason"));
        var wanted = d.Ids.Distinct().ToList();
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct)) throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var now = clock.UtcNow;
        var n = await db.ContactProposals.Where(x => x.CaseId == caseId && wanted.Contains(x.Id)).CountAsync(ct);
        if (n != wanted.Count) throw new NotFoundException("ids", Messages.Get("Tracing.ProposalsNotOfCase"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.ContactProposals.Where(x => x.CaseId == caseId && wanted.Contains(x.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, d.Status.Value).SetProperty(x => x.DecidedByUserId, userId)
                .SetProperty(x => x.DecidedAtUtc, now).SetProperty(x => x.Note, note), ct);
        // A confirmed close contact turns red, a secondary one yellow; a dismissal may turn them back. Explained in the code's log.
        var persons = await db.ContactProposals.Where(x => wanted.Contains(x.Id)).Select(x => x.PersonId).Distinct().ToListAsync(ct);
        await codes.RecomputeManyAsync(db, persons, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return changed;
    }
    /// <summary>
    /// The case and the chosen contacts of it (tracked, for callers that change them), or a clear refusal: 1 to
    /// <see cref="MaxBulk"/> ids, every one of this case.
    /// </summary>
    public static async Task<(CaseRecord Case, List<ContactProposal> Contacts)> OfCaseAsync(FangkongDb db, long caseId, IReadOnlyList<long>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count is 0 or > MaxBulk) throw new InputException("ids", Messages.Get("Tracing.ChooseContacts", MaxBulk));
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var wanted = ids.Distinct().ToList();
        var contacts = await db.ContactProposals.Where(x => x.CaseId == caseId && wanted.Contains(x.Id)).ToListAsync(ct);
        if (contacts.Count != wanted.Count) throw new NotFoundException("ids", Messages.Get("Tracing.ContactsNotOfCase"));
        return (c, contacts);
    }
}

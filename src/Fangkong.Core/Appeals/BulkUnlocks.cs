using Fangkong.Core.Accounts;
using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>
/// An employer (a venue's manager) asks for their staff's codes to be turned green; officers review it as one request:
/// one asks for it, a second approves (the same two-officer rule as manual colours). Each person unlocked gets an
/// approved green manual colour explained by the request's number; a person with a case or a contact fact behind
/// their colour is refused individually, with the reason — no unlock hides an epidemiological fact.
/// </summary>
public sealed class BulkUnlocks(HealthCodeService codes, AppealPolicy policy, CityClock clock, TimeOrderedIds ids)
{
    public const string AuditKind = "appeal:bulk";

    public async Task<BulkUnlockRow> SubmitAsync(FangkongDb db, long userId, BulkSubmission s, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new ForbiddenException(Messages.Get("Appeals.Bulk.NotEmployer"));
        if (user.Role != Roles.VenueManager || user.VenueId is not { } venueId) throw new ForbiddenException(Messages.Get("Appeals.Bulk.NotEmployer"));
        var reason = s.Reason?.Trim() ?? "";
        if (reason.Length < 4) throw new InputException("reason", Messages.Get("Appeals.AnswerRequired", 4));
        if (reason.Length > 400) throw new InputException("reason", Messages.Get("Appeals.AnswerTooLong", 400));
        var lines = BulkLines.Parse(s.Text, policy.MaxBulkLines, DateOnly.FromDateTime(clock.LocalNow));
        var numbers = lines.Select(l => l.IdNumber).ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => p.DocumentType == DocumentType.ResidentIdCard && numbers.Contains(p.DocumentNumber))
            .Select(p => new { p.Id, p.DocumentNumber }).ToDictionaryAsync(p => p.DocumentNumber, p => p.Id, ct);
        var unknown = lines.Where(l => !persons.ContainsKey(l.IdNumber))
            .Select(l => Messages.Get("Appeals.Bulk.LineError", l.Line, Messages.Get("Appeals.Bulk.Unknown"))).ToList();
        if (unknown.Count > 0) throw new InputException("text", string.Join(" ", unknown.Take(20)));
        var employer = await db.Venues.Where(v => v.Id == venueId).Select(v => v.Name).FirstOrDefaultAsync(ct) ?? user.DisplayName;
        var request = new BulkUnlock
        {
            Id = ids.Next(),
            VenueId = venueId,
            Employer = employer,
            SubmittedByUserId = userId,
            SubmittedAtUtc = clock.UtcNow,
            Reason = reason,
            State = BulkUnlockState.Submitted,
        };
        db.BulkUnlocks.Add(request);
        db.BulkUnlockLines.AddRange(lines.Select(l => new BulkUnlockLine
        {
            Id = ids.Next(),
            BulkUnlockId = request.Id,
            Line = l.Line,
            PersonId = persons[l.IdNumber],
            Outcome = BulkLineOutcome.Pending,
        }));
        await db.SaveChangesAsync(ct);
        return Row(request, lines.Count);
    }

    /// <summary>The requests a caller may see: an employer's own, every request for officers; newest first.</summary>
    public async Task<Page<BulkUnlockRow>> PageAsync(FangkongDb db, long userId, bool officer, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = Visible(db, userId, officer).AsNoTracking();
        var total = await q.LongCountAsync(ct);
        var rows = await q.OrderByDescending(b => b.SubmittedAtUtc).ThenByDescending(b => b.Id).Skip((p - 1) * size).Take(size)
            .Select(b => new { b, Count = db.BulkUnlockLines.Count(l => l.BulkUnlockId == b.Id) }).ToListAsync(ct);
        return new Page<BulkUnlockRow>(rows.Select(r => Row(r.b, r.Count)).ToList(), p, size, total);
    }

    /// <summary>One request with its persons (masked) and their colours; an officer's read is audited per person.</summary>
    public async Task<BulkUnlockDetail> DetailAsync(FangkongDb db, long userId, bool officer, long id, CancellationToken ct)
    {
        var request = await Visible(db, userId, officer).AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new NotFoundException("id", Messages.Get("Appeals.Bulk.NoSuchRequest"));
        var lines = await (from l in db.BulkUnlockLines.AsNoTracking()
                           where l.BulkUnlockId == id
                           join p in db.Persons on l.PersonId equals p.Id
                           orderby l.Line
                           select new { l, p.Name, p.DocumentNumber, Colour = db.Colours.Where(c => c.PersonId == p.Id).Select(c => (CodeColour?)c.Colour).FirstOrDefault() })
            .ToListAsync(ct);
        if (officer)
        {
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? "";
            var now = clock.UtcNow;
            foreach (var l in lines) TraceService.Audit(db, ids, new TraceReader(userId, name, request.Number), l.l.PersonId, null, AuditKind, request.Number, now, now, now);
            await db.SaveChangesAsync(ct);
        }
        return new BulkUnlockDetail(Row(request, lines.Count), request.RequestedByUserId, lines.Select(x => new BulkLineView(x.l.Line, x.l.PersonId,
            Masking.Name(x.Name), Masking.DocumentNumber(x.DocumentNumber), x.Colour ?? CodeColour.Green, x.l.Outcome,
            x.l.RefusalKey is { } key ? Messages.Get(key, x.l.RefusalEvidence ?? "") : null)).ToList());
    }

    /// <summary>The first officer reviews the list and asks for the unlock; who would be refused is marked now, and checked again on approval.</summary>
    public async Task<BulkUnlockDetail> RequestAsync(FangkongDb db, long officerId, long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await db.BulkUnlocks.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Appeals.Bulk.NoSuchRequest"));
        if (request.State != BulkUnlockState.Submitted) throw new ConflictException(Messages.Get("Appeals.Bulk.NotSubmitted"), "NotSubmitted");
        var lines = await db.BulkUnlockLines.Where(l => l.BulkUnlockId == id).ToListAsync(ct);
        await SortAsync(db, lines, ct);
        request.State = BulkUnlockState.Requested;
        request.RequestedByUserId = officerId;
        request.RequestedAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await DetailAsync(db, officerId, officer: true, id, ct);
    }

    /// <summary>
    /// A second officer approves (every person still without a case or contact fact turns green, explained by the request's
    /// number, in one transaction) or rejects with a note the employer reads.
    /// </summary>
    public async Task<BulkUnlockDetail> DecideAsync(FangkongDb db, long officerId, long id, bool approve, string? note, CancellationToken ct)
    {
        var text = note?.Trim();
        if (text is { Length: > 400 }) throw new InputException("note", Messages.Get("Appeals.AnswerTooLong", 400));
        if (!approve && (text is null || text.Length < 4)) throw new InputException("note", Messages.Get("Appeals.AnswerRequired", 4));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await db.BulkUnlocks.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Appeals.Bulk.NoSuchRequest"));
        if (request.State != BulkUnlockState.Requested) throw new ConflictException(Messages.Get("Appeals.Bulk.NotRequested"), "NotRequested");
        if (request.RequestedByUserId == officerId) throw new ConflictException(Messages.Get("Appeals.OwnUphold"), "OwnRequest");
        var now = clock.UtcNow;
        request.State = approve ? BulkUnlockState.Approved : BulkUnlockState.Rejected;
        request.DecidedByUserId = officerId;
        request.DecidedAtUtc = now;
        request.DecisionNote = string.IsNullOrEmpty(text) ? null : text;
        if (approve)
        {
            var lines = await db.BulkUnlockLines.Where(l => l.BulkUnlockId == id).ToListAsync(ct);
            await SortAsync(db, lines, ct);
            var unlock = lines.Where(l => l.Outcome == BulkLineOutcome.Pending).ToList();
            var personIds = unlock.Select(l => l.PersonId).ToList();
            var older = await db.ManualCodeRequests.Where(m => personIds.Contains(m.PersonId) && m.Status == ManualCodeStatus.Approved).ToListAsync(ct);
            foreach (var o in older) o.Status = ManualCodeStatus.Revoked;
            var reason = $"{request.Number} {request.Reason}";
            foreach (var l in unlock)
            {
                var m = new ManualCodeRequest
                {
                    Id = ids.Next(),
                    PersonId = l.PersonId,
                    Colour = CodeColour.Green,
                    Reason = reason.Length > 500 ? reason[..500] : reason,
                    RequestedByUserId = request.RequestedByUserId!.Value,
                    RequestedAtUtc = request.RequestedAtUtc!.Value,
                    DecidedByUserId = officerId,
                    DecidedAtUtc = now,
                    Status = ManualCodeStatus.Approved,
                };
                db.ManualCodeRequests.Add(m);
                l.ManualRequestId = m.Id;
                l.Outcome = BulkLineOutcome.Unlocked;
            }
            await db.SaveChangesAsync(ct);
            if (personIds.Count > 0) await codes.RecomputeManyAsync(db, personIds, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await DetailAsync(db, officerId, officer: true, id, ct);
    }

    // Marks each still-pending person: refused when a case or contact is behind their colour, already green when nothing
    // is, otherwise left pending (to be unlocked).
    private async Task SortAsync(FangkongDb db, List<BulkUnlockLine> lines, CancellationToken ct)
    {
        foreach (var l in lines.Where(l => l.Outcome == BulkLineOutcome.Pending))
        {
            var facts = await codes.LoadFactsAsync(db, l.PersonId, ct);
            if (facts.OfType<CaseFact>().FirstOrDefault() is { } c)
                (l.Outcome, l.RefusalKey, l.RefusalEvidence) = (BulkLineOutcome.Refused, "Appeals.Bulk.Refused.Case", c.EvidenceRef);
            else if (facts.OfType<ContactFact>().FirstOrDefault() is { } k)
                (l.Outcome, l.RefusalKey, l.RefusalEvidence) = (BulkLineOutcome.Refused, "Appeals.Bulk.Refused.Contact", k.EvidenceRef);
            else if (await codes.ColourAsync(db, l.PersonId, ct) == CodeColour.Green)
                l.Outcome = BulkLineOutcome.AlreadyGreen;
        }
    }

    private static IQueryable<BulkUnlock> Visible(FangkongDb db, long userId, bool officer) =>
        officer ? db.BulkUnlocks : db.BulkUnlocks.Where(b => b.SubmittedByUserId == userId);

    private static BulkUnlockRow Row(BulkUnlock b, int persons) =>
        new(b.Id, b.Number, b.Employer, b.State, persons, b.SubmittedAtUtc, b.Reason, b.DecisionNote);
}

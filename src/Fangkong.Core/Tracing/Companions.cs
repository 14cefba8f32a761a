using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>A venue flagged as a risk venue of a case for a time window: everyone inside then is a companion (时空伴随者).</summary>
public sealed class RiskWindow
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long VenueId { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }
    public long CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public sealed record NewRiskWindow(long? VenueId, DateTime? From, DateTime? To);

public sealed record RiskWindowRun(long RiskWindowId, int Visitors, int Proposed, int AlreadyContacts);

/// <summary>
/// Companions (domain.md §5): a risk venue and window → every visitor inside during it, proposed as a companion
/// (yellow once confirmed) unless already the case or one of its contacts. Released by itself after two negative tests
/// at least 24 h apart, sampled after the visit (<see cref="CompanionRule"/>).
/// </summary>
public sealed class Companions(TimeOrderedIds ids, CityClock clock, ICodeRecompute codes)
{
    public async Task<RiskWindowRun> FlagAsync(FangkongDb db, long caseId, NewRiskWindow r, TraceReader reader, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var venueId = r.VenueId ?? throw new InputException("venueId", Messages.Get("Tracing.VenueRequired"));
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct)) throw new InputException("venueId", Messages.Get("Tracing.NoSuchVenue"));
        var from = r.From is { } f ? clock.AsUtc(f) : throw new InputException("from", Messages.Get("Tracing.FromRequired"));
        var to = r.To is { } t ? clock.AsUtc(t) : throw new InputException("to", Messages.Get("Tracing.ToRequired"));
        if (to <= from) throw new InputException("to", Messages.Get("Tracing.ToNotAfterFrom"));
        if (to - from > TimeSpan.FromDays(1)) throw new InputException("to", Messages.Get("Tracing.RiskWindowTooLong"));
        if (from > clock.UtcNow) throw new InputException("from", Messages.Get("Tracing.WindowStartsInFuture"));
        Investigation.CheckWithinWindow(c, from, clock);
        var now = clock.UtcNow;
        var window = new RiskWindow { Id = ids.Next(), CaseId = caseId, VenueId = venueId, FromUtc = from, ToUtc = to, CreatedByUserId = reader.UserId, CreatedAtUtc = now };
        db.RiskWindows.Add(window);

        var earliest = from.AddDays(-1);
        var visits = await db.Visits.AsNoTracking().Where(v => v.VenueId == venueId && v.EnteredAtUtc >= earliest && v.EnteredAtUtc < to && (v.ExitedAtUtc == null || v.ExitedAtUtc > from))
            .Select(v => new { v.PersonId, v.EnteredAtUtc, v.ExitedAtUtc }).ToListAsync(ct);
        var known = (await db.ContactProposals.Where(p => p.CaseId == caseId).Select(p => p.PersonId).ToListAsync(ct)).ToHashSet();
        known.Add(c.PersonId);
        var proposed = 0;
        var persons = visits.GroupBy(v => v.PersonId).ToList();
        foreach (var person in persons.Where(g => !known.Contains(g.Key)))
        {
            var v = person.OrderBy(x => x.EnteredAtUtc).First();
            var exit = v.ExitedAtUtc ?? now;
            db.ContactProposals.Add(new ContactProposal
            {
                Id = ids.Next(),
                CaseId = caseId,
                PersonId = person.Key,
                Grade = ContactGrade.Companion,
                Kind = ContactKind.SharedVisit,
                VenueId = venueId,
                SourceInUtc = from,
                SourceOutUtc = to,
                ContactInUtc = v.EnteredAtUtc,
                ContactOutUtc = exit,
                OverlapMinutes = (int)Math.Ceiling(ContactThresholds.Overlap(from, to, v.EnteredAtUtc, exit).TotalMinutes),
                FirstExposureUtc = v.EnteredAtUtc > from ? v.EnteredAtUtc : from,
                ProposedAtUtc = now,
            });
            proposed++;
        }
        TraceService.Audit(db, ids, reader, null, venueId, "risk-window", new Message("Tracing.CompanionsPurpose", caseId.ToString(CultureInfo.InvariantCulture)), from, to, now);
        await db.SaveChangesAsync(ct);
        return new RiskWindowRun(window.Id, persons.Count, proposed, persons.Count - proposed);
    }

    /// <summary>After results: confirmed companions among the tested with two negatives 24 h apart since the visit are released, green.</summary>
    public async Task<int> ReleaseTestedAsync(FangkongDb db, IReadOnlyCollection<long> testedPersons, CancellationToken ct)
    {
        var open = new List<ContactProposal>();
        foreach (var chunk in testedPersons.Distinct().Chunk(1000))
            open.AddRange(await db.ContactProposals.Where(x => x.Grade == ContactGrade.Companion && x.Status == ProposalStatus.Confirmed && x.ReleasedAtUtc == null
                && chunk.Contains(x.PersonId)).ToListAsync(ct));
        if (open.Count == 0) return 0;
        var persons = open.Select(x => x.PersonId).Distinct().ToList();
        var tests = (await db.TestResults.AsNoTracking().Where(t => persons.Contains(t.PersonId)).Select(t => new { t.PersonId, t.SampledAtUtc, t.Outcome }).ToListAsync(ct))
            .ToLookup(t => t.PersonId, t => (t.SampledAtUtc, t.Outcome == TestOutcome.Positive));
        var now = clock.UtcNow;
        var released = open.Where(x => CompanionRule.MayRelease(x.ContactOutUtc ?? x.FirstExposureUtc, tests[x.PersonId])).ToList();
        foreach (var x in released) x.ReleasedAtUtc = now;
        await db.SaveChangesAsync(ct);
        if (released.Count > 0)
        {
            await codes.RecomputeManyAsync(db, released.Select(x => x.PersonId).ToHashSet(), ct);
            await db.SaveChangesAsync(ct);
        }
        return released.Count;
    }
}

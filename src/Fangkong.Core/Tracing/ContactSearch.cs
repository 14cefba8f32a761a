using System.Diagnostics;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>What one search for a case's close contacts proposed.</summary>
public sealed record ContactSearchRun(long CaseId, PolicyEdition Edition, DateTime WindowStartUtc, DateTime WindowEndUtc,
    int CaseVisits, int VisitsScanned, int HouseholdProposed, int VisitProposed, int AlreadyProposed, double Milliseconds);

/// <summary>
/// Proposes a case's close contacts (domain.md §5): the household, and everyone whose stay at a close-contact-grade
/// venue overlapped the case's within its exposure window by the venue type's threshold. The overlap search is a
/// sort-and-sweep over the visits at the case's venues (<see cref="ContactFinder"/>), not a SQL self-join. Nothing
/// is decided here: an epidemiologist confirms or dismisses each proposal. Running it again proposes only new persons.
/// </summary>
public sealed class ContactSearch(TimeOrderedIds ids, CityClock clock, ContactThresholds thresholds)
{
    /// <summary>Visits are closed by the venue's closing time at the latest, so none lasts longer than this.</summary>
    private static readonly TimeSpan LongestStay = TimeSpan.FromDays(1);

    public async Task<ContactSearchRun> ProposeAsync(FangkongDb db, long caseId, TraceReader reader, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", "病例不存在 / no such case");
        var now = clock.UtcNow;
        var onset = c.OnsetDate ?? DateOnly.FromDateTime(clock.ToLocal(c.FirstPositiveSampledAtUtc));
        var window = ExposureWindow.ForCase(onset, c.IsolatedAtUtc, now, TracingPolicy.For(c.Edition), clock.Offset);

        var known = (await db.ContactProposals.Where(p => p.CaseId == caseId && p.Grade == ContactGrade.Close).Select(p => p.PersonId).ToListAsync(ct)).ToHashSet();
        var alreadyProposed = known.Count;
        known.Add(c.PersonId);

        // The household: close contacts by definition, exposed from the window's start.
        var householdId = await db.Persons.Where(p => p.Id == c.PersonId).Select(p => p.HouseholdId).FirstAsync(ct);
        var household = householdId is { } h
            ? await db.Persons.Where(p => p.HouseholdId == h && p.Id != c.PersonId).Select(p => p.Id).ToListAsync(ct)
            : [];
        var added = new List<ContactProposal>();
        foreach (var member in household.Where(known.Add))
            added.Add(New(caseId, member, ContactKind.Household, window.StartUtc, now));
        var householdCount = added.Count;

        // Shared visits.
        var caseStays = await StaysAsync(db.Visits.Where(v => v.PersonId == c.PersonId), window, now, ct);
        var venueIds = caseStays.Select(s => s.VenueId).Distinct().ToList();
        var types = await db.Venues.Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Type, ct);
        var gradeVenues = venueIds.Where(v => types.TryGetValue(v, out var t) && thresholds.IsCloseContactGrade(t)).ToList();
        var others = await StaysAsync(db.Visits.Where(v => gradeVenues.Contains(v.VenueId)), window, now, ct);
        var index = new StayIndex(others);
        var found = ContactFinder.Find(index, caseStays, window, v => types.TryGetValue(v, out var t) ? t : (VenueType?)null, thresholds, known);
        foreach (var e in found)
        {
            var p = New(caseId, e.PersonId, ContactKind.SharedVisit, e.FirstTogetherUtc, now);
            p.VenueId = e.VenueId;
            p.SourceInUtc = e.SourceInUtc;
            p.SourceOutUtc = e.SourceOutUtc;
            p.ContactInUtc = e.ContactInUtc;
            p.ContactOutUtc = e.ContactOutUtc;
            p.OverlapMinutes = (int)Math.Ceiling(e.Overlap.TotalMinutes);
            added.Add(p);
        }
        db.ContactProposals.AddRange(added);
        // Reading the case's trajectory to find contacts is a read of personal data: audited like any other.
        db.TraceAccesses.Add(new TraceAccess
        {
            Id = ids.Next(),
            UserId = reader.UserId,
            UserName = reader.UserName,
            PersonId = c.PersonId,
            Kind = "contact-search",
            Purpose = $"病例{caseId}密接排查 / contact search for case {caseId}",
            FromUtc = window.StartUtc,
            ToUtc = window.EndUtc,
            AtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        return new ContactSearchRun(caseId, c.Edition, window.StartUtc, window.EndUtc, caseStays.Count, others.Count, householdCount,
            added.Count - householdCount, alreadyProposed, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Visits overlapping the window as stays; a visit still open lasts until now.</summary>
    private static async Task<List<Stay>> StaysAsync(IQueryable<Gate.Visit> visits, ExposureWindow window, DateTime now, CancellationToken ct)
    {
        var earliest = window.StartUtc - LongestStay;
        var rows = await visits.Where(v => v.EnteredAtUtc >= earliest && v.EnteredAtUtc < window.EndUtc)
            .Select(v => new { v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc }).ToListAsync(ct);
        return rows.Select(v => new Stay(v.PersonId, v.VenueId, v.EnteredAtUtc.Ticks, (v.ExitedAtUtc ?? now).Ticks))
            .Where(s => s.OutTicks > window.StartUtc.Ticks).ToList();
    }

    private ContactProposal New(long caseId, long personId, ContactKind kind, DateTime firstExposure, DateTime now) => new()
    {
        Id = ids.Next(),
        CaseId = caseId,
        PersonId = personId,
        Grade = ContactGrade.Close,
        Kind = kind,
        FirstExposureUtc = firstExposure,
        Status = ProposalStatus.Proposed,
        ProposedAtUtc = now,
    };
}

using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Places;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>What one search for a case's contacts proposed.</summary>
public sealed record ContactSearchRun(long CaseId, PolicyEdition Edition, ContactGrade Grade, DateTime WindowStartUtc, DateTime WindowEndUtc,
    int SourceVisits, int VisitsScanned, int HouseholdProposed, int VisitProposed, int AlreadyProposed, double Milliseconds);

/// <summary>
/// Proposes a case's contacts (domain.md §5). Close contacts: the household, and everyone whose stay at a
/// close-contact-grade venue overlapped the case's within its exposure window by the venue type's threshold.
/// Secondary contacts: the same search around each confirmed close contact, from their first exposure to the case
/// until their isolation — when the case's policy edition identifies them. The overlap search is a sort-and-sweep over
/// the visits at the source's venues (<see cref="ContactFinder"/>), not a SQL self-join; the stays come from the process's
/// long-lived <see cref="StayIndex"/> once it is built (ADR 0033), from the store until then. Nothing is decided here: an
/// epidemiologist confirms or dismisses each proposal. Running a search again proposes only new persons.
/// </summary>
public sealed class ContactSearch(TimeOrderedIds ids, CityClock clock, ContactThresholds thresholds, StayIndex index)
{
    /// <summary>Visits are closed by the venue's closing time at the latest, so none lasts longer than this.</summary>
    private static readonly TimeSpan LongestStay = TimeSpan.FromDays(1);

    public async Task<ContactSearchRun> ProposeAsync(FangkongDb db, long caseId, TraceReader reader, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var c = await CaseAsync(db, caseId, ct);
        // The case is the caller's; its contacts are wherever its visits lead (ADR 0028), each then seen by their own area.
        using var wholeCity = db.WholeCity();
        var now = clock.UtcNow;
        var onset = c.OnsetDate ?? DateOnly.FromDateTime(clock.ToLocal(c.FirstPositiveSampledAtUtc));
        var window = ExposureWindow.ForCase(onset, c.IsolatedAtUtc, now, TracingPolicy.For(c.Edition), clock.Offset);
        var known = await KnownAsync(db, caseId, ContactGrade.Close, ct);
        var already = known.Count;
        known.Add(c.PersonId);
        var (added, visits, scanned) = await FindAsync(db, caseId, c.PersonId, null, ContactGrade.Close, window, known, now, ct);
        await SaveAsync(db, added, reader, c.PersonId, "contact-search", caseId, window, now, ct);
        return Run(c, ContactGrade.Close, window, visits, scanned, added, already, watch);
    }

    /// <summary>Secondary contacts (次密接) of every confirmed close contact of the case.</summary>
    public async Task<ContactSearchRun> ProposeSecondaryAsync(FangkongDb db, long caseId, TraceReader reader, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var c = await CaseAsync(db, caseId, ct);
        using var wholeCity = db.WholeCity();
        if (!TracingPolicy.For(c.Edition).IdentifiesSecondaryContacts)
            throw new ConflictException(Messages.Get("Tracing.NoSecondaryContacts"), "NoSecondaryContacts");
        var now = clock.UtcNow;
        var close = await db.ContactProposals.AsNoTracking()
            .Where(p => p.CaseId == caseId && p.Grade == ContactGrade.Close && p.Status == ProposalStatus.Confirmed).ToListAsync(ct);
        var known = await KnownAsync(db, caseId, ContactGrade.Secondary, ct);
        var already = known.Count;
        // Neither the case nor its close contacts are anyone's secondary contact.
        known.Add(c.PersonId);
        known.UnionWith((await db.ContactProposals.Where(p => p.CaseId == caseId && p.Grade == ContactGrade.Close).Select(p => p.PersonId).ToListAsync(ct)));
        var added = new List<ContactProposal>();
        int visits = 0, scanned = 0;
        var start = close.Count == 0 ? now : close.Min(p => p.FirstExposureUtc);
        foreach (var contact in close)
        {
            // The close contact is isolated once confirmed: their window ends there.
            var window = ExposureWindow.ForCloseContact(contact.FirstExposureUtc, contact.DecidedAtUtc, now);
            var (found, v, s) = await FindAsync(db, caseId, contact.PersonId, contact.PersonId, ContactGrade.Secondary, window, known, now, ct);
            added.AddRange(found);
            visits += v;
            scanned += s;
        }
        var span = new ExposureWindow(start, now);
        await SaveAsync(db, added, reader, c.PersonId, "secondary-contact-search", caseId, span, now, ct);
        return Run(c, ContactGrade.Secondary, span, visits, scanned, added, already, watch);
    }

    /// <summary>The household of <paramref name="sourcePerson"/>, then shared visits, minus <paramref name="known"/> (which it extends).</summary>
    private async Task<(List<ContactProposal> Added, int SourceVisits, int Scanned)> FindAsync(FangkongDb db, long caseId, long sourcePerson, long? via,
        ContactGrade grade, ExposureWindow window, HashSet<long> known, DateTime now, CancellationToken ct)
    {
        var added = new List<ContactProposal>();
        var householdId = await db.Persons.Where(p => p.Id == sourcePerson).Select(p => p.HouseholdId).FirstAsync(ct);
        if (householdId is { } h)
        {
            var members = await db.Persons.Where(p => p.HouseholdId == h && p.Id != sourcePerson).Select(p => p.Id).ToListAsync(ct);
            foreach (var member in members.Where(known.Add))
                added.Add(New(caseId, member, via, grade, ContactKind.Household, window.StartUtc, now));
        }
        var earliest = window.StartUtc - LongestStay;
        var view = await index.ViewAsync(db, earliest, ct);
        var sourceStays = view is null
            ? await StaysAsync(db.Visits.Where(v => v.PersonId == sourcePerson), window, now, ct)
            : await view.OwnAsync(db, sourcePerson, earliest.Ticks, window.StartUtc.Ticks, window.EndUtc.Ticks, now, ct);
        if (via is null)
        {
            // Places the investigator added at a venue are searched like the case's own entry records.
            var interviewed = await db.InvestigationPlaces.Where(p => p.CaseId == caseId && p.VenueId != null && p.ToUtc > window.StartUtc && p.FromUtc < window.EndUtc)
                .Select(p => new { p.VenueId, p.FromUtc, p.ToUtc }).ToListAsync(ct);
            sourceStays.AddRange(interviewed.Select(p => new Presence(sourcePerson, p.VenueId!.Value, p.FromUtc.Ticks, p.ToUtc.Ticks)));
        }
        var venueIds = sourceStays.Select(s => s.VenueId).Distinct().ToList();
        var types = await db.Venues.Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Type, ct);
        var gradeVenues = venueIds.Where(v => types.TryGetValue(v, out var t) && thresholds.IsCloseContactGrade(t)).ToList();
        var others = gradeVenues.Count == 0 ? []
            : view is null ? await StaysAsync(db.Visits.Where(v => gradeVenues.Contains(v.VenueId)), window, now, ct)
            : await view.AtAsync(db, gradeVenues, earliest.Ticks, window.StartUtc.Ticks, window.EndUtc.Ticks, now, ct);
        // In one order whichever way they were read, so that a tie between two shared visits is broken the same way.
        sourceStays.Sort(static (x, y) => x.InTicks != y.InTicks ? x.InTicks.CompareTo(y.InTicks) : x.VenueId != y.VenueId ? x.VenueId.CompareTo(y.VenueId) : x.OutTicks.CompareTo(y.OutTicks));
        var found = ContactFinder.Find(new PresenceIndex(others), sourceStays, window, v => types.TryGetValue(v, out var t) ? t : (VenueType?)null, thresholds, known);
        foreach (var e in found.Where(e => known.Add(e.PersonId)))
        {
            var p = New(caseId, e.PersonId, via, grade, ContactKind.SharedVisit, e.FirstTogetherUtc, now);
            p.VenueId = e.VenueId;
            p.SourceInUtc = e.SourceInUtc;
            p.SourceOutUtc = e.SourceOutUtc;
            p.ContactInUtc = e.ContactInUtc;
            p.ContactOutUtc = e.ContactOutUtc;
            p.OverlapMinutes = (int)Math.Ceiling(e.Overlap.TotalMinutes);
            added.Add(p);
        }
        return (added, sourceStays.Count, others.Count);
    }

    private static async Task<CaseRecord> CaseAsync(FangkongDb db, long caseId, CancellationToken ct) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));

    private static async Task<HashSet<long>> KnownAsync(FangkongDb db, long caseId, ContactGrade grade, CancellationToken ct) =>
        (await db.ContactProposals.Where(p => p.CaseId == caseId && p.Grade == grade).Select(p => p.PersonId).ToListAsync(ct)).ToHashSet();

    /// <summary>Visits overlapping the window as stays; a visit still open lasts until now.</summary>
    private static async Task<List<Presence>> StaysAsync(IQueryable<Gate.Visit> visits, ExposureWindow window, DateTime now, CancellationToken ct)
    {
        var earliest = window.StartUtc - LongestStay;
        var rows = await visits.Where(v => v.EnteredAtUtc >= earliest && v.EnteredAtUtc < window.EndUtc)
            .Select(v => new { v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc }).ToListAsync(ct);
        return rows.Select(v => new Presence(v.PersonId, v.VenueId, v.EnteredAtUtc.Ticks, (v.ExitedAtUtc ?? now).Ticks))
            .Where(s => s.OutTicks > window.StartUtc.Ticks).ToList();
    }

    /// <summary>Writes the proposals with the audit of the trajectory reads that found them, in one transaction.</summary>
    private async Task SaveAsync(FangkongDb db, List<ContactProposal> added, TraceReader reader, long casePerson, string kind, long caseId,
        ExposureWindow window, DateTime now, CancellationToken ct)
    {
        db.ContactProposals.AddRange(added);
        TraceService.Audit(db, ids, reader, casePerson, null, kind, new Message("Tracing.ContactSearchPurpose", caseId.ToString(CultureInfo.InvariantCulture)), window.StartUtc, window.EndUtc, now);
        await db.SaveChangesAsync(ct);
    }

    private static ContactSearchRun Run(CaseRecord c, ContactGrade grade, ExposureWindow window, int visits, int scanned, List<ContactProposal> added,
        int already, Stopwatch watch)
    {
        var household = added.Count(p => p.Kind == ContactKind.Household);
        Telemetry.ContactSearch.Record(watch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("fangkong.contacts.grade", grade.ToString()));
        return new ContactSearchRun(c.Id, c.Edition, grade, window.StartUtc, window.EndUtc, visits, scanned, household, added.Count - household, already,
            watch.Elapsed.TotalMilliseconds);
    }

    private ContactProposal New(long caseId, long personId, long? via, ContactGrade grade, ContactKind kind, DateTime firstExposure, DateTime now) => new()
    {
        Id = ids.Next(),
        CaseId = caseId,
        PersonId = personId,
        ViaPersonId = via,
        Grade = grade,
        Kind = kind,
        FirstExposureUtc = firstExposure,
        Status = ProposalStatus.Proposed,
        ProposedAtUtc = now,
    };
}

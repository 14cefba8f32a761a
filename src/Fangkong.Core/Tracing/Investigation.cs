using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// A place the investigator learned of by interview (a friend's flat, a taxi, a venue whose gate missed the case),
/// with its time range. Linked to a venue, it is searched for contacts like the case's own entry records.
/// </summary>
public sealed class InvestigationPlace
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Place { get; set; }
    public long? VenueId { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }
    public string? Note { get; set; }
    public long AddedByUserId { get; set; }
    public DateTime AddedAtUtc { get; set; }
}

public sealed record NewPlace(string? Place, long? VenueId, DateTime? From, DateTime? To, string? Note);

public sealed record TimelineEntry(DateTime FromUtc, DateTime? ToUtc, string Place, string Source, long? VenueId, long? PlaceId, string? Note);

public sealed record ContactTally(ContactGrade Grade, ProposalStatus Status, int Count, int Released);

public sealed record InvestigationReport(long CaseId, string Name, CaseClass Class, CaseFoundBy FoundBy, DateOnly? OnsetDate, DateTime FirstPositiveSampledAtUtc,
    PolicyEdition Edition, DateTime WindowStartUtc, DateTime WindowEndUtc, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<ContactTally> Contacts);

public sealed record PlaceView(long Id, string Place, long? VenueId, DateTime FromUtc, DateTime ToUtc, string? Note);

/// <summary>A risk window flagged for the case, with how many companions it proposed and how many of them are confirmed.</summary>
public sealed record RiskWindowView(long Id, long VenueId, string Venue, DateTime FromUtc, DateTime ToUtc, int Proposed, int Confirmed);

/// <summary>What the investigation page lists: the exposure window, the places added by interview, the risk windows.</summary>
public sealed record CasePlaces(long CaseId, DateTime WindowStartUtc, DateTime WindowEndUtc, DateTime? IsolatedAtUtc,
    IReadOnlyList<PlaceView> Places, IReadOnlyList<RiskWindowView> RiskWindows);

/// <summary>The investigation of a case: its trajectory over the exposure window from entry records, plus places added by hand.</summary>
public sealed class Investigation(TimeOrderedIds ids, CityClock clock, TraceService trace)
{
    public async Task<InvestigationPlace> AddPlaceAsync(FangkongDb db, long caseId, NewPlace r, long userId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var place = r.Place?.Trim();
        string? venueName = null;
        if (r.VenueId is { } vid)
            venueName = await db.Venues.Where(v => v.Id == vid).Select(v => v.Name).FirstOrDefaultAsync(ct) ?? throw new InputException("venueId", Messages.Get("Tracing.NoSuchVenue"));
        place = string.IsNullOrEmpty(place) ? venueName : place;
        if (string.IsNullOrEmpty(place) || place.Length > 100) throw new InputException("place", Messages.Get("Tracing.PlaceLength"));
        var from = r.From is { } f ? clock.AsUtc(f) : throw new InputException("from", Messages.Get("Tracing.FromRequired"));
        var to = r.To is { } t ? clock.AsUtc(t) : throw new InputException("to", Messages.Get("Tracing.ToRequired"));
        if (to <= from) throw new InputException("to", Messages.Get("Tracing.ToNotAfterFrom"));
        if (to - from > TimeSpan.FromDays(1)) throw new InputException("to", Messages.Get("Tracing.PlaceOverADay"));
        if (to > clock.UtcNow.AddMinutes(5)) throw new InputException("to", Messages.Get("Tracing.PlaceInFuture"));
        if (from < c.FirstPositiveSampledAtUtc.AddDays(-30)) throw new InputException("from", Messages.Get("Tracing.PlaceTooEarly"));
        CheckWithinWindow(c, from, clock);
        if (r.Note?.Trim() is { Length: > 200 }) throw new InputException("note", Messages.Get("Tracing.PlaceNoteTooLong"));
        var row = new InvestigationPlace
        {
            Id = ids.Next(),
            CaseId = caseId,
            Place = place,
            VenueId = r.VenueId,
            FromUtc = from,
            ToUtc = to,
            Note = r.Note?.Trim() is { Length: > 0 } n ? n : null,
            AddedByUserId = userId,
            AddedAtUtc = clock.UtcNow,
        };
        db.InvestigationPlaces.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public static async Task RemovePlaceAsync(FangkongDb db, long caseId, long placeId, CancellationToken ct)
    {
        if (await db.InvestigationPlaces.Where(p => p.Id == placeId && p.CaseId == caseId).ExecuteDeleteAsync(ct) == 0)
            throw new NotFoundException("placeId", Messages.Get("Tracing.NoSuchPlace"));
    }

    /// <summary>The places and risk windows of a case (no trajectory: nothing personal is read); null when there is no such case.</summary>
    public async Task<CasePlaces?> PlacesAsync(FangkongDb db, long caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return null;
        var window = FullWindowOf(c, clock);
        var places = await db.InvestigationPlaces.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.FromUtc)
            .Select(p => new PlaceView(p.Id, p.Place, p.VenueId, p.FromUtc, p.ToUtc, p.Note)).ToListAsync(ct);
        // A window's companions are the proposals it made: same case, venue and source span, companion grade.
        var risks = await (from w in db.RiskWindows.AsNoTracking()
                           where w.CaseId == caseId
                           join v in db.Venues on w.VenueId equals v.Id
                           orderby w.FromUtc
                           select new RiskWindowView(w.Id, w.VenueId, v.Name, w.FromUtc, w.ToUtc,
                               db.ContactProposals.Count(p => p.CaseId == caseId && p.Grade == ContactGrade.Companion && p.VenueId == w.VenueId && p.SourceInUtc == w.FromUtc && p.SourceOutUtc == w.ToUtc),
                               db.ContactProposals.Count(p => p.CaseId == caseId && p.Grade == ContactGrade.Companion && p.VenueId == w.VenueId && p.SourceInUtc == w.FromUtc && p.SourceOutUtc == w.ToUtc
                                   && p.Status == ProposalStatus.Confirmed))).ToListAsync(ct);
        return new CasePlaces(caseId, window.StartUtc, window.EndUtc, c.IsolatedAtUtc, places, risks);
    }

    /// <summary>The report: case, window, one timeline of entry records and added places, contacts by grade and decision. The trajectory read is audited.</summary>
    public async Task<InvestigationReport> ReportAsync(FangkongDb db, long caseId, TraceReader reader, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var name = await db.Persons.Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstAsync(ct);
        var window = WindowOf(c);
        var visits = await trace.TrajectoryExportAsync(db, c.PersonId, window.StartUtc, window.EndUtc, reader with { PlatformPurpose = new Message("Tracing.ReportPurpose", caseId.ToString(CultureInfo.InvariantCulture)) }, ct);
        var places = await db.InvestigationPlaces.AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync(ct);
        var timeline = visits.Select(v => new TimelineEntry(v.EnteredAtUtc, v.ExitedAtUtc, v.VenueName, "entry-record", v.VenueId, null, null))
            .Concat(places.Select(p => new TimelineEntry(p.FromUtc, p.ToUtc, p.Place, "added", p.VenueId, p.Id, p.Note)))
            .OrderBy(e => e.FromUtc).ToList();
        var tallies = await db.ContactProposals.Where(p => p.CaseId == caseId).GroupBy(p => new { p.Grade, p.Status })
            .Select(g => new ContactTally(g.Key.Grade, g.Key.Status, g.Count(), g.Count(p => p.ReleasedAtUtc != null))).ToListAsync(ct);
        return new InvestigationReport(c.Id, Masking.Name(name), c.Class, c.FoundBy, c.OnsetDate, c.FirstPositiveSampledAtUtc, c.Edition,
            window.StartUtc, window.EndUtc, timeline, tallies.OrderBy(t => t.Grade).ThenBy(t => t.Status).ToList());
    }

    /// <summary>The case's exposure window under its edition, no longer than a trajectory read may span.</summary>
    public ExposureWindow WindowOf(CaseRecord c)
    {
        var w = FullWindowOf(c, clock);
        return w.EndUtc - w.StartUtc > TraceService.MaxWindow ? new ExposureWindow(w.StartUtc, w.StartUtc + TraceService.MaxWindow) : w;
    }

    /// <summary>The case's exposure window under its edition: from the edition's days before onset until isolation (or now).</summary>
    public static ExposureWindow FullWindowOf(CaseRecord c, CityClock clock)
    {
        var onset = c.OnsetDate ?? DateOnly.FromDateTime(clock.ToLocal(c.FirstPositiveSampledAtUtc));
        return ExposureWindow.ForCase(onset, c.IsolatedAtUtc, clock.UtcNow, TracingPolicy.For(c.Edition), clock.Offset);
    }

    /// <summary>
    /// A place or a risk window the case was at must begin inside its exposure window: not before its start, not after the
    /// case was isolated (the refusal names the bound, in city time).
    /// </summary>
    public static void CheckWithinWindow(CaseRecord c, DateTime fromUtc, CityClock clock)
    {
        var w = FullWindowOf(c, clock);
        static string Local(CityClock k, DateTime utc) => k.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (fromUtc < w.StartUtc) throw new InputException("from", Messages.Get("Tracing.BeforeWindow", Local(clock, w.StartUtc)));
        if (c.IsolatedAtUtc is { } iso && fromUtc >= iso) throw new InputException("from", Messages.Get("Tracing.AfterIsolation", Local(clock, iso)));
    }
}

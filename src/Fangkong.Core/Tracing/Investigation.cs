using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
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

/// <summary>The investigation of a case: its trajectory over the exposure window from entry records, plus places added by hand.</summary>
public sealed class Investigation(TimeOrderedIds ids, CityClock clock, TraceService trace)
{
    public async Task<InvestigationPlace> AddPlaceAsync(FangkongDb db, long caseId, NewPlace r, long userId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", "病例不存在 / no such case");
        var place = r.Place?.Trim();
        string? venueName = null;
        if (r.VenueId is { } vid)
            venueName = await db.Venues.Where(v => v.Id == vid).Select(v => v.Name).FirstOrDefaultAsync(ct) ?? throw new InputException("venueId", "场所不存在 / no such venue");
        place = string.IsNullOrEmpty(place) ? venueName : place;
        if (string.IsNullOrEmpty(place) || place.Length > 100) throw new InputException("place", "请填写1–100字的地点 / the place must be 1 to 100 characters");
        var from = r.From is { } f ? clock.AsUtc(f) : throw new InputException("from", "请填写开始时间 / 'from' is required");
        var to = r.To is { } t ? clock.AsUtc(t) : throw new InputException("to", "请填写结束时间 / 'to' is required");
        if (to <= from) throw new InputException("to", "结束时间应晚于开始时间 / 'to' must be after 'from'");
        if (to - from > TimeSpan.FromDays(1)) throw new InputException("to", "一个地点最长24小时，请分段填写 / one place spans at most 24 hours: add it day by day");
        if (to > clock.UtcNow.AddMinutes(5)) throw new InputException("to", "不能填写未来的时间 / the time range cannot be in the future");
        if (from < c.FirstPositiveSampledAtUtc.AddDays(-30)) throw new InputException("from", "早于首次阳性30天以上 / more than 30 days before the first positive sampling");
        if (r.Note?.Trim() is { Length: > 200 }) throw new InputException("note", "备注最多200字 / the note is at most 200 characters");
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
            throw new NotFoundException("placeId", "该病例没有这个地点 / no such place for this case");
    }

    /// <summary>The report: case, window, one timeline of entry records and added places, contacts by grade and decision. The trajectory read is audited.</summary>
    public async Task<InvestigationReport> ReportAsync(FangkongDb db, long caseId, TraceReader reader, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", "病例不存在 / no such case");
        var name = await db.Persons.Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstAsync(ct);
        var window = WindowOf(c);
        var visits = await trace.TrajectoryExportAsync(db, c.PersonId, window.StartUtc, window.EndUtc, reader with { Purpose = $"病例{caseId}流调报告 / investigation report of case {caseId}" }, ct);
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
        var onset = c.OnsetDate ?? DateOnly.FromDateTime(clock.ToLocal(c.FirstPositiveSampledAtUtc));
        var w = ExposureWindow.ForCase(onset, c.IsolatedAtUtc, clock.UtcNow, TracingPolicy.For(c.Edition), clock.Offset);
        return w.EndUtc - w.StartUtc > TraceService.MaxWindow ? new ExposureWindow(w.StartUtc, w.StartUtc + TraceService.MaxWindow) : w;
    }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;
using static Fangkong.Core.Common.TimelineText;

namespace Fangkong.Core.Tracing;

/// <summary>
/// Tracing's part of a case's timeline: its exposure window, onset, first positive sampling, report, class and course
/// changes (from the case's events, with who made them), isolation, the places the interview found, its risk windows,
/// and its contacts — found by each search, confirmed or dismissed by each decision, released day by day.
/// </summary>
public sealed class TracingTimelinePart(CityClock clock) : ICaseTimelinePart
{
    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == t.CaseId, ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == t.CaseId).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var items = new List<TimelineItem>
        {
            new(t.FromUtc, "exposure-window", new Message("Tracing.Timeline.Window", Word(c.Edition)), AllDay: true),
        };
        if (c.OnsetDate is { } onset) items.Add(new(clock.StartOfDayUtc(onset), "onset", new Message("Tracing.Timeline.Onset", Day(onset)), AllDay: true));
        items.Add(new(c.FirstPositiveSampledAtUtc, "first-positive", new Message("Tracing.Timeline.FirstPositive")));
        // A case stored by a lab result's follow-up has no report event: its record says when and as what.
        if (!events.Any(e => e.ToStatus == CaseStatus.Reported))
            items.Add(new(c.ReportedAtUtc, "reported", Reported(c.Number, events.FirstOrDefault(e => e.FromClass is not null)?.FromClass ?? c.Class, c.FoundBy)));
        foreach (var e in events) items.AddRange(FromEvent(c, e));
        if (c.IsolatedAtUtc is { } isolated) items.Add(new(isolated, "isolated", new Message("Tracing.Timeline.Isolated")));
        items.AddRange(await PlacesAsync(db, t, ct));
        items.AddRange(await ContactsAsync(db, t, ct));
        return items;
    }

    private static IEnumerable<TimelineItem> FromEvent(CaseRecord c, CaseEvent e)
    {
        if (e.ToStatus == CaseStatus.Reported)
        {
            yield return new(e.AtUtc, "reported", Reported(c.Number, e.ToClass ?? c.Class, c.FoundBy), null, e.ByUserId);
        }
        else
        {
            if (e.FromClass is { } from && e.ToClass is { } to)
            {
                var key = e.Conversion ? "Tracing.Timeline.Converted" : from == CaseClass.Suspected ? "Tracing.Timeline.SuspectedConfirmed" : "Tracing.Timeline.ClassChanged";
                yield return new(e.AtUtc, "class", new Message(key, Word(from), Word(to)), null, e.ByUserId);
            }
            if (e.ToStatus is { } status) yield return new(e.AtUtc, "course", new Message("Tracing.Timeline.Course", Word(status)), null, e.ByUserId);
        }
        if (e.Note is { } note) yield return new(e.AtUtc, "note", new Message("Tracing.Timeline.Note", note), null, e.ByUserId);
    }

    private async Task<IEnumerable<TimelineItem>> PlacesAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var report = $"/tracing/cases/{t.CaseId}/report";
        var places = await db.InvestigationPlaces.AsNoTracking().Where(p => p.CaseId == t.CaseId).ToListAsync(ct);
        var windows = await (from w in db.RiskWindows.AsNoTracking()
                             where w.CaseId == t.CaseId
                             join v in db.Venues on w.VenueId equals v.Id
                             select new { w.Id, w.FromUtc, w.ToUtc, w.CreatedByUserId, Venue = v.Name, w.VenueId }).ToListAsync(ct);
        return places.OrderBy(p => p.Id).Select(p => new TimelineItem(p.FromUtc, "investigation-place",
                new Message("Tracing.Timeline.Place", p.Place, Time(clock, p.FromUtc), Time(clock, p.ToUtc)), report, p.AddedByUserId))
            .Concat(windows.OrderBy(w => w.Id).Select(w => new TimelineItem(w.FromUtc, "risk-window",
                new Message("Tracing.Timeline.RiskWindow", w.Venue, Time(clock, w.FromUtc), Time(clock, w.ToUtc)), $"/venues/{w.VenueId}", w.CreatedByUserId)));
    }

    /// <summary>Contacts in groups, never one line each: a search proposes hundreds, a decision confirms them in bulk.</summary>
    private async Task<IEnumerable<TimelineItem>> ContactsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var rows = await db.ContactProposals.AsNoTracking().Where(p => p.CaseId == t.CaseId)
            .Select(p => new { p.Grade, p.Status, p.ProposedAtUtc, p.DecidedAtUtc, p.DecidedByUserId, p.ReleasedAtUtc }).ToListAsync(ct);
        var list = $"/tracing/contacts?caseId={t.CaseId}";
        var found = rows.GroupBy(r => (r.ProposedAtUtc, r.Grade)).Select(g => new TimelineItem(g.Key.ProposedAtUtc, "contacts-found",
            new Message("Tracing.Timeline.ContactsFound", Count(g.Count()), Word(g.Key.Grade)), list));
        var decided = rows.Where(r => r.DecidedAtUtc is not null && r.Status != ProposalStatus.Proposed)
            .GroupBy(r => (At: r.DecidedAtUtc!.Value, r.DecidedByUserId, r.Status))
            .Select(g => new TimelineItem(g.Key.At, g.Key.Status == ProposalStatus.Confirmed ? "contacts-confirmed" : "contacts-dismissed",
                new Message(g.Key.Status == ProposalStatus.Confirmed ? "Tracing.Timeline.ContactsConfirmed" : "Tracing.Timeline.ContactsDismissed", Count(g.Count())),
                list, g.Key.DecidedByUserId));
        // Releases come one by one as each contact's time is served: one line a city day.
        var released = rows.Where(r => r.ReleasedAtUtc is not null).GroupBy(r => DateOnly.FromDateTime(clock.ToLocal(r.ReleasedAtUtc!.Value)))
            .Select(g => new TimelineItem(g.Min(r => r.ReleasedAtUtc!.Value), "contacts-released",
                new Message("Tracing.Timeline.ContactsReleased", Count(g.Count())), list));
        return found.Concat(decided).Concat(released).OrderBy(i => i.AtUtc).ToList();
    }

    private static Message Reported(string number, CaseClass cls, CaseFoundBy foundBy) =>
        new("Tracing.Timeline.Reported", number, Word(cls), Word(foundBy));

    private static string Word(Enum value) => LineLabels.Of(value, CultureInfo.CurrentUICulture);
}

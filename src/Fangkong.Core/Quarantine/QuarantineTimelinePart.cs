using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;
using static Fangkong.Core.Common.TimelineText;

namespace Fangkong.Core.Quarantine;

/// <summary>
/// Quarantine's part of a case's timeline: the case's contacts placed (at each site, or at home, by each placement) and
/// the case's own stays if it was in quarantine itself — a contact who became a case — from placement to release.
/// </summary>
public sealed class QuarantineTimelinePart : ICaseTimelinePart
{
    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        // By person, the stays' indexed column: the case's contacts and the case itself (stays are not indexed by case).
        var persons = await db.ContactProposals.Where(p => p.CaseId == t.CaseId).Select(p => p.PersonId).Distinct().ToListAsync(ct);
        persons.Add(t.PersonId);
        var stays = await (from s in db.QuarantineStays.AsNoTracking()
                           where persons.Contains(s.PersonId) && (s.CaseId == t.CaseId || s.PersonId == t.PersonId)
                           join site in db.QuarantineSites on s.SiteId equals site.Id into sites
                           from site in sites.DefaultIfEmpty()
                           select new { s.PersonId, s.CaseId, s.Number, s.Place, s.SiteId, Site = site == null ? null : site.Name, s.Day1, s.ReleaseDate, s.CreatedAtUtc, s.ReleasedAtUtc })
            .ToListAsync(ct);
        var items = new List<TimelineItem>();
        // Contacts are placed in bulk: one line a placement and site, never one a person.
        foreach (var g in stays.Where(s => s.CaseId == t.CaseId && s.PersonId != t.PersonId).GroupBy(s => (s.CreatedAtUtc, s.SiteId, s.Site)).OrderBy(g => g.Key.CreatedAtUtc))
        {
            var n = Count(g.Count());
            items.Add(g.Key.Site is { } site
                ? new(g.Key.CreatedAtUtc, "contacts-placed", new Message("Quarantine.Timeline.ContactsPlaced", n, site), $"/quarantine/sites/{g.Key.SiteId}")
                : new(g.Key.CreatedAtUtc, "contacts-placed", new Message("Quarantine.Timeline.ContactsAtHome", n), $"/tracing/contacts?caseId={t.CaseId}"));
        }
        foreach (var s in stays.Where(s => s.PersonId == t.PersonId).OrderBy(s => s.CreatedAtUtc))
        {
            var link = s.SiteId is { } id ? $"/quarantine/sites/{id}" : null;
            var where = s.Site ?? Messages.Get("Quarantine.Timeline.Home");
            items.Add(new(s.CreatedAtUtc, "own-stay", new Message("Quarantine.Timeline.OwnStay", s.Number, where, Day(s.Day1), Day(s.ReleaseDate)), link));
            if (s.ReleasedAtUtc is { } released) items.Add(new(released, "own-stay-ended", new Message("Quarantine.Timeline.OwnStayEnded", s.Number), link));
        }
        return items;
    }
}

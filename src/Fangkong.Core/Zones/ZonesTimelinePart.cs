using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>
/// Zones' part of a case's timeline: the zones the case caused or was found in, why it counts there, and each step of
/// their history from then on — proposed, confirmed or dismissed, upgraded, downgraded, lifted — with the officer.
/// </summary>
public sealed class ZonesTimelinePart : ICaseTimelinePart
{
    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var links = await (from zc in db.ZoneCases.AsNoTracking()
                           where zc.CaseId == t.CaseId
                           join z in db.Zones on zc.ZoneId equals z.Id
                           select new { zc.EvidenceKey, zc.EvidenceArgs, zc.AddedAtUtc, z.Id, z.Number, z.Name, z.Preset, z.Level }).ToListAsync(ct);
        var zoneIds = links.Select(l => l.Id).ToList();
        var changes = await db.ZoneChanges.AsNoTracking().Where(c => zoneIds.Contains(c.ZoneId)).OrderBy(c => c.AtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        var items = new List<TimelineItem>();
        foreach (var z in links.OrderBy(l => l.AddedAtUtc).ThenBy(l => l.Id))
        {
            var link = $"/zones/{z.Id}";
            items.Add(new(z.AddedAtUtc, "zone-case", new Message("Zones.Timeline.Cause", z.Name, z.Number, Messages.Get(new Message(z.EvidenceKey, z.EvidenceArgs))), link));
            // Only what happened since the case counts there: a zone it was found in had a history before it.
            foreach (var c in changes.Where(c => c.ZoneId == z.Id && c.AtUtc >= z.AddedAtUtc.AddSeconds(-1)))
            {
                var level = ZoneWords.Level(z.Preset, c.ToLevel ?? c.FromLevel ?? z.Level);
                items.Add(new(c.AtUtc, "zone-" + c.Kind.ToString().ToLowerInvariant(),
                    new Message("Zones.Timeline.Change", z.Name, z.Number, ZoneWords.Change(c.Kind), level), link, c.OfficerUserId));
            }
        }
        return items;
    }
}

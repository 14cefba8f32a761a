using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

/// <summary>What one evaluation did: venues judged, alerts raised, kept and cleared.</summary>
public sealed record GateWatchOutcome(int Venues, int Raised, int Kept, int Cleared);

/// <summary>
/// Judges every venue with staffed gates by the unattended-gate rule (issue 24 part 1) and keeps one open alert per
/// venue: raised with the evidence when a sign shows, its evidence refreshed while it shows, cleared when the gates
/// record again (no sign). Only the staff's records count: a phone scanning the venue's code is not a gate (ADR 0038),
/// and a bus has no gate staff (its riders scan on board).
/// </summary>
public sealed class GateWatchRun(CityClock clock, TimeOrderedIds ids, GateWatchPolicy policy)
{
    public async Task<GateWatchOutcome> RunAsync(FangkongDb db, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var nowLocal = clock.ToLocal(now);
        var from = now.AddMinutes(-policy.WindowMinutes);
        var codeDevices = db.VenueCodes.Select(c => c.DeviceId);
        var venues = await db.Venues.AsNoTracking()
            .Where(v => v.Type != VenueType.Bus && db.GateDevices.Any(d => d.VenueId == v.Id && !codeDevices.Contains(d.Id)))
            .Select(v => new { v.Id, v.DistrictCode, v.Opens, v.Closes }).ToListAsync(ct);
        var red = await db.Colours.AnyAsync(c => c.Colour == CodeColour.Red, ct);
        var open = await db.GateAlerts.Where(a => a.ClearedAtUtc == null).ToDictionaryAsync(a => a.VenueId, ct);
        int raised = 0, kept = 0, cleared = 0;
        foreach (var v in venues)
        {
            var hours = new OpeningHours(v.Opens, v.Closes);
            // The gate's records are its admitted entries (visits, also those a generated city holds without events) and
            // its events (denials and exits); a phone's venue-code scan is neither.
            var events = db.GateEvents.AsNoTracking().Where(e => e.VenueId == v.Id && e.AtUtc <= now
                && e.Method != EntryMethod.VenueCode && e.Method != EntryMethod.VenueCodeProxy);
            var visits = db.Visits.AsNoTracking().Where(x => x.VenueId == v.Id && x.EnteredAtUtc <= now
                && x.Method != EntryMethod.VenueCode && x.Method != EntryMethod.VenueCodeProxy);
            var lastEvent = await events.OrderByDescending(e => e.AtUtc).Select(e => (DateTime?)e.AtUtc).FirstOrDefaultAsync(ct);
            var lastVisit = await visits.OrderByDescending(x => x.EnteredAtUtc).Select(x => (DateTime?)x.EnteredAtUtc).FirstOrDefaultAsync(ct);
            var last = lastEvent > lastVisit || lastVisit is null ? lastEvent : lastVisit;
            var admitted = await visits.Where(x => x.EnteredAtUtc >= from).GroupBy(x => 1)
                .Select(g => new { N = g.Count(), NoTemperature = g.Count(x => x.Temperature == null) }).FirstOrDefaultAsync(ct);
            var denied = await events.CountAsync(e => e.AtUtc >= from && e.Direction == GateDirection.In && e.Outcome == GateOutcome.Deny, ct);
            var window = new { Entries = (admitted?.N ?? 0) + denied, NoTemperature = admitted?.NoTemperature ?? 0, Admitted = admitted?.N ?? 0, Denied = denied };
            var facts = new GateWatchFacts(hours, nowLocal, last is { } l ? clock.ToLocal(l) : null, window.Entries,
                window.NoTemperature, window.Admitted, window.Denied, red, HasGates: true);
            var signs = GateWatch.Signs(facts, policy);
            open.TryGetValue(v.Id, out var alert);
            if (signs.Count == 0)
            {
                if (alert is null) continue;
                alert.ClearedAtUtc = now;
                alert.CheckedAtUtc = now;
                cleared++;
                continue;
            }
            if (alert is null)
            {
                alert = new GateAlert { Id = ids.Next(), VenueId = v.Id, DistrictCode = v.DistrictCode, Signs = "", RaisedAtUtc = now, PolicyVersion = policy.Version };
                db.GateAlerts.Add(alert);
                raised++;
            }
            else kept++;
            alert.Signs = string.Join(',', signs);
            alert.CheckedAtUtc = now;
            alert.LastRecordUtc = last;
            alert.OpenSinceUtc = clock.ToUtc(GateWatch.OpenedAt(hours, nowLocal));
            alert.Opens = v.Opens;
            alert.Closes = v.Closes;
            alert.GateEntries = facts.GateEntries;
            alert.WithoutTemperature = facts.WithoutTemperature;
            alert.Admitted = facts.Admitted;
            alert.Denied = facts.Denied;
            alert.PolicyVersion = policy.Version;
        }
        await db.SaveChangesAsync(ct);
        return new GateWatchOutcome(venues.Count, raised, kept, cleared);
    }
}

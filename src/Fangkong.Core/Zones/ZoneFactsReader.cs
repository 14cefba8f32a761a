using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>
/// The facts the lifting rules need (<see cref="ZoneFacts"/>) for many zones at once, one query per kind of fact
/// whatever the number of zones: the latest infection among each zone's residents and cases, the last close contact
/// among its residents transferred out (and whether they tested negative since), and the latest testing round that
/// sampled its residents, with its tallies over those living there (not in centralized quarantine, not a case in care).
/// </summary>
public sealed class ZoneFactsReader(CityClock clock)
{
    public async Task<Dictionary<long, ZoneFacts>> ReadAsync(FangkongDb db, IReadOnlyCollection<Zone> zones, CancellationToken ct)
    {
        var ids = zones.Select(z => z.Id).ToList();
        var result = new Dictionary<long, ZoneFacts>();
        if (ids.Count == 0) return result;

        // Latest infection among residents (however found) and among the zone's own cases (a frequented place's visitor):
        // a suspected case is not one until confirmed, and then counts from the day it was confirmed.
        var byResidents = await (from h in db.ZoneHouseholds
                                 where ids.Contains(h.ZoneId)
                                 join p in db.Persons on h.HouseholdId equals p.HouseholdId
                                 join c in db.Cases on p.Id equals c.PersonId
                                 where c.Class != CaseClass.Suspected && c.Status != CaseStatus.Excluded
                                 group c by h.ZoneId into g
                                 select new { ZoneId = g.Key, Last = g.Max(c => c.SuspectedConfirmedOn ?? c.ReportedOn) }).ToListAsync(ct);
        var byCases = await (from zc in db.ZoneCases
                             where ids.Contains(zc.ZoneId)
                             join c in db.Cases on zc.CaseId equals c.Id
                             where c.Class != CaseClass.Suspected && c.Status != CaseStatus.Excluded
                             group c by zc.ZoneId into g
                             select new { ZoneId = g.Key, Last = g.Max(c => c.SuspectedConfirmedOn ?? c.ReportedOn) }).ToListAsync(ct);
        var lastInfection = byResidents.Concat(byCases).GroupBy(x => x.ZoneId).ToDictionary(g => g.Key, g => g.Max(x => x.Last));

        // Close contacts among the residents moved from home to a quarantine site.
        var transfers = await (from h in db.ZoneHouseholds
                               where ids.Contains(h.ZoneId)
                               join p in db.Persons on h.HouseholdId equals p.HouseholdId
                               join s in db.QuarantineStays on p.Id equals s.PersonId
                               where s.Role == ContactRole.CloseContact
                               join t in db.QuarantineTransfers on s.Id equals t.StayId
                               where t.FromSiteId == null && t.ToSiteId != null && (t.DispatchedAtUtc != null || t.ArrivedAtUtc != null)
                               select new { h.ZoneId, t.PersonId, At = t.DispatchedAtUtc ?? t.ArrivedAtUtc }).ToListAsync(ct);
        var lastOut = transfers.GroupBy(t => t.ZoneId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.At).Last());
        var outPersons = lastOut.Values.Select(t => t.PersonId).Distinct().ToList();
        var negatives = await db.TestResults.Where(r => outPersons.Contains(r.PersonId) && r.Outcome == TestOutcome.Negative)
            .Select(r => new { r.PersonId, r.SampledAtUtc }).ToListAsync(ct);

        // Each zone's residents in each round (not the standing quarantine round), tallied over those living there now:
        // a resident in centralized quarantine or a case in care is not in the zone, and no round of it can sample them.
        var present = from h in db.ZoneHouseholds
                      where ids.Contains(h.ZoneId)
                      join p in db.Persons on h.HouseholdId equals p.HouseholdId
                      where !db.QuarantineStays.Any(s => s.PersonId == p.Id && s.State == QuarantineState.InQuarantine && s.Place == QuarantinePlace.Centralized)
                            && !db.Cases.Any(c => c.PersonId == p.Id && (c.Status == CaseStatus.Reported || c.Status == CaseStatus.InHospital))
                      select new { h.ZoneId, PersonId = p.Id };
        var presentCount = await present.GroupBy(x => x.ZoneId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rounds = await (from x in present
                            join rr in db.RoundResidents on x.PersonId equals rr.PersonId
                            join r in db.TestingRounds on rr.RoundId equals r.Id
                            where r.Scope != Testing.RoundScope.Quarantine
                            group rr by new { x.ZoneId, rr.RoundId, r.StartUtc } into g
                            select new
                            {
                                g.Key.ZoneId,
                                g.Key.StartUtc,
                                Sampled = g.Count(x => x.SampledAtUtc != null),
                                Positive = g.Count(x => x.Outcome == PersonOutcome.Positive),
                                Pending = g.Count(x => x.SampledAtUtc != null && (x.Outcome == null || x.Outcome == PersonOutcome.PoolPositive)),
                                LastSampled = g.Max(x => x.SampledAtUtc),
                            }).ToListAsync(ct);
        var latestRound = rounds.GroupBy(r => r.ZoneId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.StartUtc).Last());

        foreach (var z in zones)
        {
            var since = z.LevelSince ?? DateOnly.FromDateTime(clock.ToLocal(z.StartedAtUtc ?? z.ProposedAtUtc));
            DateOnly? outDay = null;
            var negative = false;
            if (lastOut.TryGetValue(z.Id, out var t) && t.At is { } at)
            {
                outDay = Day(at);
                negative = negatives.Any(n => n.PersonId == t.PersonId && n.SampledAtUtc > at);
            }
            // Everyone living in the zone counts: a round over part of it leaves the rest unsampled.
            var living = presentCount.GetValueOrDefault(z.Id);
            ZoneRound? round = latestRound.TryGetValue(z.Id, out var r)
                ? new ZoneRound(Day(r.LastSampled ?? r.StartUtc), living, Math.Max(0, living - r.Sampled), r.Positive, r.Pending)
                : null;
            result[z.Id] = new ZoneFacts(z.Level, since, z.DowngradedFromSealed,
                lastInfection.TryGetValue(z.Id, out var last) ? last : null, outDay, negative, round);
        }
        return result;
    }

    /// <summary>What the rules propose for a zone today under the preset it was set under.</summary>
    public static ZoneAssessment Assess(Zone zone, ZoneFacts facts, DateOnly today, ZonePolicy policy, IReadOnlyDictionary<string, int> tightByDistrict) =>
        zone.Level == ZoneLevel.Precaution
            ? ZoneLifting.AssessPrecaution(tightByDistrict.GetValueOrDefault(zone.DistrictCode))
            : ZoneLifting.Assess(facts, today, policy with { Preset = zone.Preset });

    /// <summary>Each district's count of sealed and controlled zones in force, for the precaution zones' rule.</summary>
    public static async Task<Dictionary<string, int>> TightZonesByDistrictAsync(FangkongDb db, CancellationToken ct) =>
        await db.Zones.Where(z => z.State == ZoneState.Active && z.Level != ZoneLevel.Precaution)
            .GroupBy(z => z.DistrictCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private DateOnly Day(DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));
}

using Fangkong.Core.Data;
using Fangkong.Core.Zones;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>
/// Reads the facts that decide colours for a set of persons, one query per kind of fact, so a fan-out of thousands
/// of results or the close of a round re-derives colours in a few set queries instead of a few per person.
/// A venue scan alone is never a fact: only fevers, tests, swabs, pools, missed rounds, cases, confirmed contacts, approved manual colours
/// and the zones over the person's home.
/// </summary>
internal static class CodeFacts
{
    public static async Task<Dictionary<long, List<HealthFact>>> LoadAsync(FangkongDb db, IReadOnlyCollection<long> personIds, ZonePolicy zonePolicy, CancellationToken ct)
    {
        var facts = personIds.Distinct().ToDictionary(id => id, _ => new List<HealthFact>());
        void Add(long personId, HealthFact f) => facts[personId].Add(f);
        var ids = facts.Keys.ToList();
        // Each list is one parameter (a JSON array on SQLite, an array on PostgreSQL) rather than one per id: binding a
        // chunk's thousand parameters cost each of these queries ~25 ms, a thousand times over when a zone is sealed.

        var fevers = await db.GateEvents
            .Where(e => e.PersonId != null && EF.Parameter(ids).Contains(e.PersonId.Value) && e.Reasons.Contains("Fever"))
            .Join(db.Venues, e => e.VenueId, v => v.Id, (e, v) => new { PersonId = e.PersonId!.Value, e.Id, e.AtUtc, e.Temperature, v.Name })
            .ToListAsync(ct);
        foreach (var f in fevers) Add(f.PersonId, new FeverAtGate(f.AtUtc, $"gate-event:{f.Id}", f.Temperature ?? 0, f.Name));

        var tests = await db.TestResults.Where(t => EF.Parameter(ids).Contains(t.PersonId)).Select(t => new { t.PersonId, t.Id, t.SampledAtUtc, t.Outcome }).ToListAsync(ct);
        foreach (var t in tests) Add(t.PersonId, new TestResultFact(t.SampledAtUtc, $"test:{t.Id}", t.Outcome == TestOutcome.Positive));

        var samples = await db.Samples.Where(s => EF.Parameter(ids).Contains(s.PersonId)).Select(s => new { s.PersonId, s.Id, s.AtUtc }).ToListAsync(ct);
        foreach (var s in samples) Add(s.PersonId, new SampledFact(s.AtUtc, $"sample:{s.Id}"));

        var pools = await (from s in db.Samples
                           where EF.Parameter(ids).Contains(s.PersonId)
                           join t in db.Tubes on s.TubeId equals t.Id
                           where t.Outcome == TubeOutcome.Positive && t.Count > 1
                           join r in db.TestingRounds on t.RoundId equals r.Id
                           select new { s.PersonId, s.AtUtc, t.Barcode, r.Name, r.PositivePoolColour }).ToListAsync(ct);
        foreach (var p in pools) Add(p.PersonId, new PositivePoolFact(p.AtUtc, $"tube:{p.Barcode}", p.PositivePoolColour, p.Name));

        var missed = await (from x in db.RoundResidents
                            where EF.Parameter(ids).Contains(x.PersonId) && x.Missed
                            join r in db.TestingRounds on x.RoundId equals r.Id
                            where r.YellowForMissedRound && r.ClosedAtUtc != null
                            select new { x.PersonId, r.Id, r.Name, ClosedAt = r.ClosedAtUtc!.Value }).ToListAsync(ct);
        foreach (var m in missed) Add(m.PersonId, new MissedRoundFact(m.ClosedAt, $"round:{m.Id}", m.Name));

        // A suspected case excluded (排除) was never a case: no fact.
        var cases = await db.Cases.Where(c => EF.Parameter(ids).Contains(c.PersonId) && c.Status != CaseStatus.Excluded)
            .Select(c => new { c.PersonId, c.Id, c.ReportedAtUtc, c.FoundBy, c.Class }).ToListAsync(ct);
        foreach (var c in cases)
            Add(c.PersonId, new CaseFact(c.ReportedAtUtc, $"case:{c.Id}", c.FoundBy == CaseFoundBy.PoolResampling, c.Class == CaseClass.Suspected));

        var contacts = await db.ContactProposals
            .Where(p => EF.Parameter(ids).Contains(p.PersonId) && p.Status == ProposalStatus.Confirmed && p.ReleasedAtUtc == null)
            .Select(p => new { p.PersonId, p.Id, p.CaseId, p.Grade, At = p.DecidedAtUtc ?? p.ProposedAtUtc }).ToListAsync(ct);
        foreach (var c in contacts)
            Add(c.PersonId, new ContactFact(c.At, $"contact:{c.Id}", c.Grade == ContactGrade.Close, $"case:{c.CaseId}", c.Grade == ContactGrade.Companion));

        var manual = await db.ManualCodeRequests
            .Where(m => EF.Parameter(ids).Contains(m.PersonId) && m.Status == ManualCodeStatus.Approved)
            .Join(db.Users, m => m.RequestedByUserId, u => u.Id, (m, u) => new { m, Requester = u.UserName })
            .Join(db.Users, x => x.m.DecidedByUserId, u => u.Id, (x, u) => new { x.m, x.Requester, Approver = u.UserName })
            .ToListAsync(ct);
        foreach (var x in manual)
            Add(x.m.PersonId, new ManualColour(x.m.DecidedAtUtc ?? x.m.RequestedAtUtc, $"manual:{x.m.Id}", x.m.Colour, x.m.Reason, x.Requester, x.Approver));
        // Returnees (issue 21, ADR 0042): isolation or observation under way, or ended by the rule (which explains the green after).
        var returnees = await db.Returnees
            .Where(r => EF.Parameter(ids).Contains(r.PersonId) && (r.Measure == TravellerMeasure.CentralizedIsolation || r.Measure == TravellerMeasure.HomeObservation)
                && (r.State == ReturneeState.UnderMeasure || r.State == ReturneeState.Released))
            .Select(r => new { r.PersonId, r.Id, r.Origin, r.Measure, r.State, r.RegisteredAtUtc, r.EndedAtUtc, r.EndsOn, r.ArrivedOn }).ToListAsync(ct);
        foreach (var r in returnees)
            if (r.State == ReturneeState.UnderMeasure)
                Add(r.PersonId, new ReturneeFact(r.RegisteredAtUtc, $"returnee:{r.Id}", r.Measure == TravellerMeasure.CentralizedIsolation, r.Origin, r.EndsOn ?? r.ArrivedOn));
            else if (r.EndedAtUtc is { } ended)
                Add(r.PersonId, new ReturneeReleasedFact(ended, $"returnee:{r.Id}", r.Origin));
        await ZoneFactsAsync(db, ids, zonePolicy, Add, ct);
        return facts;
    }

    /// <summary>The zones over each person's home: in force (their level's colour), or lifted (which explains the green after).</summary>
    private static async Task ZoneFactsAsync(FangkongDb db, List<long> ids, ZonePolicy policy, Action<long, HealthFact> add, CancellationToken ct)
    {
        // Three reads, each led by its own key: the persons' households, those households' zones, the zones. Joined in one
        // statement, SQLite led with the zones in force and probed each of their households for every person of the
        // chunk: 4 s a chunk of 1,000 persons with 4,000 households sealed, and longer the larger the sealed area.
        var homes = await db.Persons.Where(p => EF.Parameter(ids).Contains(p.Id) && p.HouseholdId != null)
            .Select(p => new { p.Id, Household = p.HouseholdId!.Value }).ToListAsync(ct);
        var households = homes.Select(h => h.Household).Distinct().ToList();
        if (households.Count == 0) return;
        var links = await db.ZoneHouseholds.Where(h => EF.Parameter(households).Contains(h.HouseholdId)).Select(h => new { h.HouseholdId, h.ZoneId }).ToListAsync(ct);
        var zoneIds = links.Select(l => l.ZoneId).Distinct().ToList();
        if (zoneIds.Count == 0) return;
        var zones = await db.Zones.Where(z => EF.Parameter(zoneIds).Contains(z.Id) && (z.State == ZoneState.Active || z.State == ZoneState.Lifted))
            .Select(z => new { z.Id, z.Number, z.Name, z.Level, z.Preset, z.State, z.LevelSince, z.StartedAtUtc, z.EndedAtUtc }).ToDictionaryAsync(z => z.Id, ct);
        var zonesOf = links.ToLookup(l => l.HouseholdId, l => l.ZoneId);
        foreach (var home in homes)
            foreach (var zoneId in zonesOf[home.Household])
            {
                if (!zones.TryGetValue(zoneId, out var z)) continue;
                var evidence = $"zone:{z.Id}";
                if (z.State == ZoneState.Lifted && z.EndedAtUtc is { } ended)
                {
                    add(home.Id, new ZoneLiftedFact(ended, evidence, ZoneWords.Lifted(z.Preset, z.Level, z.Name, z.Number, DateOnly.FromDateTime(ended + Common.CityClock.ChinaOffset))));
                    continue;
                }
                var colour = z.Level switch { ZoneLevel.Sealed => policy.SealedColour, ZoneLevel.Controlled => policy.ControlledColour, _ => CodeColour.Green };
                if (colour == CodeColour.Green || z.StartedAtUtc is not { } started) continue;
                var since = z.LevelSince ?? DateOnly.FromDateTime(started + Common.CityClock.ChinaOffset);
                add(home.Id, new ZoneFact(started, evidence, colour, ZoneWords.InZone(z.Preset, z.Level, z.Name, z.Number, since)));
            }
    }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>A zone named in a proposal run: new, or one that already covered the place (the case is added to it).</summary>
public sealed record ProposedZone(long Id, string Number, string Name, ZoneLevel Level, ZonePreset Preset, ZoneState State, bool New)
{
    /// <summary>The level's name under the zone's preset, in the reader's language.</summary>
    public string LevelName => ZoneWords.Level(Preset, Level);
}

/// <summary>What proposing zones from a case did.</summary>
public sealed record ZoneProposalRun(long CaseId, IReadOnlyList<ProposedZone> Zones);

/// <summary>
/// Proposes zones from a case (domain.md §7): its home compound sealed, its community controlled, and — when an
/// officer asks, which reads the case's visits and is audited like any trajectory read — the compounds of places it
/// frequented in its infectious window controlled. A place already covered by a zone at that level or higher (in force
/// or proposed) is not proposed again: the case is added to that zone. Proposals take effect only when a person
/// confirms them (<see cref="ZoneDecisions.ConfirmAsync"/>).
/// </summary>
public sealed class ZoneProposals(TimeOrderedIds ids, CityClock clock, ZonePolicy policy, ZoneDecisions decisions, Investigation investigation)
{
    private sealed record Wanted(AddressPath Path, ZoneLevel Level, string Rule, Message Evidence);

    /// <param name="reader">The officer asking (their read of the case's visits is audited); null when the platform proposes on a
    /// case's report, from its home alone.</param>
    public async Task<ZoneProposalRun> ProposeFromCaseAsync(FangkongDb db, long caseId, TraceReader? reader, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Zones.NoCase"));
        var home = await (from p in db.Persons
                          where p.Id == c.PersonId
                          join h in db.Households on p.HouseholdId equals h.Id
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          select (long?)b.CompoundId).FirstOrDefaultAsync(ct);
        if (home is null)
        {
            if (reader is null) return new ZoneProposalRun(caseId, []);
            throw new InputException("caseId", Messages.Get("Zones.NoHome", c.Number));
        }
        var wanted = new List<Wanted>();
        var compound = (await ZoneAddresses.PathsAsync(db, [(AddressKind.Compound, home.Value)], ct)).Values.Single();
        wanted.Add(new(compound, ZoneLevel.Sealed, ZoneRules.CaseHome, new Message("Zones.Evidence.Home", c.Number)));
        // The 20 measures keep only high- and low-risk areas: no controlled ring around the home.
        if (policy.Preset != ZonePreset.TwentyMeasures)
        {
            var community = (await ZoneAddresses.PathsAsync(db, [(AddressKind.Community, compound.CommunityId)], ct)).Values.Single();
            wanted.Add(new(community, ZoneLevel.Controlled, ZoneRules.CaseCommunity, new Message("Zones.Evidence.HomeCommunity", c.Number)));
            if (reader is not null) wanted.AddRange(await FrequentedAsync(db, c, home.Value, reader, ct));
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var now = clock.UtcNow;
            var run = new List<ProposedZone>();
            var created = new List<long>();
            foreach (var w in wanted)
            {
                var covering = await ZoneOverlap.CoveringAsync(db, [w.Path], w.Level, null, [ZoneState.Active, ZoneState.Proposed], ct);
                if (covering.OrderByDescending(z => z.State == ZoneState.Active).FirstOrDefault() is { } existing)
                {
                    if (run.All(r => r.Id != existing.ZoneId))
                    {
                        await AttachAsync(db, existing.ZoneId, caseId, w.Evidence, now, ct);
                        run.Add(new ProposedZone(existing.ZoneId, existing.Number, existing.Name, existing.Level, existing.Preset, existing.State, false));
                    }
                    continue;
                }
                var zone = decisions.New(w.Path.Label, w.Level, w.Path.DistrictCode, reader?.UserId, w.Evidence, now);
                db.Zones.Add(zone);
                ZoneDecisions.AddMembers(db, zone, [w.Path], reader?.UserId, now);
                db.ZoneCases.Add(new ZoneCase { ZoneId = zone.Id, CaseId = caseId, EvidenceKey = w.Evidence.Key, EvidenceArgs = [.. w.Evidence.Args], AddedAtUtc = now });
                ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.Proposed, null, w.Level, w.Rule, [w.Evidence, new Message("Zones.Evidence.Member", w.Path.Label)],
                    reader?.UserId, null, now);
                await db.SaveChangesAsync(ct); // the next wanted place sees this proposal
                created.Add(zone.Id);
                run.Add(new ProposedZone(zone.Id, zone.Number, zone.Name, zone.Level, zone.Preset, zone.State, true));
            }
            await ZoneAddresses.ResolveHouseholdsAsync(db, created, ct);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return new ZoneProposalRun(caseId, run);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Adds a case to a zone (once), unsaved.</summary>
    internal static async Task AttachAsync(FangkongDb db, long zoneId, long caseId, Message evidence, DateTime now, CancellationToken ct)
    {
        if (await db.ZoneCases.AnyAsync(x => x.ZoneId == zoneId && x.CaseId == caseId, ct) || db.ZoneCases.Local.Any(x => x.ZoneId == zoneId && x.CaseId == caseId)) return;
        db.ZoneCases.Add(new ZoneCase { ZoneId = zoneId, CaseId = caseId, EvidenceKey = evidence.Key, EvidenceArgs = [.. evidence.Args], AddedAtUtc = now });
    }

    /// <summary>Compounds whose venues (their gates) the case entered in its infectious window, other than its home; the read is audited.</summary>
    private async Task<List<Wanted>> FrequentedAsync(FangkongDb db, CaseRecord c, long home, TraceReader reader, CancellationToken ct)
    {
        var window = investigation.WindowOf(c);
        TraceService.Audit(db, ids, reader, c.PersonId, null, "zone-proposal", Messages.Get("Zones.ProposalPurpose", c.Number), window.StartUtc, window.EndUtc, clock.UtcNow);
        var visits = await (from v in db.Visits
                            where v.PersonId == c.PersonId && v.EnteredAtUtc >= window.StartUtc && v.EnteredAtUtc < window.EndUtc
                            join venue in db.Venues on v.VenueId equals venue.Id
                            where venue.CompoundId != null && venue.CompoundId != home
                            select new { CompoundId = venue.CompoundId!.Value, venue.Name, v.EnteredAtUtc }).ToListAsync(ct);
        var firsts = visits.GroupBy(v => v.CompoundId).Select(g => g.OrderBy(v => v.EnteredAtUtc).First()).ToList();
        var paths = await ZoneAddresses.PathsAsync(db, firsts.Select(f => (AddressKind.Compound, f.CompoundId)).ToList(), ct);
        return [.. firsts.Where(f => paths.ContainsKey((AddressKind.Compound, f.CompoundId))).Select(f => new Wanted(paths[(AddressKind.Compound, f.CompoundId)], ZoneLevel.Controlled,
            ZoneRules.CaseFrequented, new Message("Zones.Evidence.Frequented", c.Number, f.Name, clock.ToLocal(f.EnteredAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))))];
    }
}

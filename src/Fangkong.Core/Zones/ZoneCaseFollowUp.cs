using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>
/// <see cref="ICaseZones"/>: what new cases do to zones. A case living in a zone in force is added to it — a controlled
/// zone turns sealed at once, a sealed one restarts its clock — and a case living outside any sealed zone has its home
/// proposed for sealing (and its community for control), to be confirmed by a person. Runs in the reporter's
/// transaction, so a case and its zone effects are saved together. A suspected case does nothing to zones until it is
/// confirmed (the case registry calls this again then): most are excluded, and a zone is sealed on a positive.
/// </summary>
public sealed class ZoneCaseFollowUp(CityClock clock, ZoneSteps steps, ZoneProposals proposals, ZoneEffects effects, ZoneTestRounds rounds) : ICaseZones
{
    public async Task OnCasesAsync(FangkongDb db, IReadOnlyCollection<long> caseIds, long? userId, CancellationToken ct)
    {
        if (caseIds.Count == 0) return;
        var ids = caseIds.Distinct().ToList();
        var cases = await (from c in db.Cases
                           where ids.Contains(c.Id) && c.Class != CaseClass.Suspected && c.Status != CaseStatus.Excluded
                           join p in db.Persons on c.PersonId equals p.Id
                           select new { c.Id, c.Number, p.HouseholdId }).ToListAsync(ct);
        if (cases.Count == 0) return;
        var households = cases.Where(c => c.HouseholdId != null).Select(c => c.HouseholdId!.Value).Distinct().ToList();
        var inside = await (from h in db.ZoneHouseholds
                            where households.Contains(h.HouseholdId)
                            join z in db.Zones on h.ZoneId equals z.Id
                            where z.State == ZoneState.Active
                            select new { h.HouseholdId, Zone = z }).ToListAsync(ct);
        var now = clock.UtcNow;
        var upgraded = new List<long>();
        var unsealed = new List<long>();
        foreach (var c in cases.OrderBy(c => c.Id))
        {
            var zones = inside.Where(x => x.HouseholdId == c.HouseholdId).Select(x => x.Zone).Where(z => z.Level != ZoneLevel.Precaution).ToList();
            foreach (var z in zones) await ZoneProposals.AttachAsync(db, z.Id, c.Id, new Message("Zones.Evidence.Inside", c.Number), now, ct);
            upgraded.AddRange(steps.PositiveInside(db, zones, c.Number, now));
            if (zones.All(z => z.Level != ZoneLevel.Sealed)) unsealed.Add(c.Id);
        }
        await db.SaveChangesAsync(ct);
        if (upgraded.Count > 0)
        {
            await effects.RecomputeResidentsAsync(db, upgraded, ct);
            // Sealed from today: day 1 of its tests, at the door.
            await rounds.OrderAsync(db, [.. inside.Select(x => x.Zone).Where(z => upgraded.Contains(z.Id)).DistinctBy(z => z.Id)], userId ?? 0, ct);
        }
        foreach (var caseId in unsealed) await proposals.ProposeFromCaseAsync(db, caseId, null, ct);
    }
}

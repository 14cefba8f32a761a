using Fangkong.Core.Common;
using Fangkong.Core.Tracing;
using Fangkong.Core.Zones;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Zones through the officers' own use cases: for each day's new cases the epidemiologist proposes zones from the case
/// (<see cref="ZoneProposals"/>: its home compound sealed, its community controlled) and confirms them
/// (<see cref="ZoneDecisions"/>), or dismisses one an address of which has meanwhile come under a zone at its level or
/// higher, and those of a case found at a quarantine site, which was not at large (as positives found among people
/// under quarantine were told apart from those found in the community in 2022); the daily review (<see cref="ZoneReview"/>) runs in the morning as the platform's, and again in the afternoon
/// once the day's zone round is resulted, as an administrator's; each downgrade or lift the rules then propose is asked
/// for by the epidemiologist and approved by a second officer (<see cref="ZoneSteps"/>). Notes are data, in Chinese.
/// </summary>
internal static class OutbreakZones
{
    /// <summary>
    /// From <paramref name="hour"/>, proposes and confirms the zones of new cases found at large or at home; a case found
    /// at a quarantine site had been isolated since it was placed there, so the platform's proposals from its home are
    /// dismissed (unless a case at large confirmed them). Returns the zones put in force.
    /// </summary>
    public static async Task<int> SetFromCasesAsync(OutbreakWorld w, IReadOnlyList<CaseRecord> cases, int hour, int minute, CancellationToken ct)
    {
        if (cases.Count == 0) return 0;
        w.At(hour, minute);
        var proposals = w.Get<ZoneProposals>();
        var decisions = w.Get<ZoneDecisions>();
        HashSet<long> atSite;
        await using (var db = await w.DbAsync(ct))
            atSite = await FoundAtSiteAsync(db, cases, ct);
        var set = 0;
        foreach (var c in cases.Where(c => !atSite.Contains(c.Id)))
        {
            ZoneProposalRun run;
            await using (var db = await w.DbAsync(ct))
                run = await proposals.ProposeFromCaseAsync(db, c.Id, w.Reader, ct);
            foreach (var zone in run.Zones.Where(z => z.State == ZoneState.Proposed))
            {
                await using var db = await w.DbAsync(ct);
                try
                {
                    await decisions.ConfirmAsync(db, zone.Id, new ZoneDecision("模拟疫情：流调核实后确认"), w.Epidemiologist, ct);
                    set++;
                }
                catch (InputException)
                {
                    // Meanwhile under a zone at its level or higher (a controlled community sealed by a positive inside).
                    db.ChangeTracker.Clear();
                    await decisions.DismissAsync(db, zone.Id, new ZoneDecision("模拟疫情：已在更高等级区域内"), w.Epidemiologist, ct);
                }
            }
        }
        if (atSite.Count == 0) return set;
        List<long> unneeded;
        await using (var db = await w.DbAsync(ct))
            unneeded = await (from zc in db.ZoneCases
                              where atSite.Contains(zc.CaseId)
                              join z in db.Zones on zc.ZoneId equals z.Id
                              where z.State == ZoneState.Proposed
                              orderby z.Id
                              select z.Id).Distinct().ToListAsync(ct);
        foreach (var id in unneeded)
            await using (var db = await w.DbAsync(ct))
                await decisions.DismissAsync(db, id, new ZoneDecision("模拟疫情：集中隔离点内检出，未在社会面活动"), w.Epidemiologist, ct);
        return set;
    }

    /// <summary>The cases found while their person was kept at a quarantine site (not those found in the home part of a stay).</summary>
    private static async Task<HashSet<long>> FoundAtSiteAsync(Data.FangkongDb db, IReadOnlyList<CaseRecord> cases, CancellationToken ct)
    {
        var persons = cases.Where(c => c.FoundBy == CaseFoundBy.ContactUnderQuarantine).Select(c => c.PersonId).ToList();
        if (persons.Count == 0) return [];
        var stays = await db.QuarantineStays.AsNoTracking().Where(s => persons.Contains(s.PersonId))
            .Select(s => new { s.PersonId, s.Edition, s.Role, s.Day1, s.Place, s.CreatedAtUtc }).ToListAsync(ct);
        return [.. cases.Where(c => stays.Any(s => s.PersonId == c.PersonId && s.CreatedAtUtc < c.ReportedAtUtc
            && OutbreakWorld.PlaceOn(s.Edition, s.Role, s.Day1, s.Place, c.ReportedOn) == QuarantinePlace.Centralized)).Select(c => c.Id)];
    }

    /// <summary>
    /// Runs the review — the platform's in the morning (it orders the day's zone rounds), an administrator's after the
    /// day's round is resulted — and takes each step it proposes: asked for by the epidemiologist, approved by a second
    /// officer. Returns the zones lowered and lifted.
    /// </summary>
    public static async Task<(int Downgraded, int Lifted)> ReviewAsync(OutbreakWorld w, bool platform, int hour, int minute, CancellationToken ct)
    {
        w.At(hour, minute);
        var review = w.Get<ZoneReview>();
        var steps = w.Get<ZoneSteps>();
        List<(long Id, ZoneStep Step)> proposed;
        await using (var db = await w.DbAsync(ct))
        {
            await review.RunAsync(db, platform ? 0 : w.Administrator, ct);
            proposed = (await db.Zones.AsNoTracking().Where(z => z.State == ZoneState.Active && z.PendingStep != null && z.PendingByUserId == null)
                .OrderBy(z => z.Id).Select(z => new { z.Id, z.PendingStep }).ToListAsync(ct)).Select(z => (z.Id, z.PendingStep!.Value)).ToList();
        }
        int downgraded = 0, lifted = 0;
        foreach (var (id, step) in proposed)
        {
            var note = step == ZoneStep.Lift ? "模拟疫情：符合解封条件，申请解封" : "模拟疫情：符合降级条件，申请降级";
            await using (var db = await w.DbAsync(ct))
                await steps.RequestAsync(db, id, new StepRequest(step, note), w.Epidemiologist, ct);
            await using (var db = await w.DbAsync(ct))
                await steps.ApproveAsync(db, id, w.Approver, ct);
            if (step == ZoneStep.Lift) lifted++;
            else downgraded++;
        }
        return (downgraded, lifted);
    }
}

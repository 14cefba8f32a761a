using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>What a day's review of the zones found.</summary>
public sealed record ZoneReviewRun(DateOnly Day, int Assessed, int Proposed, int Withdrawn, long? RoundId, int RoundResidents);

/// <summary>
/// The daily review of every zone in force (domain.md §7): its facts read set-based, its rule applied, and each
/// downgrade or lift the rule now allows proposed with the facts that satisfy it — an officer then asks for it and a
/// second officer approves (<see cref="ZoneSteps"/>). A step the rule proposed earlier that no longer holds (a new case)
/// is withdrawn. Nothing is lowered or lifted here. Zones on a test day of their preset get the day's round.
/// </summary>
public sealed class ZoneReview(TimeOrderedIds ids, CityClock clock, ZonePolicy policy, ZoneFactsReader reader, ZoneTestRounds rounds)
{
    /// <param name="userId">The officer who asked for the review now, or 0 for the platform's morning run (the day's round is theirs).</param>
    public async Task<ZoneReviewRun> RunAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var today = clock.Today;
        var zones = await db.Zones.Where(z => z.State == ZoneState.Active).ToListAsync(ct);
        var facts = await reader.ReadAsync(db, zones, ct);
        var tight = await ZoneFactsReader.TightZonesByDistrictAsync(db, ct);
        var now = clock.UtcNow;
        int proposed = 0, withdrawn = 0;
        foreach (var zone in zones)
        {
            var a = ZoneFactsReader.Assess(zone, facts[zone.Id], today, policy, tight);
            if (a.Step != ZoneStep.Stay && zone.PendingStep is null)
            {
                zone.PendingStep = a.Step;
                zone.PendingLevel = a.NewLevel;
                zone.PendingRule = a.Rule;
                zone.PendingAtUtc = now;
                ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.StepProposed, zone.Level, a.NewLevel, a.Rule, a.Met, null, null, now);
                proposed++;
            }
            else if (a.Step == ZoneStep.Stay && zone.PendingStep is not null && zone.PendingByUserId is null)
            {
                ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.StepRejected, zone.Level, zone.PendingLevel, a.Rule, a.Missing, null, null, now);
                ZoneSteps.ClearPending(zone);
                withdrawn++;
            }
        }
        await db.SaveChangesAsync(ct);
        var round = await rounds.OrderAsync(db, zones, userId, ct, facts);
        return new ZoneReviewRun(today, zones.Count, proposed, withdrawn, round?.Id, round?.Residents ?? 0);
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Zones;

/// <summary>An officer's request for the downgrade or lift the rules propose for a zone.</summary>
public sealed record StepRequest(ZoneStep? Step, string? Note);

/// <summary>
/// Downgrades and lifts (domain.md §7): only what the zone's rule proposes today, asked for by one officer and approved
/// by another — never by the officer who asked. On approval the zone changes, its history records both officers, the
/// rule and the facts that satisfied it, and its residents' colours are re-derived in the same transaction.
/// </summary>
public sealed class ZoneSteps(TimeOrderedIds ids, CityClock clock, ZonePolicy policy, ZoneFactsReader reader, ZoneEffects effects)
{
    public DateOnly Today => clock.Today;

    /// <summary>One zone's current facts and what the rules propose for it today.</summary>
    public async Task<(ZoneFacts Facts, ZoneAssessment Assessment)> AssessAsync(FangkongDb db, Zone zone, CancellationToken ct)
    {
        var facts = (await reader.ReadAsync(db, [zone], ct))[zone.Id];
        var tight = zone.Level == ZoneLevel.Precaution ? await ZoneFactsReader.TightZonesByDistrictAsync(db, ct) : new Dictionary<string, int>();
        return (facts, ZoneFactsReader.Assess(zone, facts, clock.Today, policy, tight));
    }

    /// <summary>An officer asks for the step the rules propose; a second officer must approve it.</summary>
    public async Task<Zone> RequestAsync(FangkongDb db, long zoneId, StepRequest r, long userId, CancellationToken ct)
    {
        var zone = await ZoneDecisions.FindAsync(db, zoneId, ct);
        if (r.Step is not ({ } step and (ZoneStep.Downgrade or ZoneStep.Lift))) throw new InputException("step", Messages.Get("Zones.BadStep"));
        var note = ZoneDecisions.Text(r.Note, "note", ZoneDecisions.MaxReason);
        if (zone.State != ZoneState.Active) throw new ConflictException(Messages.Get("Zones.NotActive", zone.Number), "NotActive");
        if (zone.PendingByUserId is not null) throw new ConflictException(Messages.Get("Zones.StepPending", zone.Number), "StepPending");
        var (_, a) = await AssessAsync(db, zone, ct);
        if (a.Step != step)
            throw new InputException("step", Messages.Get("Zones.StepNotDue", Messages.Get($"Zones.Step.{step}"),
                string.Join(Messages.Get("Common.ListSeparator"), a.Missing.Select(Messages.Get))));
        var now = clock.UtcNow;
        zone.PendingStep = step;
        zone.PendingLevel = a.NewLevel;
        zone.PendingRule = a.Rule;
        zone.PendingByUserId = userId;
        zone.PendingAtUtc = now;
        ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.StepRequested, zone.Level, a.NewLevel, a.Rule, [.. a.Met, .. ZoneDecisions.Note(note)], userId, null, now);
        await db.SaveChangesAsync(ct);
        return zone;
    }

    /// <summary>A second officer approves the requested step, which takes effect at once if the rule still holds.</summary>
    public async Task<Zone> ApproveAsync(FangkongDb db, long zoneId, long userId, CancellationToken ct)
    {
        var zone = await ZoneDecisions.FindAsync(db, zoneId, ct);
        if (zone.State != ZoneState.Active) throw new ConflictException(Messages.Get("Zones.NotActive", zone.Number), "NotActive");
        if (zone.PendingStep is not { } step || zone.PendingByUserId is not { } requester)
            throw new ConflictException(Messages.Get("Zones.NothingRequested", zone.Number), "NothingRequested");
        if (requester == userId) throw new InputException("approver", Messages.Get("Zones.SecondOfficer"));
        var (_, a) = await AssessAsync(db, zone, ct);
        if (a.Step != step)
            throw new ConflictException(Messages.Get("Zones.StepNoLongerDue", string.Join(Messages.Get("Common.ListSeparator"), a.Missing.Select(Messages.Get))), "StepNoLongerDue");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        var from = zone.Level;
        if (step == ZoneStep.Lift)
        {
            zone.State = ZoneState.Lifted;
            zone.EndedAtUtc = now;
        }
        else
        {
            zone.Level = a.NewLevel ?? ZoneLevel.Controlled;
            zone.LevelSince = clock.Today;
            zone.DowngradedFromSealed = from == ZoneLevel.Sealed;
        }
        ClearPending(zone);
        ZoneHistory.Add(db, ids, policy, zone, step == ZoneStep.Lift ? ZoneChangeKind.Lifted : ZoneChangeKind.Downgraded, from, step == ZoneStep.Lift ? null : zone.Level,
            a.Rule, a.Met, requester, userId, now);
        await db.SaveChangesAsync(ct);
        await effects.RecomputeResidentsAsync(db, [zone.Id], ct);
        await tx.CommitAsync(ct);
        return zone;
    }

    /// <summary>Withdraws a requested or proposed step (either officer, or any other).</summary>
    public async Task<Zone> RejectAsync(FangkongDb db, long zoneId, ZoneDecision d, long userId, CancellationToken ct)
    {
        var zone = await ZoneDecisions.FindAsync(db, zoneId, ct);
        if (zone.PendingStep is null) throw new ConflictException(Messages.Get("Zones.NothingRequested", zone.Number), "NothingRequested");
        var note = ZoneDecisions.Text(d.Note, "note", ZoneDecisions.MaxReason);
        ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.StepRejected, zone.Level, zone.PendingLevel, zone.PendingRule ?? ZoneRules.Officer, ZoneDecisions.Note(note),
            userId, null, clock.UtcNow);
        ClearPending(zone);
        await db.SaveChangesAsync(ct);
        return zone;
    }

    /// <summary>
    /// A positive found inside zones in force (unsaved changes, saved by the caller): a controlled zone turns sealed
    /// at once, a sealed zone restarts its clock; either way a pending downgrade or lift is withdrawn. Returns the
    /// zones whose level changed.
    /// </summary>
    internal List<long> PositiveInside(FangkongDb db, IEnumerable<Zone> zones, string caseNumber, DateTime now)
    {
        var upgraded = new List<long>();
        var evidence = new Message("Zones.Evidence.Inside", caseNumber);
        foreach (var zone in zones)
        {
            var to = ZoneLifting.OnPositiveInside(zone.Level);
            if (to is null) continue;
            if (zone.PendingStep is not null)
            {
                ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.StepRejected, zone.Level, zone.PendingLevel, ZoneRules.PositiveInside, [evidence], null, null, now);
                ClearPending(zone);
            }
            if (to == zone.Level)
            {
                ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.CaseAdded, zone.Level, zone.Level, ZoneRules.PositiveInside, [evidence], null, null, now);
                continue;
            }
            ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.Upgraded, zone.Level, to, ZoneRules.PositiveInside, [evidence], null, null, now);
            zone.Level = to.Value;
            zone.LevelSince = DateOnly.FromDateTime(clock.ToLocal(now));
            zone.DowngradedFromSealed = false;
            upgraded.Add(zone.Id);
        }
        return upgraded;
    }

    internal static void ClearPending(Zone zone)
    {
        zone.PendingStep = null;
        zone.PendingLevel = null;
        zone.PendingRule = null;
        zone.PendingByUserId = null;
        zone.PendingAtUtc = null;
    }
}

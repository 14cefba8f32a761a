using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>A restart as it will be: day 1 today, the schedule's tests still to take, the moves requested and those cancelled.</summary>
public sealed record RestartPlan(DateOnly Day1, QuarantineSchedule Schedule, IReadOnlyList<PlannedMove> Moves, IReadOnlyList<QuarantineTransfer> Cancelled);

/// <summary>
/// Restarts a quarantine from a new exposure (隔离期重新计算): the person keeps their one stay, which now serves the later
/// designation — its case, preset, day 1 and release date. Tests not yet sampled and moves not yet under way are
/// replaced by the new schedule's; the earlier designation stays open and is released with this stay.
/// </summary>
public sealed class StayRestart(CityClock clock, Transfers transfers)
{
    /// <summary>Whether the person is at the stay's site today (the centralized stage of its current schedule), not at home.</summary>
    public static bool AtSite(QuarantineStay stay, DateOnly today) =>
        stay.SiteId is not null && QuarantinePresets.For(stay.Edition, stay.Role) is { } plan
        && QuarantineSchedule.Generate(plan, stay.Day1).PlaceOn(today) == QuarantinePlace.Centralized;

    /// <summary>The open designations whose stays restart, keyed by contact: their notes say why.</summary>
    public static async Task<Dictionary<long, ContactProposal>> OwnersAsync(FangkongDb db, IEnumerable<QuarantineStay> stays, CancellationToken ct)
    {
        var ids = stays.Select(s => s.ContactId).OfType<long>().Distinct().ToList();
        return await db.ContactProposals.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    /// <summary>
    /// What a restart will do, read without changing anything: the new schedule (tests already sampled left out), the
    /// moves it requests and the pending moves it cancels. <see cref="RestartAsync"/> carries out exactly this plan.
    /// </summary>
    /// <param name="siteId">The site the person is at from today (null: at home).</param>
    public async Task<RestartPlan> PlanAsync(FangkongDb db, QuarantineStay stay, QuarantinePlan plan, long? siteId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var from = AtSite(stay, today) ? stay.SiteId : null;
        var schedule = QuarantineSchedule.Generate(plan, today);
        // A move into the site the person stays at, not yet made, still stands; any other pending move is the old schedule's.
        var cancelled = await db.QuarantineTransfers.Where(t => t.StayId == stay.Id && t.State == TransferState.Requested && (siteId == null || t.ToSiteId != siteId)).ToListAsync(ct);
        // Tests already sampled stand (today's counts as the new day 1's); the rest follow the new schedule.
        var sampled = await db.ResampleTasks.Where(t => t.StayId == stay.Id && t.DoneAtUtc != null).Select(t => t.DueDate).ToListAsync(ct);
        return new RestartPlan(today, schedule with { Tests = schedule.Tests.Where(t => !sampled.Contains(t.Date)).ToList() }, StayMoves.For(from, siteId, schedule, today), cancelled);
    }

    /// <param name="siteId">The site the person is at from today (null: at home).</param>
    /// <param name="roomId">The room at that site.</param>
    /// <param name="owners">Earlier designations by contact id, to note the restart on.</param>
    public async Task<QuarantineSchedule> RestartAsync(FangkongDb db, QuarantineStay stay, CaseRecord c, ContactProposal x, QuarantinePlan plan,
        long? siteId, long? roomId, IReadOnlyDictionary<long, ContactProposal> owners, CancellationToken ct)
    {
        var p = await PlanAsync(db, stay, plan, siteId, ct);
        var now = clock.UtcNow;
        x.AddPlatformNote(new Message("Quarantine.Restarted", Day(stay.Day1), Day(stay.ReleaseDate)));
        if (stay.ContactId is { } earlier && owners.TryGetValue(earlier, out var owner))
            owner.AddPlatformNote(new Message("Quarantine.RestartedByLater", c.Number));
        foreach (var t in p.Cancelled)
        {
            t.State = TransferState.Cancelled;
            t.CancelledAtUtc = now;
            t.AddPlatformNote(new Message("Quarantine.TransferCancelledByRestart"));
        }
        await db.ResampleTasks.Where(t => t.StayId == stay.Id && t.DoneAtUtc == null).ExecuteDeleteAsync(ct);

        stay.CaseId = c.Id;
        stay.ContactId = x.Id;
        stay.Role = plan.Role;
        stay.Edition = c.Edition;
        stay.Place = plan.Stages[0].Place;
        stay.SiteId = siteId;
        stay.RoomId = roomId;
        stay.Day1 = p.Day1;
        stay.ReleaseDate = p.Schedule.ReleaseDate;
        foreach (var m in p.Moves) transfers.Request(db, stay, m.FromSiteId, m.ToSiteId, m.Due);
        return p.Schedule;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}

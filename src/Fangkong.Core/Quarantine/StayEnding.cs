using Fangkong.Core.Data;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>Ends the quarantine of released contacts: the room is free again and tests not yet sampled are dropped.</summary>
public static class StayEnding
{
    public static async Task EndAsync(FangkongDb db, IReadOnlyCollection<long> contactIds, DateTime atUtc, CancellationToken ct)
    {
        if (contactIds.Count == 0) return;
        var ids = contactIds.Select(x => (long?)x).ToList();
        var stays = await db.QuarantineStays.Where(q => ids.Contains(q.ContactId) && q.State == QuarantineState.InQuarantine).Select(q => (long?)q.Id).ToListAsync(ct);
        if (stays.Count == 0) return;
        await db.QuarantineStays.Where(q => stays.Contains(q.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.State, QuarantineState.Released).SetProperty(q => q.ReleasedAtUtc, atUtc), ct);
        await db.ResampleTasks.Where(t => stays.Contains(t.StayId) && t.DoneAtUtc == null).ExecuteDeleteAsync(ct);
    }
}

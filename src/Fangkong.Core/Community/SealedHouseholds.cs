using Fangkong.Core.Data;
using Fangkong.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

/// <summary>
/// SEAM for the zones of issue 16 (built beside this on branch i16-zones, Core/Zones): which of some households are
/// sealed in now. Until Zones is merged it reads People's <see cref="ZoneControl"/> (zone_controls, a compound's level,
/// the table the round planner read). When Zones is merged this one method becomes, with every community page following:
/// <code>
/// (await db.ZoneHouseholds.Where(h => householdIds.Contains(h.HouseholdId)
///         &amp;&amp; db.Zones.Any(z => z.Id == h.ZoneId &amp;&amp; z.State == ZoneState.Active &amp;&amp; z.Level == ZoneLevel.Sealed))
///     .Select(h => h.HouseholdId).ToListAsync(ct)).ToHashSet();
/// </code>
/// (and ADR 0018's Community row gains Zones).
/// </summary>
internal static class SealedHouseholds
{
    public static async Task<HashSet<long>> AmongAsync(FangkongDb db, IReadOnlyCollection<long> householdIds, CancellationToken ct) =>
        (await (from h in db.Households
                where householdIds.Contains(h.Id)
                join u in db.Units on h.UnitId equals u.Id
                join b in db.Buildings on u.BuildingId equals b.Id
                join z in db.ZoneControls on b.CompoundId equals z.CompoundId
                where z.Level == ControlLevel.Sealed
                select h.Id).ToListAsync(ct)).ToHashSet();
}

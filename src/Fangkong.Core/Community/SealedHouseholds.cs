using Fangkong.Core.Data;
using Fangkong.Core.Zones;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

/// <summary>Which of some households are sealed in now: members of a zone in force at the sealed (or high-risk) level.</summary>
internal static class SealedHouseholds
{
    public static async Task<HashSet<long>> AmongAsync(FangkongDb db, IReadOnlyCollection<long> householdIds, CancellationToken ct) =>
        (await db.ZoneHouseholds
            .Where(h => householdIds.Contains(h.HouseholdId)
                && db.Zones.Any(z => z.Id == h.ZoneId && z.State == ZoneState.Active && z.Level == ZoneLevel.Sealed))
            .Select(h => h.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();
}

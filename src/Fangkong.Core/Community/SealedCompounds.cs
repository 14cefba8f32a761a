using Fangkong.Core.Data;
using Fangkong.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

/// <summary>
/// SEAM for the zones of issue 16 (built beside this on another branch, Core/Zones): which compounds are sealed now.
/// Until Zones lands it reads <see cref="ZoneControl"/> (People's zone_controls, the table the round planner reads
/// too); when it lands, this one method reads the zone tables instead (a sealed zone's members at any level of the
/// address tree) and every community page follows.
/// </summary>
internal static class SealedCompounds
{
    public static async Task<HashSet<long>> AmongAsync(FangkongDb db, IReadOnlyCollection<long> compoundIds, CancellationToken ct) =>
        (await db.ZoneControls.AsNoTracking().Where(z => z.Level == ControlLevel.Sealed && compoundIds.Contains(z.CompoundId))
            .Select(z => z.CompoundId).ToListAsync(ct)).ToHashSet();
}

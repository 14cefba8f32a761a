using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>
/// What a zone change does at once: every resident of the zones it touched has their colour re-derived (their zone is
/// a fact of the colour rules), set-based, in the caller's transaction — so a confirmed seal turns its residents red,
/// and a lift turns them back, each change explained, before the officer's request returns.
/// </summary>
public sealed class ZoneEffects(ICodeRecompute codes)
{
    /// <summary>Re-derives the colours of everyone living in the zones; the zones' changes must be saved. Returns how many colours changed.</summary>
    public async Task<int> RecomputeResidentsAsync(FangkongDb db, IReadOnlyCollection<long> zoneIds, CancellationToken ct)
    {
        if (zoneIds.Count == 0) return 0;
        var ids = zoneIds.Distinct().ToList();
        var residents = await (from h in db.ZoneHouseholds
                               where ids.Contains(h.ZoneId)
                               join p in db.Persons on h.HouseholdId equals p.HouseholdId
                               select p.Id).Distinct().ToListAsync(ct);
        return await codes.RecomputeAndWriteAsync(db, residents, ct);
    }
}

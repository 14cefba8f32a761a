using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>A zone in force (or proposed) that already covers an address, at a level.</summary>
public sealed record CoveringZone(long ZoneId, string Number, string Name, ZoneLevel Level, ZonePreset Preset, ZoneState State, AddressKind Kind, long AddressId);

/// <summary>
/// Whether an address is already in a zone at the same or a higher level: a member covers its own address and every
/// address below it. A compound may be sealed inside a controlled community (the higher level wins for its households),
/// but not sealed twice, nor controlled inside a controlled or sealed zone.
/// </summary>
public static class ZoneOverlap
{
    /// <summary>Zones of the given states at <paramref name="level"/> or higher that cover any of <paramref name="paths"/>, except <paramref name="except"/>.</summary>
    public static async Task<List<CoveringZone>> CoveringAsync(FangkongDb db, IReadOnlyCollection<AddressPath> paths, ZoneLevel level, long? except,
        IReadOnlyCollection<ZoneState> states, CancellationToken ct)
    {
        var ids = paths.SelectMany(p => p.SelfAndAbove()).Select(k => k.Id).Distinct().ToList();
        var keys = paths.SelectMany(p => p.SelfAndAbove()).ToHashSet();
        var skip = except ?? 0;
        var rows = await (from m in db.ZoneMembers
                          where ids.Contains(m.AddressId)
                          join z in db.Zones on m.ZoneId equals z.Id
                          where states.Contains(z.State) && z.Level >= level && z.Id != skip
                          select new CoveringZone(z.Id, z.Number, z.Name, z.Level, z.Preset, z.State, m.Kind, m.AddressId)).ToListAsync(ct);
        return rows.Where(r => keys.Contains((r.Kind, r.AddressId))).ToList();
    }

    /// <summary>Refuses, naming the member ("members[1].id"), an address already in a zone in force at the same or a higher level.</summary>
    public static async Task CheckAsync(FangkongDb db, IReadOnlyList<AddressPath> paths, ZoneLevel level, long? except, CancellationToken ct)
    {
        var covering = await CoveringAsync(db, paths, level, except, [ZoneState.Active], ct);
        for (var i = 0; i < paths.Count; i++)
        {
            var above = paths[i].SelfAndAbove().ToHashSet();
            if (covering.FirstOrDefault(c => above.Contains((c.Kind, c.AddressId))) is { } hit)
                throw new InputException($"members[{i}].id", Messages.Get("Zones.Overlapping", paths[i].Label, hit.Number, hit.Name, ZoneWords.Level(hit.Preset, hit.Level)));
        }
    }
}

using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>Where a returnee stays: the household's door, its district, street, community and grid, and the grid's worker by name.</summary>
public sealed record ReturneePlace(long HouseholdId, string Address, string DistrictCode, long StreetId, long CommunityId, string Community, long? GridId, string? Grid,
    string? WorkerName);

/// <summary>Reads a household's place in the address tree and its grid (Community's), for a registration and its views.</summary>
public static class ReturneePlaces
{
    public static async Task<ReturneePlace?> OfAsync(FangkongDb db, long householdId, CancellationToken ct) =>
        (await ManyAsync(db, [householdId], ct)).GetValueOrDefault(householdId);

    public static async Task<Dictionary<long, ReturneePlace>> ManyAsync(FangkongDb db, IReadOnlyCollection<long> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0) return [];
        var rows = await (from h in db.Households
                          where householdIds.Contains(h.Id)
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          join c in db.Compounds on b.CompoundId equals c.Id
                          join cm in db.Communities on c.CommunityId equals cm.Id
                          join s in db.Streets on cm.StreetId equals s.Id
                          join gh in db.GridHouseholds on h.Id equals gh.HouseholdId into ghs
                          from gh in ghs.DefaultIfEmpty()
                          join g in db.Grids on gh.GridId equals g.Id into gs
                          from g in gs.DefaultIfEmpty()
                          select new
                          {
                              h.Id,
                              Door = h.Number,
                              Building = b.Number,
                              Unit = u.Number,
                              Compound = c.Name,
                              CommunityId = cm.Id,
                              Community = cm.Name,
                              StreetId = s.Id,
                              s.DistrictCode,
                              GridId = g == null ? (long?)null : g.Id,
                              Grid = g == null ? null : g.Name,
                              Worker = g == null ? null : g.WorkerName,
                          }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).Select(g => g.First()).ToDictionary(r => r.Id, r => new ReturneePlace(r.Id,
            Common.Messages.Get("Returnees.Door", r.Community, r.Compound, r.Building, r.Unit, r.Door), r.DistrictCode, r.StreetId, r.CommunityId, r.Community,
            r.GridId, r.Grid, r.Worker));
    }
}

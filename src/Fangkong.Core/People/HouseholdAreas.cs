using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.People;

/// <summary>A household's district and community, which its residents carry for the area filter (ADR 0028).</summary>
public static class HouseholdAreas
{
    public static async Task<(string? DistrictCode, long? CommunityId)> OfAsync(FangkongDb db, long? householdId, CancellationToken ct)
    {
        if (householdId is not { } id) return (null, null);
        var row = await (from h in db.Households
                         where h.Id == id
                         join u in db.Units on h.UnitId equals u.Id
                         join b in db.Buildings on u.BuildingId equals b.Id
                         join c in db.Compounds on b.CompoundId equals c.Id
                         join cm in db.Communities on c.CommunityId equals cm.Id
                         join s in db.Streets on cm.StreetId equals s.Id
                         select new { s.DistrictCode, CommunityId = cm.Id }).FirstOrDefaultAsync(ct);
        return (row?.DistrictCode, row?.CommunityId);
    }

    /// <summary>Sets every person's area from their household: after a bulk load that wrote households' residents without it.</summary>
    public static Task<int> FillAsync(FangkongDb db, CancellationToken ct) =>
        db.Persons.IgnoreQueryFilters().Where(p => p.HouseholdId != null).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.CommunityId, p => (from h in db.Households
                                                   where h.Id == p.HouseholdId
                                                   join u in db.Units on h.UnitId equals u.Id
                                                   join b in db.Buildings on u.BuildingId equals b.Id
                                                   join c in db.Compounds on b.CompoundId equals c.Id
                                                   select (long?)c.CommunityId).FirstOrDefault())
            .SetProperty(p => p.DistrictCode, p => (from h in db.Households
                                                    where h.Id == p.HouseholdId
                                                    join u in db.Units on h.UnitId equals u.Id
                                                    join b in db.Buildings on u.BuildingId equals b.Id
                                                    join c in db.Compounds on b.CompoundId equals c.Id
                                                    join cm in db.Communities on c.CommunityId equals cm.Id
                                                    join s in db.Streets on cm.StreetId equals s.Id
                                                    select s.DistrictCode).FirstOrDefault()), ct);
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>Where a household is, as an order needs it: its district, community and grid, whether it is in a village, and its door.</summary>
internal sealed record HouseholdPlace(long HouseholdId, string DistrictCode, long CommunityId, long? GridId, bool Village, string Address);

internal static class HouseholdPlaces
{
    public static async Task<Dictionary<long, HouseholdPlace>> OfAsync(FangkongDb db, IReadOnlyCollection<long> householdIds, CancellationToken ct)
    {
        var rows = await (from h in db.Households
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          join c in db.Compounds on b.CompoundId equals c.Id
                          join cm in db.Communities on c.CommunityId equals cm.Id
                          join s in db.Streets on cm.StreetId equals s.Id
                          where householdIds.Contains(h.Id)
                          select new { h.Id, s.DistrictCode, CommunityId = cm.Id, CommunityName = cm.Name, Compound = c.Name, Building = b.Number, Unit = u.Number, Door = h.Number })
            .ToListAsync(ct);
        var grids = await db.GridHouseholds.AsNoTracking().Where(g => householdIds.Contains(g.HouseholdId))
            .Select(g => new { g.HouseholdId, g.GridId, g.JointUnitId }).ToDictionaryAsync(g => g.HouseholdId, ct);
        return rows.ToDictionary(r => r.Id, r =>
        {
            var grid = grids.GetValueOrDefault(r.Id);
            return new HouseholdPlace(r.Id, r.DistrictCode, r.CommunityId, grid?.GridId,
                grid?.JointUnitId is not null || GridDivision.IsVillage(r.CommunityName),
                Messages.Get("Community.Door", r.Compound, r.Building, r.Unit, r.Door));
        });
    }

    /// <summary>Whether the household is sealed in or controlled now: only they order to the door (domain.md §8).</summary>
    public static Task<bool> ConfinedAsync(FangkongDb db, long householdId, CancellationToken ct) =>
        db.ZonedHouseholds.AnyAsync(h => h.HouseholdId == householdId && h.Level >= ZoneLevel.Controlled, ct);

    /// <summary>The household's rank in every queue and whether its packs are free, from its members' special groups.</summary>
    public static async Task<Dictionary<long, (int Rank, bool Free)>> PrioritiesAsync(FangkongDb db, IReadOnlyCollection<long> householdIds, CancellationToken ct)
    {
        var groups = await (from m in db.SpecialGroupMembers
                            where m.EndedAtUtc == null
                            join p in db.Persons on m.PersonId equals p.Id
                            where p.HouseholdId != null && householdIds.Contains(p.HouseholdId.Value)
                            select new { Household = p.HouseholdId!.Value, m.Group }).ToListAsync(ct);
        return groups.GroupBy(g => g.Household).ToDictionary(g => g.Key,
            g => (Domain.Supplies.SupplyPriority.Rank(g.Select(x => x.Group)), Domain.Supplies.SupplyPriority.Free(g.Select(x => x.Group))));
    }
}

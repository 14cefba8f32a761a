using Fangkong.Core.Data;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>Where a household is and what holds for it now: its door, district, street and community, sealed in or not, a special group in it or not.</summary>
public sealed record HouseholdPlace(long HouseholdId, string Address, string DistrictCode, string District, long StreetId, string Street, long CommunityId, string Community,
    bool SealedIn, bool SpecialGroup);

/// <summary>Reads households' places in a fixed number of queries, for the hotline's lookup and for routing a new ticket.</summary>
internal static class TicketAddress
{
    public static async Task<Dictionary<long, HouseholdPlace>> OfAsync(FangkongDb db, IReadOnlyCollection<long> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0) return [];
        var rows = await (from h in db.Households
                          where householdIds.Contains(h.Id)
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          join c in db.Compounds on b.CompoundId equals c.Id
                          join cm in db.Communities on c.CommunityId equals cm.Id
                          join s in db.Streets on cm.StreetId equals s.Id
                          join d in db.Districts on s.DistrictCode equals d.Code
                          select new { h.Id, Door = h.Number, Building = b.Number, Unit = u.Number, Compound = c.Name, CommunityId = cm.Id, Community = cm.Name, StreetId = s.Id, Street = s.Name, d.Code, District = d.Name })
            .ToListAsync(ct);
        var sealedIn = (await db.ZonedHouseholds.Where(z => householdIds.Contains(z.HouseholdId) && z.Level == ZoneLevel.Sealed)
            .Select(z => z.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();
        var special = (await db.Persons.Where(p => p.HouseholdId != null && householdIds.Contains(p.HouseholdId.Value) && db.ServedFirst.Contains(p.Id))
            .Select(p => p.HouseholdId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        return rows.ToDictionary(r => r.Id, r => new HouseholdPlace(r.Id, Common.Messages.Get("Requests.Door", r.Community, r.Compound, r.Building, r.Unit, r.Door),
            r.Code, r.District, r.StreetId, r.Street, r.CommunityId, r.Community, sealedIn.Contains(r.Id), special.Contains(r.Id)));
    }
}

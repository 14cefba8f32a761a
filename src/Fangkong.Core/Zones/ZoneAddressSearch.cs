using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>An address to pick for a zone: its level, id, label, district and the address above it.</summary>
public sealed record AddressOption(AddressKind Kind, long Id, string Label, string DistrictCode, long? ParentId);

/// <summary>
/// Finds addresses to draw a zone over: communities and compounds by a part of their name, and the buildings and units
/// of one compound, so an officer picks a whole community down to a single unit.
/// </summary>
public static class ZoneAddressSearch
{
    public const int MaxResults = 50;

    public static async Task<IReadOnlyList<AddressOption>> FindAsync(FangkongDb db, string? q, string? district, CancellationToken ct)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 50) throw new InputException("q", Messages.Get("Zones.SearchText"));
        ControlCharacters.Check(text, "q");
        var d = LineFilters.District(district);
        var communities = await (from c in db.Communities
                                 join s in db.Streets on c.StreetId equals s.Id
                                 where c.Name.Contains(text) && (d == null || s.DistrictCode == d)
                                 orderby c.Name, c.Id
                                 select new AddressOption(AddressKind.Community, c.Id, c.Name, s.DistrictCode, null)).Take(MaxResults).ToListAsync(ct);
        var compounds = await (from co in db.Compounds
                               join c in db.Communities on co.CommunityId equals c.Id
                               join s in db.Streets on c.StreetId equals s.Id
                               where co.Name.Contains(text) && (d == null || s.DistrictCode == d)
                               orderby co.Name, co.Id
                               select new { co.Id, co.Name, Community = c.Name, CommunityId = c.Id, s.DistrictCode }).Take(MaxResults).ToListAsync(ct);
        return [.. communities, .. compounds.Select(x => new AddressOption(AddressKind.Compound, x.Id, Messages.Get("Zones.Address.CompoundIn", x.Name, x.Community), x.DistrictCode, x.CommunityId))];
    }

    /// <summary>The buildings of a compound and their units.</summary>
    public static async Task<IReadOnlyList<AddressOption>> InsideAsync(FangkongDb db, long compoundId, CancellationToken ct)
    {
        var compound = (await ZoneAddresses.PathsAsync(db, [(AddressKind.Compound, compoundId)], ct)).Values.FirstOrDefault()
            ?? throw new NotFoundException("compoundId", Messages.Get("Zones.UnknownAddress"));
        var units = await (from b in db.Buildings
                           where b.CompoundId == compoundId
                           join u in db.Units on b.Id equals u.BuildingId
                           orderby b.Number, u.Number
                           select new { BuildingId = b.Id, Building = b.Number, UnitId = u.Id, Unit = u.Number }).ToListAsync(ct);
        var result = new List<AddressOption>();
        foreach (var b in units.GroupBy(u => (u.BuildingId, u.Building)))
        {
            result.Add(new AddressOption(AddressKind.Building, b.Key.BuildingId, Messages.Get("Zones.Address.Building", compound.Compound, b.Key.Building), compound.DistrictCode, compoundId));
            result.AddRange(b.Select(u => new AddressOption(AddressKind.Unit, u.UnitId, Messages.Get("Zones.Address.Unit", compound.Compound, u.Building, u.Unit), compound.DistrictCode, u.BuildingId)));
        }
        return result;
    }
}

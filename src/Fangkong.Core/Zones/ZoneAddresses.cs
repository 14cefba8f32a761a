using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>An address picked for a zone: its level of the tree and its id.</summary>
public sealed record ZoneMemberInput(AddressKind? Kind, long? Id);

/// <summary>An address and the addresses above it, down to the picked level (the lower ones null).</summary>
public sealed record AddressPath(AddressKind Kind, long Id, string DistrictCode, long CommunityId, string Community,
    long? CompoundId, string? Compound, long? BuildingId, int? Building, long? UnitId, int? Unit)
{
    /// <summary>Itself and every address above it, as (kind, id): a zone member at any of them covers this address.</summary>
    public IEnumerable<(AddressKind Kind, long Id)> SelfAndAbove()
    {
        yield return (AddressKind.Community, CommunityId);
        if (CompoundId is { } c) yield return (AddressKind.Compound, c);
        if (BuildingId is { } b) yield return (AddressKind.Building, b);
        if (UnitId is { } u) yield return (AddressKind.Unit, u);
    }

    /// <summary>"福民小区 3号楼 2单元", worded in the reader's language.</summary>
    public string Label => Kind switch
    {
        AddressKind.Community => Community,
        AddressKind.Compound => Compound!,
        AddressKind.Building => Messages.Get("Zones.Address.Building", Compound, Building),
        _ => Messages.Get("Zones.Address.Unit", Compound, Building, Unit),
    };
}

/// <summary>
/// Reads the addresses a zone is drawn over and resolves members to households. Members are kept as picked (a whole
/// community, a compound, a building or a unit); the households they cover are written to zone_households in one
/// statement per level of the tree, so codes, gates and testing join one table (ADR 0021).
/// </summary>
public static class ZoneAddresses
{
    public const int MaxMembers = 1000;

    /// <summary>The paths of the picked addresses, in order; an unknown or malformed one names its field ("members[2].id").</summary>
    public static async Task<List<AddressPath>> ResolveAsync(FangkongDb db, IReadOnlyList<ZoneMemberInput>? members, CancellationToken ct)
    {
        if (members is null || members.Count == 0) throw new InputException("members", Messages.Get("Zones.NoMembers"));
        if (members.Count > MaxMembers) throw new InputException("members", Messages.Get("Zones.TooManyMembers", MaxMembers));
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is not { Kind: { } k } || !Enum.IsDefined(k)) throw new InputException($"members[{i}].kind", Messages.Get("Zones.BadAddressKind"));
            if (members[i].Id is not > 0) throw new InputException($"members[{i}].id", Messages.Get("Zones.UnknownAddress"));
        }
        var paths = await PathsAsync(db, members.Select(m => (m.Kind!.Value, m.Id!.Value)).ToList(), ct);
        var result = new List<AddressPath>();
        for (var i = 0; i < members.Count; i++)
        {
            var key = (members[i].Kind!.Value, members[i].Id!.Value);
            if (!paths.TryGetValue(key, out var path)) throw new InputException($"members[{i}].id", Messages.Get("Zones.UnknownAddress"));
            if (result.Any(p => p.Kind == path.Kind && p.Id == path.Id)) throw new InputException($"members[{i}].id", Messages.Get("Zones.DuplicateMember"));
            result.Add(path);
        }
        return result;
    }

    /// <summary>The paths of addresses by (kind, id); unknown ones are absent. One query per level asked for.</summary>
    public static async Task<Dictionary<(AddressKind, long), AddressPath>> PathsAsync(FangkongDb db, IReadOnlyCollection<(AddressKind Kind, long Id)> keys, CancellationToken ct)
    {
        var found = new Dictionary<(AddressKind, long), AddressPath>();
        var units = keys.Where(k => k.Kind == AddressKind.Unit).Select(k => k.Id).Distinct().ToList();
        if (units.Count > 0)
            foreach (var p in await (from u in db.Units
                                     where units.Contains(u.Id)
                                     join b in db.Buildings on u.BuildingId equals b.Id
                                     join co in db.Compounds on b.CompoundId equals co.Id
                                     join c in db.Communities on co.CommunityId equals c.Id
                                     join s in db.Streets on c.StreetId equals s.Id
                                     select new AddressPath(AddressKind.Unit, u.Id, s.DistrictCode, c.Id, c.Name, co.Id, co.Name, b.Id, b.Number, u.Id, u.Number)).ToListAsync(ct))
                found[(p.Kind, p.Id)] = p;
        var buildings = keys.Where(k => k.Kind == AddressKind.Building).Select(k => k.Id).Distinct().ToList();
        if (buildings.Count > 0)
            foreach (var p in await (from b in db.Buildings
                                     where buildings.Contains(b.Id)
                                     join co in db.Compounds on b.CompoundId equals co.Id
                                     join c in db.Communities on co.CommunityId equals c.Id
                                     join s in db.Streets on c.StreetId equals s.Id
                                     select new AddressPath(AddressKind.Building, b.Id, s.DistrictCode, c.Id, c.Name, co.Id, co.Name, b.Id, b.Number, null, null)).ToListAsync(ct))
                found[(p.Kind, p.Id)] = p;
        var compounds = keys.Where(k => k.Kind == AddressKind.Compound).Select(k => k.Id).Distinct().ToList();
        if (compounds.Count > 0)
            foreach (var p in await (from co in db.Compounds
                                     where compounds.Contains(co.Id)
                                     join c in db.Communities on co.CommunityId equals c.Id
                                     join s in db.Streets on c.StreetId equals s.Id
                                     select new AddressPath(AddressKind.Compound, co.Id, s.DistrictCode, c.Id, c.Name, co.Id, co.Name, null, null, null, null)).ToListAsync(ct))
                found[(p.Kind, p.Id)] = p;
        var communities = keys.Where(k => k.Kind == AddressKind.Community).Select(k => k.Id).Distinct().ToList();
        if (communities.Count > 0)
            foreach (var p in await (from c in db.Communities
                                     where communities.Contains(c.Id)
                                     join s in db.Streets on c.StreetId equals s.Id
                                     select new AddressPath(AddressKind.Community, c.Id, s.DistrictCode, c.Id, c.Name, null, null, null, null, null, null)).ToListAsync(ct))
                found[(p.Kind, p.Id)] = p;
        return found;
    }

    /// <summary>
    /// Writes the households the zones' members cover (those not written yet), one INSERT … SELECT per level of the tree,
    /// and refreshes each zone's household and resident counts. Ids are numbers, never caller text.
    /// </summary>
    public static async Task ResolveHouseholdsAsync(FangkongDb db, IReadOnlyCollection<long> zoneIds, CancellationToken ct)
    {
        if (zoneIds.Count == 0) return;
        await db.SaveChangesAsync(ct); // the members must be in the store for the statements to read them
        var zones = string.Join(",", zoneIds.Distinct().Select(z => z.ToString(CultureInfo.InvariantCulture)));
        foreach (var kind in new[] { AddressKind.Unit, AddressKind.Building, AddressKind.Compound, AddressKind.Community })
        {
            var sql = $"""
                INSERT INTO zone_households ("ZoneId", "HouseholdId", "CompoundId")
                SELECT m."ZoneId", h."Id", co."Id"
                FROM zone_members m
                JOIN {Table(kind)}
                WHERE m."ZoneId" IN ({zones}) AND m."Kind" = {(int)kind}
                  AND NOT EXISTS (SELECT 1 FROM zone_households x WHERE x."ZoneId" = m."ZoneId" AND x."HouseholdId" = h."Id")
                """;
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        var ids = zoneIds.Distinct().ToList();
        var households = await db.ZoneHouseholds.Where(h => ids.Contains(h.ZoneId)).GroupBy(h => h.ZoneId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var residents = await (from h in db.ZoneHouseholds
                               where ids.Contains(h.ZoneId)
                               join p in db.Persons on h.HouseholdId equals p.HouseholdId
                               group p by h.ZoneId into g
                               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        foreach (var z in await db.Zones.Where(z => ids.Contains(z.Id)).ToListAsync(ct))
        {
            z.Households = households.GetValueOrDefault(z.Id);
            z.Residents = residents.GetValueOrDefault(z.Id);
        }
    }

    // From a member of one level down to its households: the member's address joins the tree at its own level.
    private static string Table(AddressKind kind) => kind switch
    {
        AddressKind.Unit => """
            units u ON u."Id" = m."AddressId"
            JOIN buildings b ON b."Id" = u."BuildingId"
            JOIN compounds co ON co."Id" = b."CompoundId"
            JOIN households h ON h."UnitId" = u."Id"
            """,
        AddressKind.Building => """
            buildings b ON b."Id" = m."AddressId"
            JOIN compounds co ON co."Id" = b."CompoundId"
            JOIN units u ON u."BuildingId" = b."Id"
            JOIN households h ON h."UnitId" = u."Id"
            """,
        AddressKind.Compound => """
            compounds co ON co."Id" = m."AddressId"
            JOIN buildings b ON b."CompoundId" = co."Id"
            JOIN units u ON u."BuildingId" = b."Id"
            JOIN households h ON h."UnitId" = u."Id"
            """,
        _ => """
            compounds co ON co."CommunityId" = m."AddressId"
            JOIN buildings b ON b."CompoundId" = co."Id"
            JOIN units u ON u."BuildingId" = b."Id"
            JOIN households h ON h."UnitId" = u."Id"
            """,
    };
}

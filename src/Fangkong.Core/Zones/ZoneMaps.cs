using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>A compound on the map: where, how big, and the highest level of a zone in force over any of its households.</summary>
public sealed record MapCompound(long Id, string Name, string DistrictCode, double Latitude, double Longitude, int Households, ZoneLevel? Level, bool Focus);

/// <summary>A point marker: the compound homes of open cases (how many), or the communities of sampling sites (how many).</summary>
public sealed record MapMarker(double Latitude, double Longitude, int Count, string Label);

public sealed record MapDistrict(string Code, string Name, string EnglishName);

/// <summary>What the city map draws, from our own data only (no tiles): districts, compounds by level, case homes, sampling sites.</summary>
public sealed record ZoneMap(ZonePreset Preset, IReadOnlyList<MapDistrict> Districts, IReadOnlyList<MapCompound> Compounds,
    IReadOnlyList<MapMarker> CaseHomes, IReadOnlyList<MapMarker> Sites, long? FocusZoneId, string? FocusName = null);

/// <summary>
/// Reads the city map: every located compound with the level of the zones over it, the homes of cases still in care or
/// reported in the last 14 days, and the communities with sampling sites of rounds not closed. A fixed number of queries
/// whatever the city's size; names of people never appear, only places and counts.
/// </summary>
public sealed class ZoneMaps(CityClock clock, ZonePolicy policy)
{
    public const int RecentCaseDays = 14;

    public async Task<ZoneMap> ReadAsync(FangkongDb db, long? focusZoneId, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new MapDistrict(d.Code, d.Name, d.EnglishName)).ToListAsync(ct);
        var compounds = await (from co in db.Compounds
                               where co.Latitude != null && co.Longitude != null
                               join c in db.Communities on co.CommunityId equals c.Id
                               join s in db.Streets on c.StreetId equals s.Id
                               select new { co.Id, co.Name, co.CommunityId, s.DistrictCode, Lat = co.Latitude!.Value, Lon = co.Longitude!.Value }).ToListAsync(ct);
        var households = await (from h in db.Households
                                join u in db.Units on h.UnitId equals u.Id
                                join b in db.Buildings on u.BuildingId equals b.Id
                                group h by b.CompoundId into g
                                select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var levels = await db.ZonedHouseholds.GroupBy(h => h.CompoundId).Select(g => new { g.Key, Level = g.Max(h => h.Level) })
            .ToDictionaryAsync(x => x.Key, x => x.Level, ct);
        var focus = focusZoneId is { } z
            ? (await db.ZoneHouseholds.Where(h => h.ZoneId == z).Select(h => h.CompoundId).Distinct().ToListAsync(ct)).ToHashSet()
            : [];
        // The map names the zone it centres on by its record number and name, as every page does, never by its key.
        var focusName = focusZoneId is { } f
            ? await db.Zones.Where(x => x.Id == f).Select(x => x.Number + " " + x.Name).FirstOrDefaultAsync(ct)
            : null;

        var since = clock.Today.AddDays(-RecentCaseDays);
        var homes = await (from c in db.Cases
                           where c.Status == CaseStatus.Reported || c.Status == CaseStatus.InHospital || c.ReportedOn >= since
                           join p in db.Persons on c.PersonId equals p.Id
                           join h in db.Households on p.HouseholdId equals h.Id
                           join u in db.Units on h.UnitId equals u.Id
                           join b in db.Buildings on u.BuildingId equals b.Id
                           group c by b.CompoundId into g
                           select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var sites = await (from s in db.SamplingSites
                           join r in db.TestingRounds on s.RoundId equals r.Id
                           where r.Status != RoundStatus.Closed && r.Scope != RoundScope.Quarantine
                           group s by s.CommunityId into g
                           select new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var byId = compounds.ToDictionary(c => c.Id);
        var communityCentre = compounds.GroupBy(c => c.CommunityId).ToDictionary(g => g.Key, g => (Lat: g.Average(c => c.Lat), Lon: g.Average(c => c.Lon)));
        return new ZoneMap(policy.Preset, districts,
            [.. compounds.Select(c => new MapCompound(c.Id, c.Name, c.DistrictCode, c.Lat, c.Lon, households.GetValueOrDefault(c.Id),
                levels.TryGetValue(c.Id, out var l) ? l : null, focus.Contains(c.Id)))],
            [.. homes.Where(h => byId.ContainsKey(h.Key)).Select(h => new MapMarker(byId[h.Key].Lat, byId[h.Key].Lon, h.Count, byId[h.Key].Name))],
            [.. sites.Where(s => communityCentre.ContainsKey(s.Key)).Select(s => new MapMarker(communityCentre[s.Key].Lat, communityCentre[s.Key].Lon, s.Count, ""))],
            focusZoneId, focusName);
    }
}

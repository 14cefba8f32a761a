using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Command;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>Zones in force in one district at one level, and the residents they hold.</summary>
public sealed record ZoneDistrictTally(string DistrictCode, ZoneLevel Level, int Zones, int Residents);

/// <summary>A zone named in a day's changes.</summary>
public sealed record DayZone(long Id, string Number, string Name, ZoneLevel Level, ZonePreset Preset, string DistrictCode)
{
    public BulletinZone ForBulletin => new(Name, Level, Preset);
}

/// <summary>The zones in force now by district and level, and those put in force and lifted on a day.</summary>
public sealed record ZoneDay(DateOnly Day, IReadOnlyList<ZoneDistrictTally> InForce, IReadOnlyList<DayZone> New, IReadOnlyList<DayZone> Lifted)
{
    public int Count(ZoneLevel level) => InForce.Where(t => t.Level == level).Sum(t => t.Zones);
}

/// <summary>The command center's view of zones: three queries for the dashboard and the bulletin, whatever the number of zones.</summary>
public static class ZoneTallies
{
    /// <param name="district">Only this district's zones (a district's dashboard or bulletin); null for the whole city.</param>
    public static async Task<ZoneDay> ReadAsync(FangkongDb db, CityClock clock, DateOnly day, string? district, CancellationToken ct)
    {
        var zones = db.Zones.AsNoTracking().Where(z => district == null || z.DistrictCode == district);
        var inForce = await zones.Where(z => z.State == ZoneState.Active).GroupBy(z => new { z.DistrictCode, z.Level })
            .Select(g => new ZoneDistrictTally(g.Key.DistrictCode, g.Key.Level, g.Count(), g.Sum(z => z.Residents))).ToListAsync(ct);
        var from = clock.StartOfDayUtc(day);
        var to = clock.StartOfDayUtc(day.AddDays(1));
        var started = await zones.Where(z => z.StartedAtUtc >= from && z.StartedAtUtc < to)
            .OrderBy(z => z.StartedAtUtc).Select(z => new DayZone(z.Id, z.Number, z.Name, z.Level, z.Preset, z.DistrictCode)).ToListAsync(ct);
        var lifted = await zones.Where(z => z.State == ZoneState.Lifted && z.EndedAtUtc >= from && z.EndedAtUtc < to)
            .OrderBy(z => z.EndedAtUtc).Select(z => new DayZone(z.Id, z.Number, z.Name, z.Level, z.Preset, z.DistrictCode)).ToListAsync(ct);
        return new ZoneDay(day, [.. inForce.OrderBy(t => t.DistrictCode).ThenByDescending(t => t.Level)], started, lifted);
    }
}

using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Domain.Checkpoints;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Checkpoints;

/// <summary>One figure of vehicle checks with the line-list filter (query parameters of /api/checkpoints/checks) that selects exactly the checks it counts.</summary>
public sealed record CheckpointFigure(string Key, int Value, IReadOnlyList<KeyValuePair<string, string>> Filter);

/// <summary>One checkpoint's shift of a day: vehicles and people checked, isolated, turned back, and through the green lane.</summary>
public sealed record ShiftCount(long CheckpointId, string Checkpoint, CheckpointKind Kind, string DistrictCode, DateOnly Day, int Shift, int Vehicles, int People,
    int Isolated, int TurnedBack, int GreenLane);

/// <summary>
/// The checkpoints' figures of a day: vehicles and people checked, vehicles isolated, turned back and through the green
/// lane, for the dashboard (each with its line list's filter) and per checkpoint per shift.
/// </summary>
public static class CheckpointFigures
{
    public static async Task<IReadOnlyList<CheckpointFigure>> ReadAsync(FangkongDb db, DateOnly day, string? district, CancellationToken ct)
    {
        var q = db.VehicleChecks.AsNoTracking().Where(v => v.ShiftDay == day);
        if (district is not null) q = q.Where(v => v.DistrictCode == district);
        var r = await q.GroupBy(v => 1).Select(g => new
        {
            Vehicles = g.Count(),
            People = g.Sum(v => v.People),
            Isolated = g.Count(v => v.Verdict == CheckVerdict.Isolate),
            TurnedBack = g.Count(v => v.Verdict == CheckVerdict.TurnBack),
            Green = g.Count(v => v.GreenLane),
        }).FirstOrDefaultAsync(ct);
        var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string, string)[] area = district is null ? [("day", d)] : [("day", d), ("district", district)];
        CheckpointFigure F(string key, int value, params (string, string)[] filter) =>
            new(key, value, [.. area.Concat(filter).Select(x => KeyValuePair.Create(x.Item1, x.Item2))]);
        return
        [
            F("checkpoints.vehiclesToday", r?.Vehicles ?? 0),
            F("checkpoints.peopleToday", r?.People ?? 0),
            F("checkpoints.isolatedToday", r?.Isolated ?? 0, ("verdict", nameof(CheckVerdict.Isolate))),
            F("checkpoints.turnedBackToday", r?.TurnedBack ?? 0, ("verdict", nameof(CheckVerdict.TurnBack))),
            F("checkpoints.greenLaneToday", r?.Green ?? 0, ("greenLane", "true")),
        ];
    }

    /// <summary>Every checkpoint's shifts of a day in the caller's area, with their counts (checkpoints with no vehicle too).</summary>
    public static async Task<IReadOnlyList<ShiftCount>> ByShiftAsync(FangkongDb db, DateOnly day, string? district, CancellationToken ct)
    {
        var cps = db.Checkpoints.AsNoTracking();
        if (district is not null) cps = cps.Where(c => c.DistrictCode == district);
        var points = await cps.OrderBy(c => c.DistrictCode).ThenBy(c => c.Kind).ThenBy(c => c.Name).Take(2000).ToListAsync(ct);
        var counts = await db.VehicleChecks.AsNoTracking().Where(v => v.ShiftDay == day).GroupBy(v => new { v.CheckpointId, v.Shift }).Select(g => new
        {
            g.Key.CheckpointId,
            g.Key.Shift,
            Vehicles = g.Count(),
            People = g.Sum(v => v.People),
            Isolated = g.Count(v => v.Verdict == CheckVerdict.Isolate),
            TurnedBack = g.Count(v => v.Verdict == CheckVerdict.TurnBack),
            Green = g.Count(v => v.GreenLane),
        }).ToListAsync(ct);
        var list = new List<ShiftCount>();
        foreach (var c in points.Where(c => c.Kind != CheckpointKind.Roadblock))
        {
            for (var s = 1; s <= c.ShiftsPerDay; s++)
            {
                var n = counts.FirstOrDefault(x => x.CheckpointId == c.Id && x.Shift == s);
                list.Add(new ShiftCount(c.Id, c.Name, c.Kind, c.DistrictCode, day, s, n?.Vehicles ?? 0, n?.People ?? 0, n?.Isolated ?? 0, n?.TurnedBack ?? 0, n?.Green ?? 0));
            }
        }
        return list;
    }
}

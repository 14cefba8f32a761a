using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Travel;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>One figure of returnees with the line-list filter (query parameters of /api/lists/returnees) that selects exactly the returnees it counts.</summary>
public sealed record ReturneeFigure(string Key, int Value, IReadOnlyList<KeyValuePair<string, string>> Filter);

/// <summary>
/// The returnees' figures (issue 21, part 5): registered today and in all, by origin's level and by the rule's measure,
/// under a measure now, released, became cases, overdue now; a district's when asked. Each carries its line list's
/// filter, so a click shows the returnees behind a number and a test holds each number against its list.
/// </summary>
public static class ReturneeFigures
{
    public static async Task<IReadOnlyList<ReturneeFigure>> ReadAsync(FangkongDb db, CityClock clock, DateOnly today, string? district, CancellationToken ct)
    {
        var q = db.Returnees.AsNoTracking();
        if (district is not null) q = q.Where(r => r.DistrictCode == district);
        var rows = await q.GroupBy(r => new { r.OriginLevel, r.Measure, r.State }).Select(g => new
        {
            g.Key.OriginLevel,
            g.Key.Measure,
            g.Key.State,
            All = g.Count(),
            Today = g.Count(r => r.ArrivedOn == today),
        }).ToListAsync(ct);
        var overdue = await ReturneeLines.Query(db, new ReturneeLineFilter { District = district, Overdue = true }, clock).CountAsync(ct);

        var d = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string, string)[] area = district is null ? [] : [("district", district)];
        var list = new List<ReturneeFigure>();
        void Add(string key, int value, params (string, string)[] filter) =>
            list.Add(new ReturneeFigure(key, value, [.. area.Concat(filter).Select(x => KeyValuePair.Create(x.Item1, x.Item2))]));

        Add("returnees.arrivedToday", rows.Sum(r => r.Today), ("arrivedFrom", d), ("arrivedTo", d));
        Add("returnees.registered", rows.Sum(r => r.All));
        Add("returnees.underMeasure", rows.Where(r => r.State == ReturneeState.UnderMeasure).Sum(r => r.All), ("state", nameof(ReturneeState.UnderMeasure)));
        Add("returnees.released", rows.Where(r => r.State == ReturneeState.Released).Sum(r => r.All), ("state", nameof(ReturneeState.Released)));
        Add("returnees.becameCases", rows.Where(r => r.State == ReturneeState.BecameCase).Sum(r => r.All), ("state", nameof(ReturneeState.BecameCase)));
        Add("returnees.overdue", overdue, ("overdue", "true"));
        foreach (var level in Enum.GetValues<RiskLevel>().Reverse())
        {
            var z = RiskAreas.ZoneLevelOf(level);
            Add($"returnees.origin.{level}", rows.Where(r => r.OriginLevel == z).Sum(r => r.All), ("level", level.ToString()));
        }
        Add("returnees.origin.None", rows.Where(r => r.OriginLevel == null).Sum(r => r.All), ("noRiskArea", "true"));
        foreach (var m in Enum.GetValues<TravellerMeasure>())
        {
            Add($"returnees.measure.{m}", rows.Where(r => r.Measure == m).Sum(r => r.All), ("measure", m.ToString()));
            if (m == TravellerMeasure.None) continue;
            Add($"returnees.measure.{m}.underMeasure", rows.Where(r => r.Measure == m && r.State == ReturneeState.UnderMeasure).Sum(r => r.All),
                ("measure", m.ToString()), ("state", nameof(ReturneeState.UnderMeasure)));
        }
        return list;
    }
}

using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

/// <summary>One supervision figure with the filter (query parameters of /supervision) that selects exactly what it counts.</summary>
public sealed record SupervisionFigure(string Key, int Value, IReadOnlyList<KeyValuePair<string, string>> Filter);

/// <summary>
/// The dashboard's supervision figures (issue 24): venues with unattended gates now, in all and per district, and problems
/// handed over and overdue; each opens the list it counts.
/// </summary>
public static class SupervisionFigures
{
    public static async Task<IReadOnlyList<SupervisionFigure>> ReadAsync(FangkongDb db, DateTime nowUtc, string? district, CancellationToken ct)
    {
        var alerts = db.GateAlerts.AsNoTracking().Where(a => a.ClearedAtUtc == null);
        if (district is not null) alerts = alerts.Where(a => a.DistrictCode == district);
        var byDistrict = await alerts.GroupBy(a => a.DistrictCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var findings = db.Findings.AsNoTracking().Where(f => f.State != Domain.Supervision.FindingState.FixedOnSpot && f.DeadlineUtc != null
            && (f.AnsweredAtUtc != null ? f.AnsweredAtUtc > f.DeadlineUtc : f.DeadlineUtc < nowUtc));
        if (district is not null) findings = findings.Where(f => f.DistrictCode == district);
        var overdue = await findings.CountAsync(ct);
        (string, string)[] area = district is null ? [] : [("district", district)];
        SupervisionFigure F(string key, int value, params (string, string)[] filter) =>
            new(key, value, [.. area.Concat(filter).Select(x => KeyValuePair.Create(x.Item1, x.Item2))]);
        var list = new List<SupervisionFigure> { F("supervision.unattendedGates", byDistrict.Sum(d => d.N)), F("supervision.overdueFindings", overdue, ("overdue", "true")) };
        list.AddRange(byDistrict.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new SupervisionFigure($"supervision.unattendedGates.{d.Key}", d.N, [KeyValuePair.Create("district", d.Key)])));
        return list;
    }
}

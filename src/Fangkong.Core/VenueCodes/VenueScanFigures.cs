using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Domain.Gate;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.VenueCodes;

/// <summary>One figure of venue-code scans with the line-list filter (query parameters of /api/lists/venue-scans) that selects exactly the scans it counts.</summary>
public sealed record VenueScanFigure(string Key, int Value, IReadOnlyList<KeyValuePair<string, string>> Filter);

/// <summary>
/// The dashboard's venue-code scans of a day (issue 21 part 5): scans, entries and refusals today, and the busiest venues'
/// scans. Each figure is counted by the very query of its line list, so a number and the list behind it cannot differ.
/// </summary>
public static class VenueScanFigures
{
    public const int TopVenues = 10;

    public static async Task<IReadOnlyList<VenueScanFigure>> ReadAsync(FangkongDb db, CityClock clock, DateOnly today, string? district, CancellationToken ct)
    {
        var d = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = new VenueScanLineFilter { From = today, To = today, District = district };
        (string, string)[] dayQuery = district is null ? [("from", d), ("to", d)] : [("from", d), ("to", d), ("district", district)];
        var list = new List<VenueScanFigure>();
        async Task Add(string key, VenueScanLineFilter filter, params (string, string)[] more)
        {
            var value = await VenueScanLines.Query(db, filter, clock).CountAsync(ct);
            list.Add(new VenueScanFigure(key, value, [.. dayQuery.Concat(more).Select(x => KeyValuePair.Create(x.Item1, x.Item2))]));
        }
        await Add("venueScans.today", day);
        await Add("venueScans.entriesToday", day with { Direction = GateDirection.In, Outcome = GateOutcome.Admit }, ("direction", "In"), ("outcome", "Admit"));
        await Add("venueScans.deniedToday", day with { Outcome = GateOutcome.Deny }, ("outcome", "Deny"));
        await Add("venueScans.proxyToday", day with { Method = EntryMethod.VenueCodeProxy }, ("method", nameof(EntryMethod.VenueCodeProxy)));
        var busiest = await VenueScanLines.Query(db, day, clock).GroupBy(l => new { l.VenueId })
            .Select(g => new { g.Key.VenueId, Scans = g.Count() })
            .OrderByDescending(x => x.Scans).ThenBy(x => x.VenueId).Take(TopVenues).ToListAsync(ct);
        foreach (var v in busiest)
        {
            var id = v.VenueId.ToString(CultureInfo.InvariantCulture);
            list.Add(new VenueScanFigure($"venueScans.venue.{id}", v.Scans, [.. dayQuery.Append(("venueId", id)).Select(x => KeyValuePair.Create(x.Item1, x.Item2))]));
        }
        return list;
    }

    /// <summary>The names of the venues the busiest figures name (the dashboard's table of them).</summary>
    public static Task<Dictionary<long, string>> VenueNamesAsync(FangkongDb db, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        db.Venues.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
}

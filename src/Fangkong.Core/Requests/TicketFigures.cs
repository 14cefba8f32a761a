using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>One figure of tickets with the line-list filter (query parameters of /api/lists/tickets) that selects exactly the tickets it counts.</summary>
public sealed record TicketFigure(string Key, int Value, IReadOnlyList<KeyValuePair<string, string>> Filter);

/// <summary>
/// The requests' figures of a day (the press conference's "2,088 received, 1,994 resolved"): received and resolved today
/// and in all, open, overdue now, by category and by district. Each carries its line list's filter, so a click shows
/// the tickets behind a number and a test holds each number against its list.
/// </summary>
public static class TicketFigures
{
    public static async Task<IReadOnlyList<TicketFigure>> ReadAsync(FangkongDb db, CityClock clock, DateOnly today, string? district, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var start = clock.StartOfDayUtc(today);
        var end = clock.StartOfDayUtc(today.AddDays(1));
        var q = db.Tickets.AsNoTracking();
        if (district is not null) q = q.Where(t => t.DistrictCode == district);
        var rows = await q.GroupBy(t => new { t.Category, t.DistrictCode }).Select(g => new
        {
            g.Key.Category,
            g.Key.DistrictCode,
            Received = g.Count(),
            ReceivedToday = g.Count(t => t.ReceivedAtUtc >= start && t.ReceivedAtUtc < end),
            Resolved = g.Count(t => t.State == TicketState.Resolved),
            ResolvedToday = g.Count(t => t.ResolvedAtUtc >= start && t.ResolvedAtUtc < end),
            Open = g.Count(t => t.IsOpen),
            Overdue = g.Count(t => t.IsOpen && t.DueAtUtc < now),
        }).ToListAsync(ct);

        var d = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string, string)[] area = district is null ? [] : [("district", district)];
        var list = new List<TicketFigure>();
        void Add(string key, int value, params (string, string)[] filter) =>
            list.Add(new TicketFigure(key, value, [.. area.Concat(filter).Select(x => KeyValuePair.Create(x.Item1, x.Item2))]));

        Add("tickets.receivedToday", rows.Sum(r => r.ReceivedToday), ("receivedFrom", d), ("receivedTo", d));
        Add("tickets.resolvedToday", rows.Sum(r => r.ResolvedToday), ("resolvedFrom", d), ("resolvedTo", d));
        Add("tickets.received", rows.Sum(r => r.Received));
        Add("tickets.resolved", rows.Sum(r => r.Resolved), ("state", nameof(TicketState.Resolved)));
        Add("tickets.open", rows.Sum(r => r.Open), ("open", "true"));
        Add("tickets.overdue", rows.Sum(r => r.Overdue), ("overdue", "true"));
        foreach (var c in Enum.GetValues<RequestCategory>())
        {
            var mine = rows.Where(r => r.Category == c).ToList();
            Add($"tickets.category.{c}.received", mine.Sum(r => r.Received), ("category", c.ToString()));
            Add($"tickets.category.{c}.resolved", mine.Sum(r => r.Resolved), ("category", c.ToString()), ("state", nameof(TicketState.Resolved)));
            Add($"tickets.category.{c}.overdue", mine.Sum(r => r.Overdue), ("category", c.ToString()), ("overdue", "true"));
        }
        // A district's row is a list's only when the ticket has a district (an unknown address is the city office's).
        foreach (var g in rows.Where(r => r.DistrictCode != null).GroupBy(r => r.DistrictCode!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            (string, string) at = ("district", g.Key);
            void By(string key, int value, params (string, string)[] filter) =>
                list.Add(new TicketFigure(key, value, [.. new[] { at }.Concat(filter).Select(x => KeyValuePair.Create(x.Item1, x.Item2))]));
            By($"tickets.district.{g.Key}.receivedToday", g.Sum(r => r.ReceivedToday), ("receivedFrom", d), ("receivedTo", d));
            By($"tickets.district.{g.Key}.received", g.Sum(r => r.Received));
            By($"tickets.district.{g.Key}.resolved", g.Sum(r => r.Resolved), ("state", nameof(TicketState.Resolved)));
            By($"tickets.district.{g.Key}.overdue", g.Sum(r => r.Overdue), ("overdue", "true"));
        }
        return list;
    }

    /// <summary>Requests received and resolved on a day and to its end: the press conference's line (the city's, or a province's).</summary>
    public static async Task<(int ReceivedToday, int ResolvedToday, int Received, int Resolved)> PressAsync(FangkongDb db, CityClock clock, DateOnly day, CancellationToken ct)
    {
        var start = clock.StartOfDayUtc(day);
        var end = clock.StartOfDayUtc(day.AddDays(1));
        var q = db.Tickets.AsNoTracking().Where(t => t.ReceivedAtUtc < end);
        var r = await q.GroupBy(t => 1).Select(g => new
        {
            Received = g.Count(),
            ReceivedToday = g.Count(t => t.ReceivedAtUtc >= start),
            Resolved = g.Count(t => t.ResolvedAtUtc < end),
            ResolvedToday = g.Count(t => t.ResolvedAtUtc >= start && t.ResolvedAtUtc < end),
        }).ToListAsync(ct);
        var x = r.FirstOrDefault();
        return (x?.ReceivedToday ?? 0, x?.ResolvedToday ?? 0, x?.Received ?? 0, x?.Resolved ?? 0);
    }
}

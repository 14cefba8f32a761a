using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>One supply figure: its count (or sum) and the order-list filter whose rows it counts.</summary>
public sealed record SupplyFigure(string Key, decimal Value, OrderLineFilter Filter);

/// <summary>
/// The supplies figures the dashboard and the press conference report (domain.md §8): orders placed today and in all,
/// delivered today and in all, overdue now, and the packs and kilograms delivered. Each is counted from the order line
/// list's own query under its filter, so a figure and the list behind it cannot disagree.
/// </summary>
public sealed class SupplyFigures(OrderLines lines, CityClock clock)
{
    /// <param name="district">A district's dashboard counts its own orders; null for the city's.</param>
    public async Task<IReadOnlyList<SupplyFigure>> CountAsync(FangkongDb db, string? district, CancellationToken ct)
    {
        var today = clock.Today;
        var all = new OrderLineFilter { District = district };
        var delivered = all with { State = OrderState.Delivered };
        var deliveredToday = delivered with { DeliveredFrom = today, DeliveredTo = today };
        var figures = new List<SupplyFigure>();
        async Task Count(string key, OrderLineFilter f) => figures.Add(new(key, await lines.Query(db.SupplyOrders, f).CountAsync(ct), f));
        await Count("supplies.placedToday", all with { PlacedFrom = today, PlacedTo = today });
        await Count("supplies.placed", all);
        await Count("supplies.deliveredToday", deliveredToday);
        await Count("supplies.delivered", delivered);
        await Count("supplies.overdue", all with { Overdue = true });
        await Count("supplies.late", delivered with { Late = true });
        var sums = await lines.Query(db.SupplyOrders, delivered).GroupBy(o => 1)
            .Select(g => new { Packs = g.Sum(o => o.Packs), Kg = g.Sum(o => o.WeightKg) }).ToListAsync(ct);
        figures.Add(new("supplies.packsDelivered", sums.FirstOrDefault()?.Packs ?? 0, delivered));
        figures.Add(new("supplies.kgDelivered", Math.Round(sums.FirstOrDefault()?.Kg ?? 0), delivered));
        return figures;
    }
}

/// <summary>An order-list filter as the list page's query parameters, for a figure's link.</summary>
public static class SupplyFigureQuery
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(OrderLineFilter f)
    {
        var q = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value) { if (value is not null) q.Add(KeyValuePair.Create(key, value)); }
        Add("state", f.State?.ToString());
        Add("overdue", f.Overdue is { } o ? (o ? "true" : "false") : null);
        Add("late", f.Late is { } l ? (l ? "true" : "false") : null);
        Add("district", f.District);
        Add("placedFrom", f.PlacedFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("placedTo", f.PlacedTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("deliveredFrom", f.DeliveredFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("deliveredTo", f.DeliveredTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return q;
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Command;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Command;

/// <summary>
/// The figures press conferences add to a bulletin (domain.md §9): people under isolation at the end of the day, at a
/// site and at home, and samplings that day and across all rounds to its end (人次), citizens' requests received and
/// resolved that day and to its end and overdue now (群众诉求), and supplies to sealed homes (保供: orders, households
/// served, packs and kilograms delivered, overdue now). They are the city's (and province's):
/// a district's bulletin leaves them out.
/// </summary>
public static class BulletinPressFigures
{
    public static async Task<BulletinFigures> AddAsync(FangkongDb db, CityClock clock, BulletinFigures f, CancellationToken ct)
    {
        if (f.Level == BulletinLevel.District) return f;
        var start = clock.StartOfDayUtc(f.Day);
        var end = clock.StartOfDayUtc(f.Day.AddDays(1));
        var isolated = await db.QuarantineStays.AsNoTracking()
            .Where(s => s.CreatedAtUtc < end && (s.ReleasedAtUtc == null || s.ReleasedAtUtc >= end))
            .GroupBy(s => s.Place).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var today = await db.Samples.AsNoTracking().CountAsync(s => s.AtUtc >= start && s.AtUtc < end, ct);
        var cumulative = await db.Samples.AsNoTracking().CountAsync(s => s.AtUtc < end, ct);
        var requests = await Requests.TicketFigures.PressAsync(db, clock, f.Day, ct);
        var requestsOverdue = await Requests.TicketLines.Query(db, new Requests.TicketLineFilter { Overdue = true }, clock).CountAsync(ct);
        var supplies = await SuppliesAsync(db, clock, f.Day, ct);
        return f with
        {
            InCentralizedIsolation = isolated.GetValueOrDefault(QuarantinePlace.Centralized),
            InHomeIsolation = isolated.GetValueOrDefault(QuarantinePlace.Home),
            ScreenedToday = today,
            ScreenedCumulative = cumulative,
            RequestsReceivedToday = requests.ReceivedToday,
            RequestsResolvedToday = requests.ResolvedToday,
            RequestsReceived = requests.Received,
            RequestsResolved = requests.Resolved,
            RequestsOverdue = requestsOverdue,
            SupplyOrdersToday = supplies.Today,
            SupplyOrders = supplies.Placed,
            SupplyHouseholdsServed = supplies.Households,
            SupplyPacksDelivered = supplies.Packs,
            SupplyKgDelivered = supplies.Kg,
            SupplyOrdersOverdue = supplies.Overdue,
        };
    }

    /// <summary>
    /// The supplies line: each figure counts the order line list under one filter (<see cref="PressFilters"/>), so it
    /// equals the list an officer opens — placed to the day's end and on it, delivered to its end (the households among
    /// them, their packs and kilograms), and overdue now.
    /// </summary>
    private static async Task<(int Today, int Placed, int Households, int Packs, decimal Kg, int Overdue)> SuppliesAsync(FangkongDb db, CityClock clock, DateOnly day, CancellationToken ct)
    {
        var lines = new Supplies.OrderLines(clock);
        var filters = PressFilters(day);
        var today = await lines.Query(db.SupplyOrders, filters.Today).CountAsync(ct);
        var placed = await lines.Query(db.SupplyOrders, filters.Placed).CountAsync(ct);
        var delivered = lines.Query(db.SupplyOrders, filters.Delivered);
        var households = await delivered.Select(o => o.HouseholdId).Distinct().CountAsync(ct);
        var sums = await delivered.GroupBy(o => 1).Select(g => new { Packs = g.Sum(o => o.Packs), Kg = g.Sum(o => o.WeightKg) }).ToListAsync(ct);
        var overdue = await lines.Query(db.SupplyOrders, filters.Overdue).CountAsync(ct);
        return (today, placed, households, sums.FirstOrDefault()?.Packs ?? 0, sums.FirstOrDefault()?.Kg ?? 0, overdue);
    }

    /// <summary>The order-list filters behind the bulletin's supplies line for a day.</summary>
    public static (Supplies.OrderLineFilter Today, Supplies.OrderLineFilter Placed, Supplies.OrderLineFilter Delivered, Supplies.OrderLineFilter Overdue) PressFilters(DateOnly day) =>
        (new() { PlacedFrom = day, PlacedTo = day }, new() { PlacedTo = day },
         new() { State = Domain.Supplies.OrderState.Delivered, DeliveredTo = day }, new() { Overdue = true });
}

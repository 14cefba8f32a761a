using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Supplies;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>A sealed household with nothing ordered for days, on its grid worker's list.</summary>
public sealed record ForgottenHousehold(long HouseholdId, string Address, long? GridId, DateTime SealedSinceUtc, DateTime? LastOrderUtc);

/// <summary>
/// The queues: the supplier's open orders, a community worker's delivery run, the area's overdue orders, and the
/// sealed households with no order for days. Every queue puts special groups first (<see cref="SupplyPriority"/>), then
/// the oldest order.
/// </summary>
public sealed class SupplyQueues(SupplyPolicy policy, CityClock clock)
{
    /// <summary>The supplier's orders not yet handed over (or in one state, or the one numbered), special groups first.</summary>
    public async Task<Page<OrderView>> SupplierQueueAsync(FangkongDb db, SupplyActor actor, OrderState? state, string? number, int? page, int? size, CancellationToken ct)
    {
        LineFilters.Defined(state, "state");
        var supplier = actor.Supplier;
        var q = db.SupplyOrders.AsNoTracking().Where(o => o.SupplierId == supplier);
        if (!string.IsNullOrWhiteSpace(number)) { var n = OrderLines.OrderNumber(number); return await PageAsync(db, q.Where(o => o.Number == n), page, size, ct); }
        q = state is { } s ? q.Where(o => o.State == s) : q.Where(o => o.State < OrderState.AtGate);
        return await PageAsync(db, q, page, size, ct);
    }

    /// <summary>
    /// A worker's delivery run in their area: orders at the gate (to carry to the door) and packed or on their way (to
    /// receive at the gate), special groups first; or the one a caller reads out by its number.
    /// </summary>
    public async Task<Page<OrderView>> RunAsync(FangkongDb db, SupplyActor actor, string? number, int? page, int? size, CancellationToken ct)
    {
        var visible = await OrderAccess.VisibleAsync(db, actor, ct);
        _ = actor.Staff;
        var q = visible.AsNoTracking().Where(o => o.State == OrderState.Accepted || o.State == OrderState.Packed || o.State == OrderState.AtGate);
        if (!string.IsNullOrWhiteSpace(number)) { var n = OrderLines.OrderNumber(number); q = q.Where(o => o.Number == n); }
        return await PageAsync(db, q, page, size, ct);
    }

    /// <summary>Open orders past their due time in the caller's area (community, street, district or city): raised to them.</summary>
    public async Task<Page<OrderView>> OverdueAsync(FangkongDb db, SupplyActor actor, int? page, int? size, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var visible = await OrderAccess.VisibleAsync(db, actor, ct);
        var q = visible.AsNoTracking().Where(o => o.State < OrderState.Delivered && o.DueAtUtc < now);
        return await PageAsync(db, q, page, size, ct);
    }

    /// <summary>
    /// Households of sealed zones in the caller's area that have ordered nothing for <see cref="SupplyPolicy.NoOrderDays"/>
    /// days since they were sealed (or since their last order): no one forgotten behind a sealed door.
    /// </summary>
    public async Task<Page<ForgottenHousehold>> NoOrderAsync(FangkongDb db, SupplyActor actor, int? page, int? size, CancellationToken ct)
    {
        var scope = actor.Staff;
        var (p, s) = Paging.Normalise(page, size);
        var cutoff = clock.UtcNow.AddDays(-policy.NoOrderDays);
        var sealedIn = from h in db.ZoneHouseholds
                       join z in db.Zones on h.ZoneId equals z.Id
                       where z.State == Zones.ZoneState.Active && z.Level == ZoneLevel.Sealed && z.StartedAtUtc != null && z.StartedAtUtc <= cutoff
                       join g in scope.Households(db) on h.HouseholdId equals g.HouseholdId
                       where !db.SupplyOrders.Any(o => o.HouseholdId == h.HouseholdId && o.PlacedAtUtc > cutoff)
                       group z.StartedAtUtc by new { h.HouseholdId, g.GridId } into x
                       select new { x.Key.HouseholdId, x.Key.GridId, Since = x.Min() };
        var total = await sealedIn.LongCountAsync(ct);
        var rows = await sealedIn.OrderBy(x => x.HouseholdId).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        var ids = rows.Select(r => r.HouseholdId).ToList();
        var places = await HouseholdPlaces.OfAsync(db, ids, ct);
        var last = await db.SupplyOrders.AsNoTracking().Where(o => ids.Contains(o.HouseholdId)).GroupBy(o => o.HouseholdId)
            .Select(g => new { g.Key, At = g.Max(o => o.PlacedAtUtc) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var items = rows.Select(r => new ForgottenHousehold(r.HouseholdId, places.GetValueOrDefault(r.HouseholdId)?.Address ?? "", r.GridId,
            r.Since!.Value, last.TryGetValue(r.HouseholdId, out var at) ? at : null)).ToList();
        return new Page<ForgottenHousehold>(items, p, s, total);
    }

    private async Task<Page<OrderView>> PageAsync(FangkongDb db, IQueryable<SupplyOrder> q, int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, size);
        var total = await q.LongCountAsync(ct);
        var rows = await q.OrderByDescending(o => o.Priority).ThenBy(o => o.PlacedAtUtc).ThenBy(o => o.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<OrderView>(await OrderViews.OfAsync(db, rows, clock.UtcNow, ct), p, s, total);
    }
}

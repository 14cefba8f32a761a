using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

public sealed record OrderItemView(long PackId, string Name, PackKind Kind, int Quantity, decimal WeightKg, decimal Price);

/// <summary>An order as every page and the API show it: where it is, how old against its deadline, and whether it is served first. Names are masked.</summary>
public sealed record OrderView(long Id, string Number, long HouseholdId, string Address, long CommunityId, string Community, long? GridId, long SupplierId, string Supplier,
    DeliveryRoute Route, OrderChannel Channel, OrderState State, int Priority, bool Free, decimal Amount, int Packs, decimal WeightKg,
    DateTime PlacedAtUtc, DateTime DueAtUtc, DateTime? AcceptedAtUtc, DateTime? PackedAtUtc, DateTime? AtGateAtUtc, DateTime? DeliveredAtUtc,
    DateTime? ClosedAtUtc, string? Reason, DeliveryProof? Proof, string PlacedByName, string? DeliveredByName, bool Overdue, bool Late,
    IReadOnlyList<OrderItemView> Items)
{
    /// <summary>A household of a special group: flagged in every queue.</summary>
    public bool Special => Priority > 0;
}

/// <summary>Orders as views in a fixed number of queries, whatever their count.</summary>
internal static class OrderViews
{
    public static async Task<IReadOnlyList<OrderView>> OfAsync(FangkongDb db, IReadOnlyList<SupplyOrder> orders, DateTime nowUtc, CancellationToken ct)
    {
        if (orders.Count == 0) return [];
        var ids = orders.Select(o => o.Id).ToList();
        var lines = (await (from l in db.SupplyOrderLines
                            where ids.Contains(l.OrderId)
                            join p in db.SupplyPacks on l.PackId equals p.Id
                            select new { l.OrderId, l.PackId, p.Name, p.Kind, l.Quantity, l.WeightKg, l.Price }).ToListAsync(ct))
            .ToLookup(l => l.OrderId);
        var places = await HouseholdPlaces.OfAsync(db, orders.Select(o => o.HouseholdId).Distinct().ToList(), ct);
        var communityIds = orders.Select(o => o.CommunityId).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var supplierIds = orders.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return orders.Select(o => new OrderView(o.Id, o.Number, o.HouseholdId, places.GetValueOrDefault(o.HouseholdId)?.Address ?? "", o.CommunityId,
            communities.GetValueOrDefault(o.CommunityId, ""), o.GridId, o.SupplierId, suppliers.GetValueOrDefault(o.SupplierId, ""), o.Route, o.Channel, o.State,
            o.Priority, o.Free, o.Amount, o.Packs, o.WeightKg, o.PlacedAtUtc, o.DueAtUtc, o.AcceptedAtUtc, o.PackedAtUtc, o.AtGateAtUtc, o.DeliveredAtUtc,
            o.ClosedAtUtc, o.Reason, o.Proof, Masking.Name(o.PlacedByName), o.DeliveredByName is { } by ? Masking.Name(by) : null, DeliveryDeadline.IsOverdue(o.State, o.DueAtUtc, nowUtc),
            DeliveryDeadline.DeliveredLate(o.DueAtUtc, o.DeliveredAtUtc),
            lines[o.Id].Select(l => new OrderItemView(l.PackId, l.Name, l.Kind, l.Quantity, l.WeightKg, l.Price)).ToList())).ToList();
    }

    public static async Task<OrderView> OneAsync(FangkongDb db, long id, DateTime nowUtc, CancellationToken ct) =>
        (await OfAsync(db, await db.SupplyOrders.AsNoTracking().Where(o => o.Id == id).ToListAsync(ct), nowUtc, ct))[0];
}

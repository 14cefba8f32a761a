using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>
/// The orders an actor may see: a resident their household's, a supplier its own, staff those of their area (the area
/// filter of ADR 0028 confines the context; a grid worker's and an officer's area is their grid and community). Any
/// other order is "not found", so its number reveals nothing.
/// </summary>
internal static class OrderAccess
{
    public static async Task<IQueryable<SupplyOrder>> VisibleAsync(FangkongDb db, SupplyActor actor, CancellationToken ct)
    {
        if (actor.Role == Roles.Resident)
        {
            var household = await SupplyOrders.OwnHouseholdAsync(db, actor, ct);
            return db.SupplyOrders.Where(o => o.HouseholdId == household);
        }
        if (actor.SupplierId is { } supplier) return db.SupplyOrders.Where(o => o.SupplierId == supplier);
        var scope = actor.Staff;
        return scope.GridId is { } g ? db.SupplyOrders.Where(o => o.GridId == g)
            : scope.CommunityId is { } c ? db.SupplyOrders.Where(o => o.CommunityId == c)
            : db.SupplyOrders;
    }

    public static async Task<SupplyOrder> FindAsync(FangkongDb db, SupplyActor actor, long id, string field, CancellationToken ct) =>
        await (await VisibleAsync(db, actor, ct)).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(field, Messages.Get("Supplies.NoSuchOrder"));
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Community;
using Fangkong.Core.Supplies;
using Fangkong.Domain.Supplies;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Supplies to the sealed households (issue 20), each day through the same use cases as the phones and the supplier's
/// queue: in the morning grid workers order for a share of the sealed households (special groups among them, free for
/// low-income ones); a zone sealed that day gets a bulk distribution of a vegetable pack to every household; the
/// suppliers accept, pack and hand over at the gate; in the afternoon the community's workers tick the gate and carry
/// most orders to the door, with the resident's confirmation — the rest stay out overnight and run late, as some did.
/// Its own random stream leaves the outbreak itself as it was.
/// </summary>
internal static class OutbreakSupplies
{
    public static async Task<int> RunAsync(OutbreakWorld w, CancellationToken ct)
    {
        var rng = new Random(unchecked(w.Options.Seed * 104729 + w.Today.DayNumber));
        await using (var check = await w.DbAsync(ct))
            if (!await check.SupplyPacks.AnyAsync(ct)) return 0;
        var placed = await OrderAsync(w, rng, ct);
        await DistributeAsync(w, ct);
        await SupplyAsync(w, rng, ct);
        await DeliverAsync(w, rng, ct);
        return placed;
    }

    // 07:30: a grid worker orders for about one sealed household in twelve, a pack or two from the first supplier.
    private static async Task<int> OrderAsync(OutbreakWorld w, Random rng, CancellationToken ct)
    {
        w.At(7, 30);
        var orders = w.Get<SupplyOrders>();
        await using var db = await w.DbAsync(ct);
        var admin = await db.Users.Where(u => u.Role == Roles.Administrator).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);
        var sealedIn = await (from h in db.ZonedHouseholds
                              where h.Level == ZoneLevel.Sealed
                              join g in db.GridHouseholds on h.HouseholdId equals g.HouseholdId
                              join grid in db.Grids on g.GridId equals grid.Id
                              orderby h.HouseholdId
                              select new { h.HouseholdId, g.GridId, g.CommunityId, grid.WorkerName }).Distinct().ToListAsync(ct);
        var packs = await db.SupplyPacks.Where(p => p.SupplierId == 1 && p.Active).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var n = 0;
        foreach (var h in sealedIn.Where(_ => rng.NextDouble() < 1.0 / 12).Take(80))
        {
            var scope = CommunityScope.ForGridWork(admin, "admin", h.WorkerName, h.CommunityId, h.GridId);
            var items = new List<OrderItem> { new(packs[0], 1 + rng.Next(2)) };
            if (packs.Count > 1 && rng.NextDouble() < 0.4) items.Add(new(packs[1 + rng.Next(packs.Count - 1)], 1));
            try
            {
                await orders.PlaceAsync(db, SupplyActor.ForScope(scope), new OrderRequest(h.HouseholdId, items, $"sim-{w.Today.DayNumber}-{h.HouseholdId}", null), ct);
                n++;
            }
            catch (Common.ConflictException)
            {
                // Sold out for the day: the household orders another day.
            }
        }
        return n;
    }

    // 08:00: a zone sealed yesterday or today gets one vegetable pack per household from the district, once.
    private static async Task DistributeAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(8, 0);
        await using var db = await w.DbAsync(ct);
        var since = w.DayStartUtc.AddDays(-1);
        var zones = await db.Zones.Where(z => z.State == Zones.ZoneState.Active && z.Level == ZoneLevel.Sealed && z.StartedAtUtc >= since
                && !db.SupplyDistributions.Any(d => d.ZoneId == z.Id)).OrderBy(z => z.Id).Select(z => z.Id).Take(3).ToListAsync(ct);
        if (zones.Count == 0) return;
        var pack = await db.SupplyPacks.Where(p => p.Kind == PackKind.Vegetables).OrderByDescending(p => p.DailyStock).Select(p => p.Id).FirstAsync(ct);
        var actor = await SupplyActor.ForAsync(db, w.Epidemiologist, ct);
        foreach (var zone in zones)
            await w.Get<BulkDistributions>().SendAsync(db, actor, new DistributionRequest(zone, pack, 1), ct);
    }

    // 10:00: each supplier accepts and packs what is waiting and hands most of it over at the gates.
    private static async Task SupplyAsync(OutbreakWorld w, Random rng, CancellationToken ct)
    {
        w.At(10, 0);
        var steps = w.Get<OrderSteps>();
        await using var db = await w.DbAsync(ct);
        var accounts = await db.SupplierAccounts.ToDictionaryAsync(a => a.SupplierId, a => a.UserId, ct);
        var admin = await db.Users.Where(u => u.Role == Roles.Administrator).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);
        var waiting = await db.SupplyOrders.Where(o => o.State < OrderState.AtGate).Select(o => new { o.Id, o.SupplierId }).ToListAsync(ct);
        foreach (var supplier in waiting.GroupBy(o => o.SupplierId))
        {
            var actor = SupplyActor.ForSupplier(accounts.GetValueOrDefault(supplier.Key, admin), "supplier", supplier.Key);
            foreach (var chunk in supplier.Select(o => o.Id).Chunk(OrderSteps.MaxBulk))
            {
                var handOver = chunk.Where(_ => rng.NextDouble() < 0.9).ToList();
                var packOnly = chunk.Except(handOver).ToList();
                if (handOver.Count > 0) await steps.SupplierStepAsync(db, actor, new OrderStepRequest(handOver, OrderState.AtGate), ct);
                if (packOnly.Count > 0) await steps.SupplierStepAsync(db, actor, new OrderStepRequest(packOnly, OrderState.Packed), ct);
            }
        }
    }

    // 15:00: the grid's workers carry most of what is at the gate to the doors; the resident confirms.
    private static async Task DeliverAsync(OutbreakWorld w, Random rng, CancellationToken ct)
    {
        w.At(15, 0);
        var steps = w.Get<OrderSteps>();
        await using var db = await w.DbAsync(ct);
        var admin = await db.Users.Where(u => u.Role == Roles.Administrator).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);
        var atGate = await (from o in db.SupplyOrders
                            where o.State == OrderState.AtGate && o.GridId != null
                            join g in db.Grids on o.GridId equals g.Id
                            select new { o.Id, Grid = g.Id, g.CommunityId, g.WorkerName }).ToListAsync(ct);
        foreach (var grid in atGate.GroupBy(o => (o.Grid, o.CommunityId, o.WorkerName)))
        {
            var actor = SupplyActor.ForScope(CommunityScope.ForGridWork(admin, "admin", grid.Key.WorkerName, grid.Key.CommunityId, grid.Key.Grid));
            foreach (var o in grid.Where(_ => rng.NextDouble() < 0.85))
                await steps.DeliverAsync(db, actor, o.Id, new DeliveryRequest(DeliveryProof.ResidentConfirmed, null), ct);
        }
    }
}

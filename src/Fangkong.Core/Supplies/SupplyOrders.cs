using System.Text.RegularExpressions;
using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

public sealed record OrderItem(long? PackId, int? Quantity);

/// <summary>An order: the household (a resident's is their own), the packs, and the placer's idempotency key.</summary>
public sealed record OrderRequest(long? HouseholdId, IReadOnlyList<OrderItem>? Items, string? IdempotencyKey, string? Note);

/// <summary>
/// A sealed or controlled household orders packs to its door (domain.md §8): the resident from their phone, or a grid
/// worker or community officer on the household's behalf. The order takes its route from the household's kind, its
/// rank in every queue from the household's special groups (low-income households' packs are free), and its due time
/// from <see cref="SupplyPolicy.DeliveryHours"/>. The same idempotency key again (a double tap, a retry after a lost
/// answer) answers with the same order; a pack's daily stock is never oversold.
/// </summary>
public sealed partial class SupplyOrders(SupplyPolicy policy, TimeOrderedIds ids, CityClock clock)
{
    public const int MaxLines = 10;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyPattern();

    public async Task<OrderView> PlaceAsync(FangkongDb db, SupplyActor actor, OrderRequest body, CancellationToken ct)
    {
        if (body.IdempotencyKey is null || !KeyPattern().IsMatch(body.IdempotencyKey))
            throw new InputException("idempotencyKey", Messages.Get("Supplies.Key"));
        var householdId = await HouseholdAsync(db, actor, body.HouseholdId, ct);
        var now = clock.UtcNow;
        var earlier = await db.SupplyOrders.AsNoTracking().FirstOrDefaultAsync(o => o.PlacedByUserId == actor.UserId && o.IdempotencyKey == body.IdempotencyKey, ct);
        if (earlier is not null)
        {
            if (earlier.HouseholdId != householdId) throw new KeyReusedException("idempotencyKey", Messages.Get("Supplies.KeyReused"));
            return await OrderViews.OneAsync(db, earlier.Id, now, ct);
        }
        var note = body.Note?.Trim();
        if (note is { Length: > 200 }) throw new InputException("note", Messages.Get("Supplies.NoteTooLong", 200));
        ControlCharacters.Check(note, "note");
        var items = Items(body.Items);
        var packIds = items.Select(i => i.PackId).ToList();
        var packs = await db.SupplyPacks.AsNoTracking().Where(p => packIds.Contains(p.Id) && p.Active).ToDictionaryAsync(p => p.Id, ct);
        for (var i = 0; i < items.Count; i++)
            if (!packs.ContainsKey(items[i].PackId)) throw new NotFoundException($"items[{i}].packId", Messages.Get("Supplies.NoSuchPack"));
        var supplierId = packs.Values.First().SupplierId;
        if (packs.Values.Any(p => p.SupplierId != supplierId)) throw new InputException("items", Messages.Get("Supplies.OneSupplier"));

        var place = (await HouseholdPlaces.OfAsync(db, [householdId], ct)).GetValueOrDefault(householdId)
            ?? throw new NotFoundException("householdId", Messages.Get("Supplies.NoSuchHousehold"));
        if (!await HouseholdPlaces.ConfinedAsync(db, householdId, ct)) throw new ConflictException(Messages.Get("Supplies.NotConfined"), "NotConfined");
        if (!await db.SupplierAreas.AnyAsync(a => a.SupplierId == supplierId && a.DistrictCode == place.DistrictCode, ct))
            throw new InputException("items", Messages.Get("Supplies.NotServed"));
        await CheckStockAsync(db, items, packs, ct);
        var (rank, free) = (await HouseholdPlaces.PrioritiesAsync(db, [householdId], ct)).GetValueOrDefault(householdId);

        var order = new SupplyOrder
        {
            Id = ids.Next(),
            HouseholdId = householdId,
            DistrictCode = place.DistrictCode,
            CommunityId = place.CommunityId,
            GridId = place.GridId,
            SupplierId = supplierId,
            Route = SupplyRouting.For(place.Village, enterprise: false),
            Channel = actor.Role == Roles.Resident ? OrderChannel.Resident : OrderChannel.OnBehalf,
            State = OrderState.Placed,
            Priority = rank,
            Free = free,
            Amount = free ? 0 : items.Sum(i => packs[i.PackId].Price * i.Quantity),
            Packs = items.Sum(i => i.Quantity),
            WeightKg = items.Sum(i => packs[i.PackId].WeightKg * i.Quantity),
            PlacedAtUtc = now,
            DueAtUtc = DeliveryDeadline.DueAt(now, policy.DeliveryHours),
            PlacedByUserId = actor.UserId,
            PlacedByName = actor.Name,
            IdempotencyKey = body.IdempotencyKey,
            Note = string.IsNullOrEmpty(note) ? null : note,
        };
        db.SupplyOrders.Add(order);
        db.SupplyOrderLines.AddRange(items.Select(i => new SupplyOrderLine
        {
            OrderId = order.Id,
            PackId = i.PackId,
            Quantity = i.Quantity,
            WeightKg = packs[i.PackId].WeightKg,
            Price = free ? 0 : packs[i.PackId].Price,
        }));
        await db.SaveChangesAsync(ct);
        return await OrderViews.OneAsync(db, order.Id, now, ct);
    }

    /// <summary>The resident's household's orders, newest first.</summary>
    public async Task<IReadOnlyList<OrderView>> MineAsync(FangkongDb db, SupplyActor actor, CancellationToken ct)
    {
        var household = await OwnHouseholdAsync(db, actor, ct);
        var orders = await db.SupplyOrders.AsNoTracking().Where(o => o.HouseholdId == household).OrderByDescending(o => o.PlacedAtUtc).Take(50).ToListAsync(ct);
        return await OrderViews.OfAsync(db, orders, clock.UtcNow, ct);
    }

    /// <summary>One order: the resident's own, the supplier's, or one in the staff member's area.</summary>
    public async Task<OrderView> OneAsync(FangkongDb db, SupplyActor actor, long id, CancellationToken ct)
    {
        var order = await OrderAccess.FindAsync(db, actor, id, "id", ct);
        return await OrderViews.OneAsync(db, order.Id, clock.UtcNow, ct);
    }

    /// <summary>The household the resident lives in: the only one they order for.</summary>
    public static async Task<long> OwnHouseholdAsync(FangkongDb db, SupplyActor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } person) throw new ForbiddenException(Messages.Get("Supplies.NotBound"));
        return await db.Persons.Where(p => p.Id == person).Select(p => p.HouseholdId).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException(Messages.Get("Supplies.NoHousehold"), "NoHousehold");
    }

    private static async Task<long> HouseholdAsync(FangkongDb db, SupplyActor actor, long? householdId, CancellationToken ct)
    {
        if (actor.Role == Roles.Resident)
        {
            var own = await OwnHouseholdAsync(db, actor, ct);
            if (householdId is { } h && h != own) throw new NotFoundException("householdId", Messages.Get("Supplies.NoSuchHousehold"));
            return own;
        }
        var scope = actor.Worker;
        if (householdId is not { } id) throw new InputException("householdId", Messages.Get("Supplies.HouseholdRequired"));
        return (await scope.HouseholdAsync(db, id, "householdId", ct)).HouseholdId;
    }

    private List<(long PackId, int Quantity)> Items(IReadOnlyList<OrderItem>? items)
    {
        if (items is null || items.Count == 0) throw new InputException("items", Messages.Get("Supplies.ItemsRequired"));
        if (items.Count > MaxLines) throw new InputException("items", Messages.Get("Supplies.TooManyLines", MaxLines));
        var list = new List<(long, int)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i]?.PackId is not { } pack) throw new InputException($"items[{i}].packId", Messages.Get("Supplies.PackRequired"));
            if (items[i].Quantity is not { } q || q < 1 || q > policy.MaxQuantity)
                throw new InputException($"items[{i}].quantity", Messages.Get("Supplies.Quantity", policy.MaxQuantity));
            if (list.Any(x => x.Item1 == pack)) throw new InputException($"items[{i}].packId", Messages.Get("Supplies.PackTwice"));
            list.Add((pack, q));
        }
        return list;
    }

    // A pack's stock is per city day: what today's orders (not cancelled or failed) already hold, plus this one — the
    // whole city's orders, whatever area the placer is confined to.
    private async Task CheckStockAsync(FangkongDb db, List<(long PackId, int Quantity)> items, Dictionary<long, SupplyPack> packs, CancellationToken ct)
    {
        var start = clock.StartOfDayUtc(clock.Today);
        var packIds = items.Select(i => i.PackId).ToList();
        var taken = await (from l in db.SupplyOrderLines
                           join o in db.SupplyOrders.IgnoreQueryFilters() on l.OrderId equals o.Id
                           where packIds.Contains(l.PackId) && o.PlacedAtUtc >= start && o.State != OrderState.Cancelled && o.State != OrderState.Failed && o.Channel != OrderChannel.Bulk
                           group l by l.PackId into g
                           select new { g.Key, N = g.Sum(x => x.Quantity) }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var pack = packs[items[i].PackId];
            if (taken.GetValueOrDefault(pack.Id) + items[i].Quantity > pack.DailyStock)
                throw new ConflictException(Messages.Get("Supplies.SoldOut", pack.Name), "SoldOut");
        }
    }
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>Orders moved together: the supplier accepting, packing or handing over many at once, a worker ticking many at the gate.</summary>
public sealed record OrderStepRequest(IReadOnlyList<long>? OrderIds, OrderState? To);

/// <summary>At the door: the proof (a photo, or the resident's confirmation) and the photo itself as base64 (JPEG or PNG).</summary>
public sealed record DeliveryRequest(DeliveryProof? Proof, string? Photo);

/// <summary>Cancelled (not yet packed) or failed, with the reason.</summary>
public sealed record CloseRequest(OrderState? To, string? Reason);

/// <summary>
/// An order's way to the door, each step with its time: the supplier accepts, packs and hands over at the gate (or
/// village or enterprise point), in bulk; community workers tick orders received at the gate, in bulk, and each door
/// with its proof; the resident may confirm receipt themselves. A step that skips ahead stamps the steps it skips. A
/// bulk step is all or nothing: one order that cannot move refuses the request, naming it.
/// </summary>
public sealed class OrderSteps(CityClock clock)
{
    public const int MaxBulk = 2000;
    public const int MaxPhotoBytes = 2_000_000;

    /// <summary>The supplier's bulk step: accepted, packed, or at the gate.</summary>
    public async Task<IReadOnlyList<OrderView>> SupplierStepAsync(FangkongDb db, SupplyActor actor, OrderStepRequest body, CancellationToken ct)
    {
        var supplier = actor.Supplier;
        var to = body.To ?? throw new InputException("to", Messages.Get("Supplies.StepRequired"));
        if (to is not (OrderState.Accepted or OrderState.Packed or OrderState.AtGate)) throw new InputException("to", Messages.Get("Supplies.SupplierSteps"));
        return await MoveAsync(db, db.SupplyOrders.Where(o => o.SupplierId == supplier), body.OrderIds, to, ct);
    }

    /// <summary>A worker's tick at the gate: the orders are there, ready to carry up.</summary>
    public async Task<IReadOnlyList<OrderView>> AtGateAsync(FangkongDb db, SupplyActor actor, IReadOnlyList<long>? orderIds, CancellationToken ct)
    {
        actor.Worker.EnsureMayWrite();
        return await MoveAsync(db, await OrderAccess.VisibleAsync(db, actor, ct), orderIds, OrderState.AtGate, ct);
    }

    /// <summary>At the door, with proof: a worker's photo or the resident's confirmation, or the resident confirming themselves.</summary>
    public async Task<OrderView> DeliverAsync(FangkongDb db, SupplyActor actor, long id, DeliveryRequest body, CancellationToken ct)
    {
        DeliveryProof proof;
        byte[]? photo = null;
        if (actor.Role == Roles.Resident) proof = DeliveryProof.ResidentConfirmed;
        else
        {
            actor.Worker.EnsureMayWrite();
            proof = body.Proof ?? throw new InputException("proof", Messages.Get("Supplies.ProofRequired"));
            if (!Enum.IsDefined(proof)) throw new InputException("proof", Messages.Get("Supplies.ProofRequired"));
            if (proof == DeliveryProof.Photo) photo = Photo(body.Photo);
        }
        var order = await OrderAccess.FindAsync(db, actor, id, "id", ct);
        // The resident confirms what reached them: not an order the supplier has not even accepted.
        if (actor.Role == Roles.Resident && order.State < OrderState.Accepted) throw new ConflictException(Messages.Get("Supplies.NotOnItsWay"), "NotOnItsWay");
        if (!OrderFlow.CanMove(order.State, OrderState.Delivered)) throw Refused(order);
        var now = clock.UtcNow;
        Stamp(order, OrderState.Delivered, now);
        order.Proof = proof;
        order.DeliveredByUserId = actor.UserId;
        order.DeliveredByName = actor.Name;
        if (photo is not null)
            db.SupplyProofPhotos.Add(new SupplyProofPhoto { OrderId = order.Id, ContentType = photo[0] == 0xFF ? "image/jpeg" : "image/png", Content = photo });
        await db.SaveChangesAsync(ct);
        return await OrderViews.OneAsync(db, order.Id, now, ct);
    }

    /// <summary>Cancelled or failed with a reason: the resident cancels their own, the supplier and staff cancel or fail.</summary>
    public async Task<OrderView> CloseAsync(FangkongDb db, SupplyActor actor, long id, CloseRequest body, CancellationToken ct)
    {
        if (actor.Scope is { } s) s.EnsureMayWrite();
        var to = body.To ?? throw new InputException("to", Messages.Get("Supplies.CloseRequired"));
        if (to is not (OrderState.Cancelled or OrderState.Failed)) throw new InputException("to", Messages.Get("Supplies.CloseRequired"));
        if (actor.Role == Roles.Resident && to != OrderState.Cancelled) throw new InputException("to", Messages.Get("Supplies.ResidentCancels"));
        var reason = body.Reason?.Trim();
        if (reason is null || reason.Length < 2) throw new InputException("reason", Messages.Get("Supplies.ReasonRequired"));
        if (reason.Length > 200) throw new InputException("reason", Messages.Get("Supplies.NoteTooLong", 200));
        ControlCharacters.Check(reason, "reason");
        var order = await OrderAccess.FindAsync(db, actor, id, "id", ct);
        if (!OrderFlow.CanMove(order.State, to)) throw Refused(order);
        var now = clock.UtcNow;
        order.State = to;
        order.ClosedAtUtc = now;
        order.Reason = reason;
        await db.SaveChangesAsync(ct);
        return await OrderViews.OneAsync(db, order.Id, now, ct);
    }

    /// <summary>A delivery's photo, to whoever may see the order.</summary>
    public static async Task<SupplyProofPhoto> PhotoAsync(FangkongDb db, SupplyActor actor, long id, CancellationToken ct)
    {
        var order = await OrderAccess.FindAsync(db, actor, id, "id", ct);
        return await db.SupplyProofPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == order.Id, ct)
            ?? throw new NotFoundException("id", Messages.Get("Supplies.NoPhoto"));
    }

    private async Task<IReadOnlyList<OrderView>> MoveAsync(FangkongDb db, IQueryable<SupplyOrder> visible, IReadOnlyList<long>? orderIds, OrderState to, CancellationToken ct)
    {
        if (orderIds is null || orderIds.Count == 0) throw new InputException("orderIds", Messages.Get("Supplies.OrdersRequired"));
        if (orderIds.Count > MaxBulk) throw new InputException("orderIds", Messages.Get("Supplies.TooManyOrders", MaxBulk));
        var wanted = orderIds.Distinct().ToList();
        var orders = await visible.Where(o => wanted.Contains(o.Id)).ToListAsync(ct);
        var missing = wanted.Except(orders.Select(o => o.Id)).FirstOrDefault();
        if (orders.Count < wanted.Count) throw new NotFoundException("orderIds", Messages.Get("Supplies.NoSuchOrderNumbered", missing));
        // Ticking an order that is already there again is no error (two workers at one gate); anything else that cannot move is.
        var moving = orders.Where(o => o.State != to).ToList();
        if (moving.FirstOrDefault(o => !OrderFlow.CanMove(o.State, to)) is { } stuck) throw Refused(stuck);
        var now = clock.UtcNow;
        foreach (var o in moving) Stamp(o, to, now);
        await db.SaveChangesAsync(ct);
        return await OrderViews.OfAsync(db, orders, now, ct);
    }

    private static void Stamp(SupplyOrder o, OrderState to, DateTime now)
    {
        if (to >= OrderState.Accepted) o.AcceptedAtUtc ??= now;
        if (to >= OrderState.Packed) o.PackedAtUtc ??= now;
        if (to >= OrderState.AtGate) o.AtGateAtUtc ??= now;
        if (to >= OrderState.Delivered) o.DeliveredAtUtc ??= now;
        o.State = to;
    }

    private static ConflictException Refused(SupplyOrder o) =>
        new(Messages.Get("Supplies.CannotMove", o.Number, SupplyWords.State(o.State)), "OrderState");

    private static byte[] Photo(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) throw new InputException("photo", Messages.Get("Supplies.PhotoRequired"));
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InputException("photo", Messages.Get("Supplies.PhotoFormat")); }
        if (bytes.Length > MaxPhotoBytes) throw new InputException("photo", Messages.Get("Supplies.PhotoTooLarge", MaxPhotoBytes / 1_000_000));
        var jpeg = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
        var png = bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == 0x50 && bytes[2] == 0x4E && bytes[3] == 0x47;
        if (!jpeg && !png) throw new InputException("photo", Messages.Get("Supplies.PhotoFormat"));
        return bytes;
    }
}

using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Supplies;

namespace Fangkong.Core.Supplies;

/// <summary>A supermarket chain, wholesale market or pharmacy that delivers packs to sealed compounds.</summary>
public sealed class Supplier
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public SupplierKind Kind { get; set; }
    public string? Phone { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A district a supplier serves (its households may order from it).</summary>
public sealed class SupplierArea
{
    public long SupplierId { get; set; }
    public required string DistrictCode { get; set; }
}

/// <summary>An account (role supplier) working for one supplier: it sees that supplier's queue only.</summary>
public sealed class SupplierAccount
{
    public long UserId { get; set; }
    public long SupplierId { get; set; }
}

/// <summary>A pack a supplier offers: a vegetable pack with its contents, rice, flour, oil, a medicine by name.</summary>
public sealed class SupplyPack
{
    public long Id { get; set; }
    public long SupplierId { get; set; }
    public required string Name { get; set; }
    public PackKind Kind { get; set; }
    /// <summary>What is in it ("白菜2kg、土豆1.5kg、胡萝卜1kg…"), as the supplier writes it.</summary>
    public string? Contents { get; set; }
    public decimal WeightKg { get; set; }
    /// <summary>Yuan; 0 is free. Payment itself is out of scope: an order is recorded as paid or free.</summary>
    public decimal Price { get; set; }
    /// <summary>How many the supplier can deliver in one city day; orders beyond it are refused.</summary>
    public int DailyStock { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>
/// An order of packs for one household from one supplier, with its way to the door and the time of each step. It
/// carries its household's district, community and grid, so an officer's area filter selects it in one column (ADR 0028).
/// </summary>
public sealed class SupplyOrder : INumberedRecord
{
    public long Id { get; set; }
    /// <summary>"S2026-0042": what the caller, the supplier and the worker read out on the phone (ADR 0016).</summary>
    public string Number { get; set; } = "";
    public long HouseholdId { get; set; }
    public required string DistrictCode { get; set; }
    public long CommunityId { get; set; }
    public long? GridId { get; set; }
    public long SupplierId { get; set; }
    public DeliveryRoute Route { get; set; }
    public OrderChannel Channel { get; set; }
    public OrderState State { get; set; }
    /// <summary>The household's special-group rank when ordered (<see cref="SupplyPriority"/>): higher first in every queue, 0 none.</summary>
    public int Priority { get; set; }
    /// <summary>Free (a low-income household's, or a bulk distribution's); otherwise recorded as paid.</summary>
    public bool Free { get; set; }
    public decimal Amount { get; set; }
    public int Packs { get; set; }
    public decimal WeightKg { get; set; }
    public DateTime PlacedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public DateTime? PackedAtUtc { get; set; }
    public DateTime? AtGateAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    /// <summary>When it was cancelled or failed, with the reason.</summary>
    public DateTime? ClosedAtUtc { get; set; }
    public string? Reason { get; set; }
    public DeliveryProof? Proof { get; set; }
    public long PlacedByUserId { get; set; }
    public required string PlacedByName { get; set; }
    public long? DeliveredByUserId { get; set; }
    public string? DeliveredByName { get; set; }
    /// <summary>The placer's key: the same key again answers with this order instead of a second one.</summary>
    public string? IdempotencyKey { get; set; }
    public long? DistributionId { get; set; }
    public string? Note { get; set; }

    public RecordKind NumberKind => RecordKind.SupplyOrder;
    public DateTime NumberedAtUtc => PlacedAtUtc;
}

/// <summary>A pack and how many of it an order holds, with the weight and price when ordered.</summary>
public sealed class SupplyOrderLine
{
    public long OrderId { get; set; }
    public long PackId { get; set; }
    public int Quantity { get; set; }
    public decimal WeightKg { get; set; }
    public decimal Price { get; set; }
}

/// <summary>The photo a worker took at the door, the proof of a delivery.</summary>
public sealed class SupplyProofPhoto
{
    public long OrderId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A district's bulk distribution: N packs to every household of a zone, one order per household, tracked like any order.</summary>
public sealed class SupplyDistribution
{
    public long Id { get; set; }
    public long ZoneId { get; set; }
    public long PackId { get; set; }
    public int PacksPerHousehold { get; set; }
    public int Households { get; set; }
    public long ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime AtUtc { get; set; }
}

namespace Fangkong.Domain.Supplies;

/// <summary>
/// Where an order of supplies is on its way to a sealed door (domain.md §8): placed by or for the household, accepted
/// and packed by the supplier, at the compound gate (or village or enterprise point), at the door — or cancelled or
/// failed with a reason. The numbers keep the order of the way, so "not yet at the door" is a comparison.
/// </summary>
public enum OrderState
{
    Placed = 1,
    Accepted = 2,
    Packed = 3,
    /// <summary>Handed over at the compound gate, the village collection point or the enterprise point.</summary>
    AtGate = 4,
    /// <summary>Carried to the door by community workers, with proof (a photo or the resident's confirmation).</summary>
    Delivered = 5,
    Cancelled = 6,
    Failed = 7,
}

/// <summary>How an order reaches the household (domain.md §8).</summary>
public enum DeliveryRoute
{
    /// <summary>Supplier → compound gate → door, carried by community workers.</summary>
    CompoundGate = 1,
    /// <summary>Supplier → village collection point → household.</summary>
    VillagePoint = 2,
    /// <summary>Supplier → an enterprise's point, for its closed-loop staff.</summary>
    EnterprisePoint = 3,
}

/// <summary>Who placed an order.</summary>
public enum OrderChannel
{
    /// <summary>The resident, from their phone.</summary>
    Resident = 1,
    /// <summary>A grid worker, village head or community officer, for a household (elderly, no phone).</summary>
    OnBehalf = 2,
    /// <summary>A district's bulk distribution to every household of a zone.</summary>
    Bulk = 3,
}

/// <summary>What proves a delivery at the door.</summary>
public enum DeliveryProof
{
    Photo = 1,
    ResidentConfirmed = 2,
}

/// <summary>What a supplier offers.</summary>
public enum PackKind
{
    /// <summary>蔬菜包</summary>
    Vegetables = 1,
    Rice = 2,
    Flour = 3,
    Oil = 4,
    Medicine = 5,
    Other = 6,
}

/// <summary>Kinds of supplier.</summary>
public enum SupplierKind
{
    Supermarket = 1,
    WholesaleMarket = 2,
    Pharmacy = 3,
}

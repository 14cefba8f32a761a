namespace Fangkong.Core.Supplies;

/// <summary>The operator's supplies settings (<c>Policy:Supplies</c>).</summary>
public sealed record SupplyPolicy
{
    /// <summary>Hours from an order to the door (domain.md §8: 12); past them an open order is overdue.</summary>
    public int DeliveryHours { get; init; } = Domain.Supplies.DeliveryDeadline.DefaultHours;
    /// <summary>Days a sealed household may go without an order before it is on its grid worker's list.</summary>
    public int NoOrderDays { get; init; } = Domain.Supplies.NoOrderRule.DefaultDays;
    /// <summary>The most of one pack an order may hold.</summary>
    public int MaxQuantity { get; init; } = 10;
    /// <summary>The most packs per household a bulk distribution may send.</summary>
    public int MaxPacksPerHousehold { get; init; } = 5;
}

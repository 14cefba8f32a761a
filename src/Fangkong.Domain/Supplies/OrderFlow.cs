namespace Fangkong.Domain.Supplies;

/// <summary>The steps an order may take, and which states still count against its deadline.</summary>
public static class OrderFlow
{
    /// <summary>Whether an order in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    /// <remarks>
    /// Forward only, one or more steps at a time (a supplier that packs on accepting hands over at once; a worker who
    /// ticks a door for an order the supplier never marked at the gate has proof it got there). An order at the door,
    /// cancelled or failed is closed. Cancelling is for orders not yet packed; failing for any open one.
    /// </remarks>
    public static bool CanMove(OrderState from, OrderState to) => IsOpen(from) && to switch
    {
        OrderState.Accepted or OrderState.Packed or OrderState.AtGate or OrderState.Delivered => to > from,
        OrderState.Cancelled => from < OrderState.Packed,
        OrderState.Failed => true,
        _ => false,
    };

    /// <summary>Not yet at the door, nor cancelled or failed.</summary>
    public static bool IsOpen(OrderState state) => state < OrderState.Delivered;
}

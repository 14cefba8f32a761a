namespace Fangkong.Domain.Supplies;

/// <summary>
/// The promise to a sealed household (domain.md §8): an order is at the door within a number of hours of being placed
/// (12 by default; 中韩示范区 reported it). An open order past its time is overdue and raised to the community and the
/// district; an order delivered after it counts as delivered late.
/// </summary>
public static class DeliveryDeadline
{
    public const int DefaultHours = 12;

    public static DateTime DueAt(DateTime placedAtUtc, int hours) => placedAtUtc.AddHours(hours);

    /// <summary>Overdue now: still open and past its due time.</summary>
    public static bool IsOverdue(OrderState state, DateTime dueAtUtc, DateTime nowUtc) => OrderFlow.IsOpen(state) && nowUtc > dueAtUtc;

    /// <summary>Delivered, but after its due time.</summary>
    public static bool DeliveredLate(DateTime dueAtUtc, DateTime? deliveredAtUtc) => deliveredAtUtc is { } d && d > dueAtUtc;

    /// <summary>The share of the target an open order has used (0 at placing, 1 at its due time), for the queue's colour.</summary>
    public static double Used(DateTime placedAtUtc, DateTime dueAtUtc, DateTime nowUtc)
    {
        var span = (dueAtUtc - placedAtUtc).TotalMinutes;
        return span <= 0 ? 1 : Math.Max(0, (nowUtc - placedAtUtc).TotalMinutes / span);
    }
}

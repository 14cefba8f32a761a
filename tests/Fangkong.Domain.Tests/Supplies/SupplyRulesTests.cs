using Fangkong.Domain.Community;
using Fangkong.Domain.Supplies;

namespace Fangkong.Domain.Tests.Supplies;

/// <summary>The 12-hour promise, the order's steps, special groups first, and how an order reaches a household.</summary>
public sealed class SupplyRulesTests
{
    private static readonly DateTime Placed = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_order_is_due_twelve_hours_after_it_is_placed()
    {
        var due = DeliveryDeadline.DueAt(Placed, DeliveryDeadline.DefaultHours);
        Assert.Equal(Placed.AddHours(12), due);
        Assert.False(DeliveryDeadline.IsOverdue(OrderState.Packed, due, due));
        Assert.True(DeliveryDeadline.IsOverdue(OrderState.Packed, due, due.AddMinutes(1)));
        Assert.True(DeliveryDeadline.IsOverdue(OrderState.Placed, due, due.AddHours(30)));
    }

    [Theory]
    [InlineData(OrderState.Delivered)]
    [InlineData(OrderState.Cancelled)]
    [InlineData(OrderState.Failed)]
    public void A_closed_order_is_never_overdue(OrderState state) =>
        Assert.False(DeliveryDeadline.IsOverdue(state, Placed, Placed.AddDays(3)));

    [Fact]
    public void A_delivery_after_the_due_time_is_late()
    {
        var due = Placed.AddHours(12);
        Assert.True(DeliveryDeadline.DeliveredLate(due, due.AddSeconds(1)));
        Assert.False(DeliveryDeadline.DeliveredLate(due, due));
        Assert.False(DeliveryDeadline.DeliveredLate(due, null));
        Assert.Equal(0.5, DeliveryDeadline.Used(Placed, due, Placed.AddHours(6)), 3);
    }

    [Theory]
    [InlineData(OrderState.Placed, OrderState.Accepted, true)]
    [InlineData(OrderState.Placed, OrderState.Packed, true)]
    [InlineData(OrderState.Accepted, OrderState.AtGate, true)]
    [InlineData(OrderState.AtGate, OrderState.Delivered, true)]
    [InlineData(OrderState.Packed, OrderState.Delivered, true)]
    [InlineData(OrderState.Packed, OrderState.Accepted, false)]
    [InlineData(OrderState.Accepted, OrderState.Accepted, false)]
    [InlineData(OrderState.Accepted, OrderState.Cancelled, true)]
    [InlineData(OrderState.Packed, OrderState.Cancelled, false)]
    [InlineData(OrderState.AtGate, OrderState.Failed, true)]
    [InlineData(OrderState.Delivered, OrderState.Failed, false)]
    [InlineData(OrderState.Cancelled, OrderState.Accepted, false)]
    [InlineData(OrderState.Failed, OrderState.Delivered, false)]
    public void Orders_move_forward_and_close(OrderState from, OrderState to, bool allowed) =>
        Assert.Equal(allowed, OrderFlow.CanMove(from, to));

    [Fact]
    public void Those_who_cannot_wait_come_before_those_served_first_by_entitlement()
    {
        Assert.True(SupplyPriority.Rank(SpecialGroup.Dialysis) > SupplyPriority.Rank(SpecialGroup.Bedridden));
        Assert.True(SupplyPriority.Rank(SpecialGroup.Bedridden) > SupplyPriority.Rank(SpecialGroup.ElderlyAlone));
        Assert.True(SupplyPriority.Rank(SpecialGroup.ElderlyAlone) > SupplyPriority.Rank(SpecialGroup.LowIncome));
        Assert.True(SupplyPriority.Rank(SpecialGroup.LowIncome) > SupplyPriority.Rank(SpecialGroup.Veteran));
        Assert.True(SupplyPriority.Rank(SpecialGroup.Veteran) > SupplyPriority.None);
        Assert.Equal(SupplyPriority.Rank(SpecialGroup.Chemotherapy), SupplyPriority.Rank([SpecialGroup.Veteran, SpecialGroup.Chemotherapy]));
        Assert.Equal(SupplyPriority.None, SupplyPriority.Rank([]));
    }

    [Fact]
    public void A_queue_puts_special_groups_first_then_the_oldest()
    {
        var orders = new[]
        {
            (Id: 1L, Rank: 0, At: Placed),
            (Id: 2L, Rank: 2, At: Placed.AddHours(3)),
            (Id: 3L, Rank: 5, At: Placed.AddHours(5)),
            (Id: 4L, Rank: 2, At: Placed.AddHours(1)),
            (Id: 5L, Rank: 0, At: Placed.AddHours(-1)),
        };
        var queue = SupplyPriority.Queue(orders, o => o.Rank, o => o.At, o => o.Id).Select(o => o.Id);
        Assert.Equal([3L, 4L, 2L, 5L, 1L], queue);
    }

    [Fact]
    public void Low_income_households_get_their_packs_free()
    {
        Assert.True(SupplyPriority.Free([SpecialGroup.Veteran, SpecialGroup.LowIncome]));
        Assert.False(SupplyPriority.Free([SpecialGroup.Veteran]));
    }

    [Theory]
    [InlineData(false, false, DeliveryRoute.CompoundGate)]
    [InlineData(true, false, DeliveryRoute.VillagePoint)]
    [InlineData(false, true, DeliveryRoute.EnterprisePoint)]
    [InlineData(true, true, DeliveryRoute.EnterprisePoint)]
    public void A_household_is_served_at_its_gate_its_village_point_or_its_enterprise(bool village, bool enterprise, DeliveryRoute route) =>
        Assert.Equal(route, SupplyRouting.For(village, enterprise));

    [Fact]
    public void A_sealed_household_with_no_order_for_days_is_on_the_list()
    {
        var sealedAt = Placed;
        Assert.False(NoOrderRule.Forgotten(sealedAt, null, sealedAt.AddDays(2), 3));
        Assert.True(NoOrderRule.Forgotten(sealedAt, null, sealedAt.AddDays(3), 3));
        // An order before the seal does not count; one after it starts the days again.
        Assert.True(NoOrderRule.Forgotten(sealedAt, sealedAt.AddDays(-5), sealedAt.AddDays(3), 3));
        Assert.False(NoOrderRule.Forgotten(sealedAt, sealedAt.AddDays(2), sealedAt.AddDays(4), 3));
    }
}

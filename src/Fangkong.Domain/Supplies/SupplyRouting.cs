namespace Fangkong.Domain.Supplies;

/// <summary>
/// How an order reaches a household, from the household's kind (domain.md §8): an enterprise's closed-loop staff at the
/// enterprise's point; a village's households at the village collection point (a village is a community called 村,
/// organised in ten-household units); everyone else at their compound's gate, from where community workers carry it up.
/// </summary>
public static class SupplyRouting
{
    public static DeliveryRoute For(bool village, bool enterprise) =>
        enterprise ? DeliveryRoute.EnterprisePoint : village ? DeliveryRoute.VillagePoint : DeliveryRoute.CompoundGate;
}

using Fangkong.Domain.Community;

namespace Fangkong.Domain.Supplies;

/// <summary>
/// Special groups first in every queue (domain.md §8: low-income households, veterans, elderly people living alone,
/// bedridden and disabled people served first). A household's rank is its most urgent member's: those who cannot wait
/// for treatment or cannot fetch anything themselves before those who are served first by entitlement. Rank 0 is
/// everyone else.
/// </summary>
public static class SupplyPriority
{
    public const int None = 0;

    public static int Rank(SpecialGroup group) => group switch
    {
        SpecialGroup.Dialysis or SpecialGroup.Chemotherapy => 5,
        SpecialGroup.Bedridden or SpecialGroup.Pregnant => 4,
        SpecialGroup.ElderlyAlone or SpecialGroup.Disabled => 3,
        SpecialGroup.LowIncome => 2,
        SpecialGroup.Veteran => 1,
        _ => None,
    };

    /// <summary>A household's rank: its members' highest.</summary>
    public static int Rank(IEnumerable<SpecialGroup> groups) => groups.Select(Rank).DefaultIfEmpty(None).Max();

    /// <summary>Free packs for low-income households (payment itself is out of scope: recorded as paid or free).</summary>
    public static bool Free(IEnumerable<SpecialGroup> groups) => groups.Contains(SpecialGroup.LowIncome);

    /// <summary>A queue's order: higher rank first, then the oldest order (closest to its deadline), then the id.</summary>
    public static IOrderedEnumerable<T> Queue<T>(IEnumerable<T> items, Func<T, int> rank, Func<T, DateTime> placedAtUtc, Func<T, long> id) =>
        items.OrderByDescending(rank).ThenBy(placedAtUtc).ThenBy(id);
}

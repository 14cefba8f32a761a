namespace Fangkong.Domain.Community;

/// <summary>
/// How a community's households, in address order, are cut into grids (网格) of a few hundred households under one
/// worker, and a village's into joint-defence units of ten (十户联防) under one responsible person (domain.md §1, §8).
/// Address order keeps neighbours together; the cuts are as even as the counts allow.
/// </summary>
public static class GridDivision
{
    public const int HouseholdsPerGrid = 300;
    public const int HouseholdsPerUnit = 10;

    /// <summary>The sizes of the grids <paramref name="households"/> households make: as many as make about 300 each, at least one.</summary>
    public static IReadOnlyList<int> GridSizes(int households) => Even(households, Math.Max(1, (int)Math.Round(households / (double)HouseholdsPerGrid)));

    /// <summary>Units of ten households; a remainder of fewer than five joins the units before it, so no unit is tiny.</summary>
    public static IReadOnlyList<int> UnitSizes(int households)
    {
        if (households <= 0) return [];
        var units = households / HouseholdsPerUnit + (households % HouseholdsPerUnit >= HouseholdsPerUnit / 2 ? 1 : 0);
        return Even(households, Math.Max(1, units));
    }

    /// <summary>A village (村) is divided into ten-household units; an urban community (社区) is not.</summary>
    public static bool IsVillage(string communityName) => communityName.EndsWith('村');

    private static int[] Even(int total, int parts)
    {
        if (total <= 0) return [];
        var sizes = new int[parts];
        for (var i = 0; i < parts; i++) sizes[i] = total / parts + (i < total % parts ? 1 : 0);
        return sizes;
    }
}

namespace Fangkong.Core.Common;

/// <summary>One page of a list, with the total so a UI can show "1–50 of 1,234".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);

public static class Paging
{
    public const int MaxPageSize = 500;

    public static (int Page, int Size) Normalise(int? page, int? size)
    {
        var p = page is null or < 1 ? 1 : page.Value;
        var s = size is null or < 1 ? 50 : Math.Min(size.Value, MaxPageSize);
        return (p, s);
    }
}

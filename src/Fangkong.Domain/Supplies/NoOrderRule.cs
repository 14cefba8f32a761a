namespace Fangkong.Domain.Supplies;

/// <summary>
/// No one forgotten behind a sealed door: a sealed household that has had nothing delivered or ordered for a number of
/// days (counted from the later of its last order and the day it was sealed) is on its grid worker's list.
/// </summary>
public static class NoOrderRule
{
    public const int DefaultDays = 3;

    public static bool Forgotten(DateTime sealedSinceUtc, DateTime? lastOrderUtc, DateTime nowUtc, int days)
    {
        var since = lastOrderUtc is { } l && l > sealedSinceUtc ? l : sealedSinceUtc;
        return nowUtc - since >= TimeSpan.FromDays(days);
    }
}

using System.Globalization;

namespace Fangkong.Domain.Command;

/// <summary>
/// How the office lists its places in the bulletin (<c>Policy:Bulletin:PlaceOrder</c>: administrative codes, first
/// listed first). Places it does not list follow in the order of their codes — the official division list's order
/// (长春市 2201, 吉林市 2202, … 延边州 2224), which is how most offices list them.
/// </summary>
public sealed record BulletinPolicy
{
    public IReadOnlyList<string> PlaceOrder { get; init; } = [];

    /// <summary>A place's position in the bulletin's lists: its place in <see cref="PlaceOrder"/>, else after them by its code.</summary>
    public int Order(string code)
    {
        for (var i = 0; i < PlaceOrder.Count; i++)
            if (PlaceOrder[i] == code) return i;
        var listed = PlaceOrder.Count;
        return int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < int.MaxValue / 2 ? listed + n : int.MaxValue - 1;
    }
}

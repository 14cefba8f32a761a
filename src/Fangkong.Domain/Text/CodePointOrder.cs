namespace Fangkong.Domain.Text;

/// <summary>
/// Orders strings by Unicode code point, the order both stores compare text in (SQLite's BINARY collation and
/// PostgreSQL's C.UTF-8 compare UTF-8 bytes, which sort as code points do). <see cref="StringComparer.Ordinal"/>
/// compares UTF-16 code units instead, which puts every rare character from CJK Extension B onwards (a surrogate
/// pair, D800–DFFF) before full-width punctuation and compatibility ideographs (E000–FFFF), so a list sorted in
/// memory would disagree with the same list sorted by the database.
/// </summary>
public sealed class CodePointOrder : IComparer<string?>
{
    public static readonly CodePointOrder Instance = new();

    private CodePointOrder()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (x[i], y[i]);
            if (a == b) continue;
            // Code units below the surrogates and above them keep their order; a surrogate (part of a code point
            // above U+FFFF) sorts after every other code unit.
            return Rank(a).CompareTo(Rank(b));
        }
        return x.Length.CompareTo(y.Length);
    }

    private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}

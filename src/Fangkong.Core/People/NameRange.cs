using System.Text;

namespace Fangkong.Core.People;

/// <summary>
/// The range of names that start with a prefix, as the stores compare text: by code point (SQLite's BINARY collation
/// and PostgreSQL's C.UTF-8 compare UTF-8 bytes, which sort as code points do).
/// </summary>
public static class NameRange
{
    /// <summary>
    /// The least string above every string that starts with <paramref name="prefix"/>: the prefix with its last code
    /// point raised by one (dropping trailing U+10FFFF), or null when no bound exists. Appending U+FFFF instead, as
    /// this once did, misses every name that continues with a rare character from CJK Extension B onwards: 张𬌗 (UTF-8
    /// F0…) sorts after 张\uFFFF (UTF-8 EF BF BF), so "张" did not find it.
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF) continue;
            runes.Add(new Rune(last + 1 == 0xD800 ? 0xE000 : last + 1)); // the surrogate range holds no code points
            return string.Concat(runes);
        }
        return null;
    }
}

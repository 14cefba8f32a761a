using System.Globalization;

namespace Fangkong.Domain.Text;

/// <summary>
/// Text as a reader counts it: by text elements (extended grapheme clusters), not UTF-16 code units. A rare name
/// character (生僻字) from CJK Extension B onwards is two code units (a surrogate pair), and an ideographic variation
/// sequence is a base character plus a selector; cutting either in the middle leaves U+FFFD or a stray selector.
/// </summary>
public static class TextElements
{
    /// <summary>The text elements of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var elements = new List<string>(text.Length);
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        return elements;
    }

    /// <summary>How many characters a reader sees in <paramref name="text"/>.</summary>
    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> text elements, the last one replaced by
    /// <paramref name="ellipsis"/> when anything was cut.
    /// </summary>
    public static string Shorten(string text, int max, string ellipsis = "…")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max - 1) + ellipsis;
    }
}

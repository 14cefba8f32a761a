namespace Fangkong.Core.Common;

/// <summary>
/// Text a caller may send: no control characters (C0 other than tab, line feed and carriage return; DEL; C1) and no
/// half of a surrogate pair. PostgreSQL refuses NUL in text outright and nothing a person types contains the others,
/// so they are refused as input on every store alike rather than stored on one and failing on the other.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The position of the first character not allowed in text, or -1.</summary>
    public static int Find(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c is >= '\u007F' and <= '\u009F') return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    public static void Check(string? text, string field)
    {
        if (text is null) return;
        var at = Find(text);
        if (at >= 0)
            throw new InputException(field, Messages.Get("Common.ControlCharacter", field, ((int)text[at]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture), at + 1));
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Fangkong.Core.Documents;

/// <summary>A stretch of text drawn with one font of the chain (<see cref="FontFallback.Faces"/>[<see cref="Font"/>]).</summary>
internal readonly record struct TextRun(int Font, string Text);

/// <summary>
/// The fonts printed documents use, in fallback order, and the per-character fallback: each character (text element)
/// is drawn with the first font that has a glyph for it. All are TrueType-outline fonts from Debian packages, because
/// Skia embeds only TrueType outlines as real fonts (OpenType/CFF fonts such as Noto Sans CJK become Type 3 fonts of
/// drawn paths). WenQuanYi Micro Hei (fonts-wqy-microhei) draws Latin and the hanzi of GB 2312/GBK in mainland forms;
/// HanaMin A and B (fonts-hanazono) add CJK Extensions A to F; BabelStone Han (fonts-babelstone-han) adds Extension G
/// and beyond. See ADR 0009.
/// </summary>
internal sealed class FontFallback
{
    public static readonly IReadOnlyList<string> Families = ["WenQuanYi Micro Hei", "HanaMinA", "HanaMinB", "BabelStone Han"];

    private static readonly Lazy<FontFallback> Installed = new(() => new FontFallback(Families));

    /// <summary>The chain over the fonts installed on this machine (families not installed are left out).</summary>
    public static FontFallback Shared => Installed.Value;

    private FontFallback(IEnumerable<string> families)
    {
        var found = families.Select(f => SKFontManager.Default.MatchFamily(f))
            .Where(t => t is not null && Families.Contains(t.FamilyName)).Select(t => t!).ToList();
        Faces = found.Count > 0 ? found : [SKTypeface.Default];
    }

    public IReadOnlyList<SKTypeface> Faces { get; }

    // Which font draws a character, remembered: wrapping measures the same characters over and over. Bounded by the
    // characters ever printed.
    private readonly ConcurrentDictionary<string, int> _fontOf = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="text"/> split into runs of one font each. Control characters become spaces; variation selectors
    /// and joiners are left out, since no font of the chain maps them and they would print as a missing-glyph box.
    /// </summary>
    public IReadOnlyList<TextRun> Runs(string text)
    {
        var runs = new List<TextRun>();
        var current = new StringBuilder();
        var font = -1;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var printable = Printable(e.GetTextElement());
            if (printable.Length == 0) continue;
            var f = FontFor(printable);
            if (f != font && current.Length > 0)
            {
                runs.Add(new TextRun(font, current.ToString()));
                current.Clear();
            }
            font = f;
            current.Append(printable);
        }
        if (current.Length > 0) runs.Add(new TextRun(font, current.ToString()));
        return runs;
    }

    /// <summary>The advance width in points of <paramref name="text"/> at <paramref name="sizePt"/>, as it is drawn.</summary>
    public double Measure(string text, double sizePt) => Runs(text).Sum(r =>
    {
        using var font = Font(Faces[r.Font], sizePt);
        return (double)font.MeasureText(r.Text);
    });

    /// <summary>Unhinted, with fractional advances: a PDF is drawn at any scale, so pixel-grid metrics would only misplace glyphs.</summary>
    public static SKFont Font(SKTypeface face, double sizePt) =>
        new(face, (float)sizePt) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

    private int FontFor(string element) => _fontOf.GetOrAdd(element, FirstFontWith);

    private int FirstFontWith(string element)
    {
        for (var i = 0; i < Faces.Count; i++)
        {
            using var font = new SKFont(Faces[i]);
            if (font.ContainsGlyphs(element)) return i;
        }
        return 0; // no font has it: the first one's missing-glyph box at least keeps the layout
    }

    private static string Printable(string element)
    {
        if (element.Length == 1) return char.IsControl(element[0]) ? " " : element;
        var sb = new StringBuilder(element.Length);
        foreach (var rune in element.EnumerateRunes())
        {
            if (IsSelectorOrJoiner(rune.Value)) continue;
            if (Rune.IsControl(rune)) sb.Append(' ');
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    private static bool IsSelectorOrJoiner(int cp) => cp is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or 0x200C or 0x200D;
}

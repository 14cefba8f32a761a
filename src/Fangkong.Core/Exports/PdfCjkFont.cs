using System.Globalization;
using System.Text;

namespace Fangkong.Core.Exports;

/// <summary>
/// The one font the PDF writer uses: Adobe's STSong-Light, referenced but not embedded, so files stay small and every
/// CJK-capable viewer (Acrobat, pdf.js, PDFium, poppler) supplies the glyphs. Text is encoded with the predefined
/// UniGB-UTF16-H CMap, which maps UTF-16 code units straight to Adobe-GB1 CIDs.
/// </summary>
internal static class PdfCjkFont
{
    public const string Name = "STSong-Light";
    public const string Encoding = "UniGB-UTF16-H";

    /// <summary>Width of every glyph outside ASCII (hanzi, full-width punctuation): the full em.</summary>
    public const int DefaultWidth = 1000;

    // UniGB-UTF16-H maps U+0020..U+007E to CIDs 1..95 ("<0020> <007e> 1" in Adobe's CMap). In Adobe-GB1 those CIDs are
    // the proportional Latin glyphs (the half-width ones, 814..907, are what GB-EUC-H uses), so these are STSong-Light's
    // proportional widths, as Acrobat Distiller writes them. Index = code point - 0x20.
    private static readonly int[] AsciiWidths =
    [
        207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, // space ! " # $ % & ' ( ) * + , - . /
        462, 462, 462, 462, 462, 462, 462, 462, 462, 462, 238, 238, 605, 605, 605, 344, // 0-9 : ; < = > ?
        748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896, 758, 772, // @ A-O
        544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374, 333, 374, 606, 500, // P-Z [ \ ] ^ _
        239, 417, 503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524, // ` a-o
        524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258, 370, 605,      // p-z { | } ~
    ];

    /// <summary>The /W array of the descendant CIDFont: CIDs 1..95 as above, everything else falls to /DW.</summary>
    public static string WidthsArray() =>
        "[1 [" + string.Join(' ', AsciiWidths.Select(w => w.ToString(CultureInfo.InvariantCulture))) + "]]";

    /// <summary>Control characters have no glyph; a caller's stray tab or newline becomes a space rather than a hole.</summary>
    public static string Clean(string text) =>
        text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]) : text;

    /// <summary>Advance of one glyph in thousandths of the font size, consistent with the /W and /DW written.</summary>
    public static int Width(Rune rune) => rune.Value switch
    {
        >= 0x20 and <= 0x7E => AsciiWidths[rune.Value - 0x20],
        0xA0 => AsciiWidths[0], // UniGB-UTF16-H maps the no-break space to CID 1 too
        _ => DefaultWidth,
    };

    /// <summary>The text as a PDF hex string of UTF-16BE code units, the codes UniGB-UTF16-H expects.</summary>
    public static string Hex(string cleanText) => "<" + Convert.ToHexString(System.Text.Encoding.BigEndianUnicode.GetBytes(cleanText)) + ">";

    /// <summary>
    /// A ToUnicode CMap for the runes used, so text extraction and copy-paste do not depend on the viewer knowing
    /// Adobe-GB1. Each code is the rune's own UTF-16BE, so every entry maps a code to itself.
    /// </summary>
    public static string ToUnicodeCMap(IEnumerable<Rune> used)
    {
        var codes = used.Distinct().Order().Select(r => Convert.ToHexString(System.Text.Encoding.BigEndianUnicode.GetBytes(r.ToString()))).ToList();
        var sb = new StringBuilder()
            .Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Fangkong-UTF16-UCS def\n/CMapType 2 def\n")
            .Append("3 begincodespacerange\n<0000> <D7FF>\n<D800DC00> <DBFFDFFF>\n<E000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in codes.Chunk(100)) // a bfchar block may hold at most 100 entries
        {
            sb.Append(chunk.Length).Append(" beginbfchar\n");
            foreach (var code in chunk) sb.Append('<').Append(code).Append("> <").Append(code).Append(">\n");
            sb.Append("endbfchar\n");
        }
        return sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").ToString();
    }
}

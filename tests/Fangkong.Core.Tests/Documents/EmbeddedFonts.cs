using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Fangkong.Core.Tests.Documents;

/// <summary>
/// Reads back what a PDF embeds and draws, independently of how it was written: the font programs (FontFile2) as
/// typefaces, to ask which characters they hold, and the glyph codes shown in the content streams.
/// </summary>
internal sealed partial class EmbeddedFonts : IDisposable
{
    private readonly Dictionary<int, (string Dict, byte[]? Data)> _objects = [];

    public EmbeddedFonts(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf); // one char per byte, so indexes are byte offsets
        foreach (Match m in ObjectStart().Matches(text))
        {
            var number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var end = text.IndexOf("endobj", m.Index + m.Length, StringComparison.Ordinal);
            var body = text[(m.Index + m.Length)..end];
            var stream = StreamStart().Match(body);
            if (!stream.Success) { _objects[number] = (body, null); continue; }
            var dict = body[..stream.Index];
            var length = int.Parse(LengthEntry().Match(dict).Groups[1].Value, CultureInfo.InvariantCulture);
            var data = pdf.AsSpan(m.Index + m.Length + stream.Index + stream.Length, length).ToArray();
            if (dict.Contains("/FlateDecode", StringComparison.Ordinal))
            {
                using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                zlib.CopyTo(plain);
                data = plain.ToArray();
            }
            _objects[number] = (dict, data);
        }
        Faces = [.. _objects.Values.Select(o => FontFile().Match(o.Dict)).Where(f => f.Success)
            .Select(f => SKTypeface.FromData(SKData.CreateCopy(_objects[int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture)].Data!)))];
    }

    /// <summary>Every embedded TrueType font program, loaded as a typeface.</summary>
    public IReadOnlyList<SKTypeface> Faces { get; }

    /// <summary>Whether some embedded font maps <paramref name="character"/> to a real glyph (not .notdef).</summary>
    public bool Covers(string character) => Faces.Any(f =>
    {
        using var font = new SKFont(f);
        return font.ContainsGlyphs(character);
    });

    /// <summary>The two-byte glyph codes shown with Tj in every content stream (Identity-H: the glyph ids).</summary>
    public IEnumerable<int> ShownGlyphs() => _objects.Values
        .Where(o => o.Data is not null && !o.Dict.Contains("/Length1", StringComparison.Ordinal))
        .SelectMany(o => ShowText().Matches(Encoding.Latin1.GetString(o.Data!)))
        .SelectMany(m => Convert.FromHexString(m.Groups[1].Value).Chunk(2).Select(c => c.Length == 2 ? (c[0] << 8) | c[1] : -1));

    public void Dispose()
    {
        foreach (var f in Faces) f.Dispose();
    }

    [GeneratedRegex(@"(?m)^(\d+) 0 obj\s*")]
    private static partial Regex ObjectStart();

    [GeneratedRegex(@"\bstream\r?\n")]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"/Length (\d+)\b")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"/FontFile2 (\d+) 0 R")]
    private static partial Regex FontFile();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*Tj")]
    private static partial Regex ShowText();
}

using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Fangkong.Core.Exports;

/// <summary>
/// Writes small printable PDF 1.7 documents (sampling certificates and the like): A4 pages of text, lines, rectangles
/// and QR codes. No font is embedded; Chinese and Latin text use the viewer's STSong-Light (see <see cref="PdfCjkFont"/>).
/// </summary>
/// <example><code>
/// var pdf = new PdfDocumentWriter("采样证明");
/// var page = pdf.AddPage();
/// page.Text(72, 100, 20, "核酸采样证明 Sampling certificate", bold: true);
/// page.QrCode(72, 140, 144, payload);
/// byte[] bytes = pdf.ToBytes();
/// </code></example>
public sealed class PdfDocumentWriter(string title, DateTimeOffset? createdAt = null)
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    // Fixed object numbers; pages follow as (page, content stream) pairs from FirstPageObject on.
    private const int CatalogObject = 1, PagesObject = 2, InfoObject = 3, FontObject = 4, CidFontObject = 5,
        DescriptorObject = 6, ToUnicodeObject = 7, FirstPageObject = 8;

    private readonly List<PdfPage> _pages = [];
    private readonly HashSet<Rune> _usedRunes = [];

    public string Title { get; } = title;

    public IReadOnlyList<PdfPage> Pages => _pages;

    /// <summary>Adds a blank A4 portrait page at the end and returns it for drawing.</summary>
    public PdfPage AddPage()
    {
        var page = new PdfPage(this);
        _pages.Add(page);
        return page;
    }

    /// <summary>
    /// The advance width in points of <paramref name="text"/> at <paramref name="sizePt"/>, exactly as viewers lay it
    /// out (the widths written into the font dictionary), so callers can centre or right-align text.
    /// </summary>
    public static double MeasureWidth(string text, double sizePt) =>
        PdfCjkFont.Clean(text).EnumerateRunes().Sum(PdfCjkFont.Width) * sizePt / 1000.0;

    internal void Use(string cleanText)
    {
        foreach (var rune in cleanText.EnumerateRunes()) _usedRunes.Add(rune);
    }

    /// <summary>The whole document: header, objects, cross-reference table and trailer.</summary>
    public byte[] ToBytes()
    {
        if (_pages.Count == 0) throw new InvalidOperationException("PDF 至少需要一页 / a PDF needs at least one page; call AddPage first");
        using var output = new PdfObjectWriter();
        output.Object(CatalogObject, $"<< /Type /Catalog /Pages {PagesObject} 0 R /Lang (zh-CN) >>");
        var kids = string.Join(' ', _pages.Select((_, i) => $"{PageObject(i)} 0 R"));
        output.Object(PagesObject, $"<< /Type /Pages /Kids [{kids}] /Count {_pages.Count} >>");
        var info = new StringBuilder($"<< /Title {TextString(Title)} /Producer (Fangkong)");
        if (createdAt is { } created) info.Append(" /CreationDate ").Append(Date(created));
        output.Object(InfoObject, info.Append(" >>").ToString());
        output.Object(FontObject, $"<< /Type /Font /Subtype /Type0 /BaseFont /{PdfCjkFont.Name} /Encoding /{PdfCjkFont.Encoding} " +
            $"/DescendantFonts [{CidFontObject} 0 R] /ToUnicode {ToUnicodeObject} 0 R >>");
        output.Object(CidFontObject, $"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /{PdfCjkFont.Name} " +
            $"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor {DescriptorObject} 0 R " +
            $"/DW {PdfCjkFont.DefaultWidth} /W {PdfCjkFont.WidthsArray()} >>");
        output.Object(DescriptorObject, $"<< /Type /FontDescriptor /FontName /{PdfCjkFont.Name} /Flags 6 " +
            "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 737 /StemV 58 >>");
        output.Stream(ToUnicodeObject, PdfCjkFont.ToUnicodeCMap(_usedRunes));
        for (var i = 0; i < _pages.Count; i++)
        {
            output.Object(PageObject(i), $"<< /Type /Page /Parent {PagesObject} 0 R " +
                $"/MediaBox [0 0 {PdfPage.N(PageWidth)} {PdfPage.N(PageHeight)}] " +
                $"/Resources << /Font << /F1 {FontObject} 0 R >> >> /Contents {PageObject(i) + 1} 0 R >>");
            output.Stream(PageObject(i) + 1, _pages[i].Content);
        }
        return output.Finish(rootObject: CatalogObject, infoObject: InfoObject);
    }

    private static int PageObject(int index) => FirstPageObject + 2 * index;

    /// <summary>A PDF text string: UTF-16BE with a byte-order mark, written as hex so no escaping is needed.</summary>
    internal static string TextString(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static string Date(DateTimeOffset at)
    {
        var offset = at.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"(D:{at:yyyyMMddHHmmss}{sign}{abs.Hours:00}'{abs.Minutes:00}')");
    }

    /// <summary>Appends numbered objects to the file, remembering where each starts for the cross-reference table.</summary>
    private sealed class PdfObjectWriter : IDisposable
    {
        private readonly MemoryStream _bytes = new();
        private readonly SortedDictionary<int, long> _offsets = [];

        public PdfObjectWriter()
        {
            // The second line's high bytes tell transfer tools the file is binary (PDF 32000-1, 7.5.2).
            Write("%PDF-1.7\n%");
            _bytes.Write([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        }

        public void Object(int number, string body)
        {
            _offsets.Add(number, _bytes.Position);
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }

        /// <summary>A stream object, FlateDecode-compressed.</summary>
        public void Stream(int number, string content)
        {
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(Encoding.ASCII.GetBytes(content));
            _offsets.Add(number, _bytes.Position);
            Write($"{number} 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
            compressed.Position = 0;
            compressed.CopyTo(_bytes);
            Write("\nendstream\nendobj\n");
        }

        public byte[] Finish(int rootObject, int infoObject)
        {
            var size = _offsets.Keys.Max() + 1;
            if (_offsets.Count != size - 1) throw new InvalidOperationException("PDF object numbers must be contiguous from 1");
            var xref = _bytes.Position;
            var table = new StringBuilder($"xref\n0 {size}\n0000000000 65535 f\r\n");
            // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, and a two-byte end of line.
            foreach (var offset in _offsets.Values) table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n\r\n");
            table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {rootObject} 0 R /Info {infoObject} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            Write(table.ToString());
            return _bytes.ToArray();
        }

        private void Write(string text) => _bytes.Write(Encoding.ASCII.GetBytes(text));

        public void Dispose() => _bytes.Dispose();
    }
}

using System.Globalization;
using System.Text;
using QRCoder;

namespace Fangkong.Core.Exports;

/// <summary>
/// One A4 page of a <see cref="PdfDocumentWriter"/>. Coordinates are in points with the origin at the top-left corner
/// and y growing downwards, as on screen; the page converts them to PDF's bottom-left origin when it writes.
/// </summary>
public sealed class PdfPage
{
    private readonly StringBuilder _content = new();
    private readonly PdfDocumentWriter _document;

    internal PdfPage(PdfDocumentWriter document) => _document = document;

    public double Width => PdfDocumentWriter.PageWidth;
    public double Height => PdfDocumentWriter.PageHeight;

    internal string Content => _content.ToString();

    /// <summary>
    /// Writes one line of text (hanzi and Latin may be mixed) with its baseline at <paramref name="y"/>, starting at
    /// <paramref name="x"/>. Use <see cref="PdfDocumentWriter.MeasureWidth"/> to centre or right-align it.
    /// Bold is simulated by stroking the outlines, since no bold weight of the viewer-supplied font is standard.
    /// </summary>
    public PdfPage Text(double x, double y, double sizePt, string text, bool bold = false, double gray = 0.0)
    {
        Positive(sizePt, nameof(sizePt));
        var clean = PdfCjkFont.Clean(text);
        _document.Use(clean);
        _content.Append("q ").Append(N(Gray(gray))).Append(" g ");
        if (bold) _content.Append(N(gray)).Append(" G ").Append(N(sizePt * 0.03)).Append(" w 2 Tr ");
        _content.Append("BT /F1 ").Append(N(sizePt)).Append(" Tf ").Append(N(X(x))).Append(' ').Append(N(Y(y)))
            .Append(" Td ").Append(PdfCjkFont.Hex(clean)).Append(" Tj ET Q\n");
        return this;
    }

    /// <summary>A rectangle whose top-left corner is (<paramref name="x"/>, <paramref name="y"/>); filled, or outlined with <paramref name="lineWidthPt"/>.</summary>
    public PdfPage Rectangle(double x, double y, double w, double h, bool fill = true, double gray = 0.0, double lineWidthPt = 1.0)
    {
        Positive(w, nameof(w));
        Positive(h, nameof(h));
        Positive(lineWidthPt, nameof(lineWidthPt));
        var g = N(Gray(gray));
        _content.Append("q ").Append(fill ? $"{g} g " : $"{g} G {N(lineWidthPt)} w ")
            .Append(N(X(x))).Append(' ').Append(N(Y(y + h))).Append(' ').Append(N(w)).Append(' ').Append(N(h))
            .Append(fill ? " re f Q\n" : " re S Q\n");
        return this;
    }

    /// <summary>A straight line from (<paramref name="x1"/>, <paramref name="y1"/>) to (<paramref name="x2"/>, <paramref name="y2"/>).</summary>
    public PdfPage Line(double x1, double y1, double x2, double y2, double widthPt = 1.0, double gray = 0.0)
    {
        Positive(widthPt, nameof(widthPt));
        _content.Append("q ").Append(N(Gray(gray))).Append(" G ").Append(N(widthPt)).Append(" w ")
            .Append(N(X(x1))).Append(' ').Append(N(Y(y1))).Append(" m ").Append(N(X(x2))).Append(' ').Append(N(Y(y2)))
            .Append(" l S Q\n");
        return this;
    }

    /// <summary>
    /// A QR code (error correction level M) for <paramref name="payload"/> in the square with top-left corner
    /// (<paramref name="x"/>, <paramref name="y"/>) and side <paramref name="sizePt"/>. The square includes the
    /// four-module quiet zone, which is left blank, so scanners find the code whatever is drawn around the square.
    /// </summary>
    public PdfPage QrCode(double x, double y, double sizePt, string payload)
    {
        Positive(sizePt, nameof(sizePt));
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var unit = sizePt / modules;
        // Draw in module units, y flipped back to rows-downwards, and fill every dark run in one path: a single fill
        // leaves no anti-aliasing seams between neighbouring modules, which a rectangle per fill would.
        _content.Append("q 0 g ").Append(N(unit)).Append(" 0 0 ").Append(N(-unit)).Append(' ')
            .Append(N(X(x))).Append(' ').Append(N(Y(y))).Append(" cm\n");
        for (var row = 0; row < modules; row++)
        {
            for (var col = 0; col < modules;)
            {
                if (!matrix[row][col]) { col++; continue; }
                var start = col;
                while (col < modules && matrix[row][col]) col++;
                _content.Append(start).Append(' ').Append(row).Append(' ').Append(col - start).Append(" 1 re\n");
            }
        }
        _content.Append("f Q\n");
        return this;
    }

    private double X(double x) => Finite(x, nameof(x));

    private double Y(double y) => Height - Finite(y, nameof(y));

    private static double Gray(double gray) => gray is >= 0 and <= 1
        ? gray
        : throw new ArgumentOutOfRangeException(nameof(gray), gray, "灰度须在 0 到 1 之间 / gray must be between 0 (black) and 1 (white)");

    private static double Finite(double value, string name) => double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, "坐标须为有限数 / coordinates must be finite numbers");

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, "尺寸须为正数 / sizes must be positive");
    }

    /// <summary>A number as PDF syntax wants it: invariant, at most three decimals, never an exponent or "-0".</summary>
    internal static string N(double value)
    {
        var rounded = Math.Round(value, 3);
        return rounded == 0 ? "0" : rounded.ToString("0.###", CultureInfo.InvariantCulture);
    }
}

using QRCoder;
using SkiaSharp;

namespace Fangkong.Core.Documents;

/// <summary>
/// One A4 page of a <see cref="PrintDocument"/>. Coordinates are in points from the top-left corner, y downwards.
/// The page records what is drawn; the document draws it once it knows every character each font must hold.
/// </summary>
public sealed class PrintPage
{
    private readonly FontFallback _fonts;
    private readonly List<Action<SKCanvas, Func<int, SKTypeface>>> _items = [];
    private readonly List<TextRun> _runs = [];

    internal PrintPage(FontFallback fonts) => _fonts = fonts;

    public double Width => PrintDocument.PageWidth;
    public double Height => PrintDocument.PageHeight;

    internal IEnumerable<TextRun> Runs => _runs;

    /// <summary>
    /// One line of text (hanzi, rare characters and Latin may be mixed) with its baseline at <paramref name="y"/>,
    /// starting at <paramref name="x"/>. Use <see cref="PrintDocument.MeasureWidth"/> to centre or right-align it.
    /// </summary>
    public PrintPage Text(double x, double y, double sizePt, string text, double gray = 0.0)
    {
        Positive(sizePt, nameof(sizePt));
        var (px, py, colour) = (Finite(x, nameof(x)), Finite(y, nameof(y)), Colour(gray));
        var runs = _fonts.Runs(text);
        _runs.AddRange(runs);
        _items.Add((canvas, face) =>
        {
            using var paint = new SKPaint { Color = colour, IsAntialias = true };
            var at = (float)px;
            foreach (var run in runs)
            {
                using var font = FontFallback.Font(face(run.Font), sizePt);
                canvas.DrawText(run.Text, at, (float)py, SKTextAlign.Left, font, paint);
                at += font.MeasureText(run.Text);
            }
        });
        return this;
    }

    /// <summary>A rectangle whose top-left corner is (<paramref name="x"/>, <paramref name="y"/>); filled, or outlined with <paramref name="lineWidthPt"/>.</summary>
    public PrintPage Rectangle(double x, double y, double w, double h, bool fill = true, double gray = 0.0, double lineWidthPt = 1.0)
    {
        Positive(w, nameof(w));
        Positive(h, nameof(h));
        Positive(lineWidthPt, nameof(lineWidthPt));
        var rect = SKRect.Create((float)Finite(x, nameof(x)), (float)Finite(y, nameof(y)), (float)w, (float)h);
        var colour = Colour(gray);
        _items.Add((canvas, _) =>
        {
            using var paint = new SKPaint { Color = colour, Style = fill ? SKPaintStyle.Fill : SKPaintStyle.Stroke, StrokeWidth = (float)lineWidthPt };
            canvas.DrawRect(rect, paint);
        });
        return this;
    }

    /// <summary>A straight line from (<paramref name="x1"/>, <paramref name="y1"/>) to (<paramref name="x2"/>, <paramref name="y2"/>).</summary>
    public PrintPage Line(double x1, double y1, double x2, double y2, double widthPt = 1.0, double gray = 0.0)
    {
        Positive(widthPt, nameof(widthPt));
        var (a, b) = (new SKPoint((float)Finite(x1, nameof(x1)), (float)Finite(y1, nameof(y1))), new SKPoint((float)Finite(x2, nameof(x2)), (float)Finite(y2, nameof(y2))));
        var colour = Colour(gray);
        _items.Add((canvas, _) =>
        {
            using var paint = new SKPaint { Color = colour, Style = SKPaintStyle.Stroke, StrokeWidth = (float)widthPt, IsAntialias = true };
            canvas.DrawLine(a, b, paint);
        });
        return this;
    }

    /// <summary>
    /// A QR code (error correction level M) for <paramref name="payload"/> in the square with top-left corner
    /// (<paramref name="x"/>, <paramref name="y"/>) and side <paramref name="sizePt"/>. The square includes the
    /// four-module quiet zone, which is left blank, so scanners find the code whatever is drawn around the square.
    /// </summary>
    public PrintPage QrCode(double x, double y, double sizePt, string payload)
    {
        Positive(sizePt, nameof(sizePt));
        ArgumentException.ThrowIfNullOrEmpty(payload);
        var (px, py) = (Finite(x, nameof(x)), Finite(y, nameof(y)));
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        // Every dark run of a row in one path, filled once: a single fill leaves no seams between neighbouring modules.
        using var builder = new SKPathBuilder();
        for (var row = 0; row < modules; row++)
        {
            for (var col = 0; col < modules;)
            {
                if (!matrix[row][col]) { col++; continue; }
                var start = col;
                while (col < modules && matrix[row][col]) col++;
                builder.AddRect(SKRect.Create(start, row, col - start, 1), SKPathDirection.Clockwise);
            }
        }
        var path = builder.Detach();
        var unit = (float)(sizePt / modules);
        _items.Add((canvas, _) =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
            canvas.Save();
            canvas.Translate((float)px, (float)py);
            canvas.Scale(unit);
            canvas.DrawPath(path, paint);
            canvas.Restore();
        });
        return this;
    }

    internal void Draw(SKCanvas canvas, Func<int, SKTypeface> face)
    {
        foreach (var item in _items) item(canvas, face);
    }

    // The checks below catch a programmer's mistake, for a developer to read (a log, a failing test), never a person
    // using the platform: plain English, not catalogue sentences.
    private static SKColor Colour(double gray)
    {
        if (gray is not (>= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(gray), gray, "gray must be between 0 (black) and 1 (white)");
        var level = (byte)Math.Round(gray * 255);
        return new SKColor(level, level, level);
    }

    private static double Finite(double value, string name) => double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, "coordinates must be finite numbers");

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, "sizes must be positive");
    }
}

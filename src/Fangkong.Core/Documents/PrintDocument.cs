using SkiaSharp;

namespace Fangkong.Core.Documents;

/// <summary>
/// A printable A4 document (sampling certificates, bulletins) written as PDF by Skia: text in embedded, subset
/// TrueType fonts with per-character fallback (<see cref="FontFallback"/>), so rare name characters from CJK Extension B
/// onwards print and copy out like any other; lines, rectangles and QR codes as vector paths. See ADR 0009.
/// </summary>
/// <example><code>
/// var pdf = new PrintDocument("采样证明", printedAt);
/// var page = pdf.AddPage();
/// page.Text(72, 100, 20, "核酸采样证明 Sampling certificate");
/// page.QrCode(72, 140, 144, payload);
/// byte[] bytes = pdf.ToPdf();
/// </code></example>
public sealed class PrintDocument(string title, DateTimeOffset? createdAt = null)
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    private readonly List<PrintPage> _pages = [];

    public string Title { get; } = title;

    public IReadOnlyList<PrintPage> Pages => _pages;

    /// <summary>Adds a blank A4 portrait page at the end and returns it for drawing.</summary>
    public PrintPage AddPage()
    {
        var page = new PrintPage(FontFallback.Shared);
        _pages.Add(page);
        return page;
    }

    /// <summary>The advance width in points of <paramref name="text"/> at <paramref name="sizePt"/> as it is drawn, to centre or wrap text.</summary>
    public static double MeasureWidth(string text, double sizePt) => FontFallback.Shared.Measure(text, sizePt);

    /// <summary>The document as PDF bytes.</summary>
    public byte[] ToPdf()
    {
        // A programmer's mistake, for a developer to read: plain English, not a catalogue sentence.
        if (_pages.Count == 0) throw new InvalidOperationException("a PDF needs at least one page; call AddPage first");
        var chain = FontFallback.Shared;
        // Each font is cut down to the characters drawn with it, across all pages, before anything is drawn.
        var faces = new SKTypeface?[chain.Faces.Count];
        foreach (var used in _pages.SelectMany(p => p.Runs).GroupBy(r => r.Font))
            faces[used.Key] = FontSubsetter.Subset(chain.Faces[used.Key], used.SelectMany(r => r.Text.EnumerateRunes()).Select(r => r.Value).Distinct());
        try
        {
            using var output = new MemoryStream();
            using (var document = SKDocument.CreatePdf(output, Metadata()))
            {
                foreach (var page in _pages)
                {
                    var canvas = document.BeginPage((float)PageWidth, (float)PageHeight);
                    page.Draw(canvas, i => faces[i] ?? chain.Faces[i]);
                    document.EndPage();
                }
                document.Close();
            }
            return output.ToArray();
        }
        finally
        {
            foreach (var face in faces) face?.Dispose();
        }
    }

    private SKDocumentPdfMetadata Metadata()
    {
        var metadata = new SKDocumentPdfMetadata { Title = Title, Producer = "Fangkong", Creator = "Fangkong" };
        if (createdAt is { } at) metadata.Creation = at.UtcDateTime;
        return metadata;
    }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;

namespace Fangkong.Core.Testing;

/// <summary>
/// The printable sampling certificate (采样证明): one A4 page with the masked person, the round, the site and time, the
/// result, and a QR that opens the public verify page with the signed proof, so a printout can be checked by anyone
/// and a forged one fails. The certificate is a document in both languages whatever the reader's: a printout is shown
/// to whoever asks for it, so every label and the result are worded from the catalogue in Chinese and in English.
/// </summary>
public static class CertificatePdf
{
    /// <summary>The verify address printed into the QR: the page checks the proof's signature and the record.</summary>
    public static string VerifyUrl(string baseUrl, string proof) =>
        $"{baseUrl.TrimEnd('/')}/testing/verify?c={Uri.EscapeDataString(proof)}";

    /// <summary>Where the QR code is drawn (its square, quiet zone included), in points from the top-left corner.</summary>
    internal const double QrX = (PrintDocument.PageWidth - QrSize) / 2, QrY = FirstRowY + 8 * RowHeight + 10, QrSize = 170;

    private const double FirstRowY = 178, RowHeight = 28;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN"), English = CultureInfo.GetCultureInfo("en");

    /// <param name="cityOffset">The city's UTC offset: times print as the resident reads clocks.</param>
    public static byte[] Render(Certificate c, string verifyUrl, DateTimeOffset printedAt, TimeSpan cityOffset)
    {
        var pdf = new PrintDocument(Messages.Get(Chinese, "Testing.Pdf.FileTitle", c.MaskedName), printedAt);
        var page = pdf.AddPage();
        const double left = 72;
        Centre(page, 96, 24, Messages.Get(Chinese, "Testing.Pdf.Title"));
        Centre(page, 122, 12, Messages.Get(English, "Testing.Pdf.Title"), gray: 0.35);
        page.Line(left, 140, page.Width - left, 140, 0.8, 0.5);

        var sampledAt = new DateTimeOffset(DateTime.SpecifyKind(c.SampledAtUtc, DateTimeKind.Utc)).ToOffset(cityOffset);
        (string Label, string Value, double Size)[] rows =
        [
            (Both("Testing.Pdf.Name"), c.MaskedName, 13),
            (Both("Testing.Pdf.IdNumber"), c.MaskedDocument, 13),
            (Both("Testing.Pdf.Round"), c.RoundName, 13),
            (Both("Testing.Pdf.Site"), c.SiteName + (c.AtHome ? $"({Both("Testing.Pdf.AtHome")})" : ""), 13),
            (Both("Testing.Pdf.Sampled"), sampledAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + string.Create(CultureInfo.InvariantCulture, $" (UTC{cityOffset.TotalHours:+0.#;-0.#})"), 13),
            (Both("Testing.Pdf.Tube"), c.TubeBarcode, 13),
            // No bold: the fonts that embed (ADR 0009) have one weight, so the result stands out by size instead.
            (Both("Testing.Pdf.Result"), Both(OutcomeWords.Key(c.Outcome)), 15),
            (Both("Testing.Pdf.Number"), c.SampleId.ToString(CultureInfo.InvariantCulture), 13),
        ];
        var y = FirstRowY;
        foreach (var (label, value, size) in rows)
        {
            page.Text(left, y, 11, label, gray: 0.35);
            page.Text(left + 170, y, size, value);
            y += RowHeight;
        }

        page.QrCode(QrX, QrY, QrSize, verifyUrl);
        Centre(page, QrY + QrSize + 20, 10, Messages.Get(Chinese, "Testing.Pdf.ScanToVerify") + " · " + Messages.Get(English, "Testing.Pdf.ScanToVerify"), gray: 0.35);
        page.Line(left, page.Height - 90, page.Width - left, page.Height - 90, 0.5, 0.6);
        page.Text(left, page.Height - 70, 9, Messages.Get(Chinese, "Testing.Pdf.Footer"), gray: 0.4);
        page.Text(left, page.Height - 56, 9, Messages.Get(English, "Testing.Pdf.Footer"), gray: 0.4);
        page.Text(left, page.Height - 42, 9,
            Both("Testing.Pdf.Printed") + " " + printedAt.ToOffset(cityOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), gray: 0.4);
        return pdf.ToPdf();
    }

    /// <summary>A label in both languages, Chinese first ("姓名 Name"), each from the catalogue.</summary>
    private static string Both(string key) => Messages.Get(Chinese, key) + " " + Messages.Get(English, key);

    private static void Centre(PrintPage page, double y, double size, string text, double gray = 0)
    {
        var w = PrintDocument.MeasureWidth(text, size);
        page.Text((page.Width - w) / 2, y, size, text, gray);
    }
}

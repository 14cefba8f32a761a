using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;

namespace Fangkong.Core.VenueCodes;

/// <summary>
/// The venue code's poster (场所码): one A4 page to print and put up at the door or inside the bus — the title, the venue's
/// name and address, a large QR that opens the scan page, and how to use it, Chinese first and English under it (ADR 0009's
/// fonts, so any name prints).
/// </summary>
public static class VenuePoster
{
    internal const double QrSize = 300, QrX = (PrintDocument.PageWidth - QrSize) / 2, QrY = 250;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN"), English = CultureInfo.GetCultureInfo("en");

    public static byte[] Render(VenueCodeCard card, DateTimeOffset printedAt, TimeSpan cityOffset)
    {
        var pdf = new PrintDocument(Messages.Get(Chinese, "VenueCodes.Poster.FileTitle", card.VenueName), printedAt);
        var page = pdf.AddPage();
        const double left = 60;
        page.Rectangle(0, 0, page.Width, 24, fill: true, gray: 0.15);
        Centre(page, 92, 40, Messages.Get(Chinese, "VenueCodes.Poster.Title"));
        Centre(page, 120, 14, Messages.Get(English, "VenueCodes.Poster.Title"), gray: 0.35);
        Centre(page, 176, Fit(card.VenueName, 26, page.Width - 2 * left), card.VenueName);
        if (!string.IsNullOrWhiteSpace(card.Address)) Centre(page, 206, Fit(card.Address, 13, page.Width - 2 * left), card.Address, gray: 0.3);
        page.Line(left, 224, page.Width - left, 224, 0.8, 0.5);

        page.QrCode(QrX, QrY, QrSize, card.ScanUrl);
        var y = QrY + QrSize + 36;
        foreach (var key in new[] { "VenueCodes.Poster.Scan", "VenueCodes.Poster.InAndOut", "VenueCodes.Poster.Proxy" })
        {
            Centre(page, y, 14, Messages.Get(Chinese, key));
            Centre(page, y + 17, 10, Messages.Get(English, key), gray: 0.35);
            y += 44;
        }
        var until = new DateTimeOffset(DateTime.SpecifyKind(card.ExpiresAtUtc, DateTimeKind.Utc)).ToOffset(cityOffset)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        page.Line(left, page.Height - 80, page.Width - left, page.Height - 80, 0.5, 0.6);
        page.Text(left, page.Height - 60, 10, Messages.Get(Chinese, "VenueCodes.Poster.Until", until, card.VenueId), gray: 0.4);
        page.Text(left, page.Height - 45, 9, Messages.Get(English, "VenueCodes.Poster.Until", until, card.VenueId), gray: 0.4);
        return pdf.ToPdf();
    }

    /// <summary>A long name (a bus's route and plate, a market's full title) shrinks to fit the width rather than run off the page.</summary>
    private static double Fit(string text, double size, double width)
    {
        while (size > 9 && PrintDocument.MeasureWidth(text, size) > width) size -= 1;
        return size;
    }

    private static void Centre(PrintPage page, double y, double size, string text, double gray = 0) =>
        page.Text((page.Width - PrintDocument.MeasureWidth(text, size)) / 2, y, size, text, gray);
}

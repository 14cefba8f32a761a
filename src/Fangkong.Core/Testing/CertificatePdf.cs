using System.Globalization;
using Fangkong.Core.Documents;

namespace Fangkong.Core.Testing;

/// <summary>
/// The printable sampling certificate (采样证明): one A4 page with the masked person, the round, the site and time, the
/// result, and a QR that opens the public verify page with the signed proof, so a printout can be checked by anyone
/// and a forged one fails.
/// </summary>
public static class CertificatePdf
{
    /// <summary>The verify address printed into the QR: the page checks the proof's signature and the record.</summary>
    public static string VerifyUrl(string baseUrl, string proof) =>
        $"{baseUrl.TrimEnd('/')}/testing/verify?c={Uri.EscapeDataString(proof)}";

    /// <summary>Where the QR code is drawn (its square, quiet zone included), in points from the top-left corner.</summary>
    internal const double QrX = (PrintDocument.PageWidth - QrSize) / 2, QrY = FirstRowY + 8 * RowHeight + 10, QrSize = 170;

    private const double FirstRowY = 178, RowHeight = 28;

    /// <param name="cityOffset">The city's UTC offset: times print as the resident reads clocks.</param>
    public static byte[] Render(Certificate c, string verifyUrl, DateTimeOffset printedAt, TimeSpan cityOffset)
    {
        var pdf = new PrintDocument($"核酸采样证明 {c.MaskedName}", printedAt);
        var page = pdf.AddPage();
        const double left = 72;
        Centre(page, 96, 24, "核酸检测采样证明");
        Centre(page, 122, 12, "Nucleic-acid test sampling certificate", gray: 0.35);
        page.Line(left, 140, page.Width - left, 140, 0.8, 0.5);

        var sampledAt = new DateTimeOffset(DateTime.SpecifyKind(c.SampledAtUtc, DateTimeKind.Utc)).ToOffset(cityOffset);
        (string Label, string Value)[] rows =
        [
            ("姓名 Name", c.MaskedName),
            ("证件号码 ID number", c.MaskedDocument),
            ("检测轮次 Round", c.RoundName),
            ("采样点 Site", c.SiteName + (c.AtHome ? "(上门采样 at home)" : "")),
            ("采样时间 Sampled", sampledAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + string.Create(CultureInfo.InvariantCulture, $" (UTC{cityOffset.TotalHours:+0.#;-0.#})")),
            ("试管编号 Tube", c.TubeBarcode),
            ("检测结果 Result", c.Result),
            ("证明编号 Certificate no.", c.SampleId.ToString(CultureInfo.InvariantCulture)),
        ];
        var y = FirstRowY;
        foreach (var (label, value) in rows)
        {
            page.Text(left, y, 11, label, gray: 0.35);
            // No bold: the fonts that embed (ADR 0009) have one weight, so the result stands out by size instead.
            page.Text(left + 170, y, label.StartsWith("检测结果", StringComparison.Ordinal) ? 15 : 13, value);
            y += RowHeight;
        }

        page.QrCode(QrX, QrY, QrSize, verifyUrl);
        Centre(page, QrY + QrSize + 20, 10, "扫码核验真伪 · Scan to verify this certificate", gray: 0.35);
        page.Line(left, page.Height - 90, page.Width - left, page.Height - 90, 0.5, 0.6);
        page.Text(left, page.Height - 70, 9,
            "本证明由防控平台签名生成，姓名与证件号已脱敏；以扫码核验结果为准。", gray: 0.4);
        page.Text(left, page.Height - 56, 9,
            "Signed by the Fangkong platform; name and ID are masked. The scanned verification is authoritative.", gray: 0.4);
        page.Text(left, page.Height - 42, 9,
            "打印时间 Printed " + printedAt.ToOffset(cityOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), gray: 0.4);
        return pdf.ToPdf();
    }

    private static void Centre(PrintPage page, double y, double size, string text, double gray = 0)
    {
        var w = PrintDocument.MeasureWidth(text, size);
        page.Text((page.Width - w) / 2, y, size, text, gray);
    }
}

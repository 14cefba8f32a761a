using System.Globalization;
using Fangkong.Core.Exports;

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

    /// <param name="cityOffset">The city's UTC offset: times print as the resident reads clocks.</param>
    public static byte[] Render(Certificate c, string verifyUrl, DateTimeOffset printedAt, TimeSpan cityOffset)
    {
        var pdf = new PdfDocumentWriter($"核酸采样证明 {c.MaskedName}", printedAt);
        var page = pdf.AddPage();
        const double left = 72;
        Centre(page, 96, 22, "核酸检测采样证明", bold: true);
        Centre(page, 122, 12, "Nucleic-acid test sampling certificate", bold: false, gray: 0.35);
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
        var y = 178.0;
        foreach (var (label, value) in rows)
        {
            page.Text(left, y, 11, label, gray: 0.35);
            page.Text(left + 170, y, 13, value, bold: label.StartsWith("检测结果", StringComparison.Ordinal));
            y += 28;
        }

        const double qr = 170;
        var qrX = (page.Width - qr) / 2;
        page.QrCode(qrX, y + 10, qr, verifyUrl);
        Centre(page, y + qr + 30, 10, "扫码核验真伪 · Scan to verify this certificate", bold: false, gray: 0.35);
        page.Line(left, page.Height - 90, page.Width - left, page.Height - 90, 0.5, 0.6);
        page.Text(left, page.Height - 70, 9,
            "本证明由防控平台签名生成，姓名与证件号已脱敏；以扫码核验结果为准。", gray: 0.4);
        page.Text(left, page.Height - 56, 9,
            "Signed by the Fangkong platform; name and ID are masked. The scanned verification is authoritative.", gray: 0.4);
        page.Text(left, page.Height - 42, 9,
            "打印时间 Printed " + printedAt.ToOffset(cityOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), gray: 0.4);
        return pdf.ToBytes();
    }

    private static void Centre(PdfPage page, double y, double size, string text, bool bold, double gray = 0)
    {
        var w = PdfDocumentWriter.MeasureWidth(text, size);
        page.Text((page.Width - w) / 2, y, size, text, bold, gray);
    }
}

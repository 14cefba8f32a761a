using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fangkong.Core.Exports;
using QRCoder;

namespace Fangkong.Core.Tests.Exports;

public class PdfDocumentWriterTests
{
    private const string Title = "核酸采样证明 Sampling certificate";
    private const string Payload = "https://fangkong.example/c/verify?id=20240315-000042&sig=Qm9ndXNTaWduYXR1cmU";

    /// <summary>A certificate laid out as the real one would be, plus a second page, so every writer feature is in the file.</summary>
    internal static byte[] SampleCertificate(DateTimeOffset? createdAt = null)
    {
        var pdf = new PdfDocumentWriter("采样证明", createdAt);
        var page = pdf.AddPage();
        page.Rectangle(36, 36, page.Width - 72, page.Height - 72, fill: false, lineWidthPt: 1.5);
        page.Rectangle(36, 36, page.Width - 72, 70, gray: 0.9);
        page.Text((page.Width - PdfDocumentWriter.MeasureWidth(Title, 22)) / 2, 80, 22, Title, bold: true);
        page.Line(72, 130, page.Width - 72, 130, 0.75);
        string[] fields = ["姓名 Name：张*明", "证件号 ID：1101**********1234", "采样点 Site：朝阳区 望京街道 第3采样点",
            "采样时间 Sampled at：2024-03-15 09:42", "管码 Tube：TB-000042 (10:1 混采)"];
        for (var i = 0; i < fields.Length; i++) page.Text(72, 170 + 28 * i, 13, fields[i]);
        page.QrCode((page.Width - 180) / 2, 330, 180, Payload);
        const string note = "扫码核验真伪 Scan to verify";
        page.Text((page.Width - PdfDocumentWriter.MeasureWidth(note, 11)) / 2, 530, 11, note, gray: 0.3);
        pdf.AddPage().Text(72, 72, 12, "第二页 Page 2");
        return pdf.ToBytes();
    }

    private static string Utf16Hex(string text) => Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));

    [Fact]
    public void Header_xref_offsets_and_startxref_are_consistent()
    {
        var bytes = SampleCertificate();
        Assert.Equal("%PDF-1.7\n"u8.ToArray(), bytes[..9]);
        var pdf = new PdfInspector(bytes); // asserts startxref -> "xref" and the 20-byte entries
        Assert.Equal(11, pdf.Offsets.Count); // catalog, pages, info, 2 font dicts, descriptor, ToUnicode, 2 x (page, content)
        foreach (var (number, offset) in pdf.Offsets)
            Assert.StartsWith($"{number} 0 obj\n", Encoding.Latin1.GetString(bytes, (int)offset, 16));
        Assert.Contains("/Type /Catalog", pdf.Root);
        Assert.Equal(pdf.Offsets.Count, Regex.Count(Encoding.Latin1.GetString(bytes), @"\d+ 0 obj\n"));
    }

    [Fact]
    public void Pages_are_a4_and_counted()
    {
        var pdf = new PdfInspector(SampleCertificate());
        Assert.Contains("/Count 2", pdf.Object(pdf.Reference(pdf.Root, "Pages")));
        var pages = pdf.PageObjects();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Contains("/Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]", pdf.Object(p)));
    }

    [Fact]
    public void Info_has_the_title_as_utf16_with_bom_the_producer_and_the_creation_date()
    {
        var at = new DateTimeOffset(2024, 3, 15, 9, 42, 7, TimeSpan.FromHours(8));
        var info = new PdfInspector(SampleCertificate(at)).Info;
        Assert.Contains("/Title <FEFF" + Utf16Hex("采样证明") + ">", info);
        Assert.Contains("/Producer (Fangkong)", info);
        Assert.Contains("/CreationDate (D:20240315094207+08'00')", info);
        Assert.DoesNotContain("/CreationDate", new PdfInspector(SampleCertificate()).Info);
    }

    [Fact]
    public void Text_is_utf16_hex_in_the_predefined_chinese_font()
    {
        var pdf = new PdfInspector(SampleCertificate());
        var content = pdf.PageContent(0);
        Assert.Contains("<" + Utf16Hex(Title) + "> Tj", content);
        Assert.Contains("<" + Utf16Hex("姓名 Name：张*明") + "> Tj", content);
        Assert.Contains("2 Tr", content); // the bold title is stroked as well as filled
        Assert.Contains("<" + Utf16Hex("第二页 Page 2") + "> Tj", pdf.PageContent(1));

        var font = pdf.Object(pdf.Reference(pdf.Object(pdf.PageObjects()[0]), "F1"));
        Assert.Contains("/Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H", font);
        var cidFont = pdf.Object(int.Parse(Regex.Match(font, @"/DescendantFonts \[(\d+) 0 R\]").Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Contains("/Subtype /CIDFontType0 /BaseFont /STSong-Light", cidFont);
        Assert.Contains("/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>", cidFont);
        Assert.Contains("/DW 1000", cidFont);
        var toUnicode = pdf.StreamText(pdf.Reference(font, "ToUnicode"));
        Assert.Contains("<6838> <6838>", toUnicode); // 核
        Assert.Contains("<0053> <0053>", toUnicode); // S
    }

    [Fact]
    public void Measured_width_matches_the_widths_written_into_the_font()
    {
        var pdf = new PdfInspector(SampleCertificate());
        var font = pdf.Object(pdf.Reference(pdf.Object(pdf.PageObjects()[0]), "F1"));
        var cidFont = pdf.Object(int.Parse(Regex.Match(font, @"/DescendantFonts \[(\d+) 0 R\]").Groups[1].Value, CultureInfo.InvariantCulture));
        var w = Regex.Match(cidFont, @"/W \[1 \[([\d ]+)\]\]");
        Assert.True(w.Success, cidFont);
        var widths = w.Groups[1].Value.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(95, widths.Length); // CIDs 1..95 = U+0020..U+007E under UniGB-UTF16-H
        for (var c = 0x20; c <= 0x7E; c++)
            Assert.Equal(widths[c - 0x20], PdfDocumentWriter.MeasureWidth(((char)c).ToString(), 1000), 6);
        Assert.Equal(12.0, PdfDocumentWriter.MeasureWidth("采样", 6), 6); // hanzi take the full em (/DW 1000)
        Assert.Equal(10.0, PdfDocumentWriter.MeasureWidth("：", 10), 6); // full-width punctuation too
        Assert.True(PdfDocumentWriter.MeasureWidth("Sampling", 10) < 10 * 0.6 * 8, "Latin must not be set full-width");
        Assert.Equal(PdfDocumentWriter.MeasureWidth("a b", 10), PdfDocumentWriter.MeasureWidth("a\tb", 10), 6);
    }

    [Fact]
    public void Qr_code_draws_exactly_the_dark_modules_of_qrcoders_matrix()
    {
        var pdf = new PdfDocumentWriter("QR");
        pdf.AddPage().QrCode(100, 200, 150, Payload);
        var content = new PdfInspector(pdf.ToBytes()).PageContent(0);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Payload, QRCodeGenerator.ECCLevel.M);
        var n = data.ModuleMatrix.Count;
        var cm = Regex.Match(content, @"q 0 g ([\d.]+) 0 0 (-[\d.]+) ([\d.]+) ([\d.]+) cm\n");
        Assert.True(cm.Success, content[..Math.Min(200, content.Length)]);
        Assert.Equal(150.0 / n, double.Parse(cm.Groups[1].Value, CultureInfo.InvariantCulture), 3);
        Assert.Equal(-150.0 / n, double.Parse(cm.Groups[2].Value, CultureInfo.InvariantCulture), 3);
        Assert.Equal("100", cm.Groups[3].Value);
        Assert.Equal("642", cm.Groups[4].Value); // 842 - 200: the top-left corner in PDF's bottom-up coordinates

        var drawn = new bool[n, n];
        foreach (Match r in Regex.Matches(content, @"(\d+) (\d+) (\d+) 1 re\n"))
        {
            var (col, row, run) = (int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(r.Groups[3].Value, CultureInfo.InvariantCulture));
            for (var c = col; c < col + run; c++)
            {
                Assert.False(drawn[row, c], $"module ({row},{c}) drawn twice");
                drawn[row, c] = true;
            }
        }
        var dark = 0;
        for (var row = 0; row < n; row++)
            for (var col = 0; col < n; col++)
            {
                Assert.Equal(data.ModuleMatrix[row][col], drawn[row, col]);
                if (drawn[row, col]) dark++;
            }
        Assert.True(dark > n * n / 4, $"only {dark} dark modules of {n * n}");
        Assert.False(drawn[0, 0] || drawn[3, 3], "the quiet zone stays blank");
        Assert.True(drawn[4, 4], "the finder pattern starts after the four-module quiet zone");
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_parameter_named()
    {
        Assert.Throws<InvalidOperationException>(() => new PdfDocumentWriter("空").ToBytes());
        var page = new PdfDocumentWriter("x").AddPage();
        Assert.Equal("gray", Assert.Throws<ArgumentOutOfRangeException>(() => page.Rectangle(0, 0, 10, 10, gray: 1.5)).ParamName);
        Assert.Equal("sizePt", Assert.Throws<ArgumentOutOfRangeException>(() => page.Text(0, 10, 0, "x")).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => page.Line(double.NaN, 0, 1, 1)).ParamName);
        Assert.Throws<ArgumentException>(() => page.QrCode(0, 0, 100, ""));
    }

    /// <summary>
    /// poppler reads the file as a viewer would. Runs where poppler-utils and poppler-data (the Adobe CMaps poppler needs
    /// for UniGB-UTF16-H) are installed, as ./test.sh ensures; elsewhere only the structural check at the top runs.
    /// </summary>
    [Fact]
    public void Poppler_reads_the_title_pages_and_text_without_complaint()
    {
        var bytes = SampleCertificate();
        Assert.Equal(2, new PdfInspector(bytes).PageObjects().Count);
        if (Tool("pdfinfo") is not { } pdfinfo || Tool("pdftotext") is not { } pdftotext
            || !Directory.Exists("/usr/share/poppler/cMap/Adobe-GB1")) return;

        var file = Path.Combine(Path.GetTempPath(), $"fangkong-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, bytes);
        try
        {
            var (info, infoErrors) = Run(pdfinfo, file);
            Assert.Equal("", infoErrors); // poppler reports xref, syntax and unknown-CMap problems on stderr
            Assert.Matches(@"(?m)^Title:\s+采样证明$", info);
            Assert.Matches(@"(?m)^Pages:\s+2$", info);
            Assert.Matches(@"(?m)^Producer:\s+Fangkong$", info);
            Assert.Matches(@"(?m)^PDF version:\s+1\.7$", info);

            var (text, textErrors) = Run(pdftotext, "-layout", file, "-");
            Assert.Equal("", textErrors);
            Assert.Contains(Title, text);
            Assert.Contains("采样点 Site：朝阳区 望京街道 第3采样点", text);
            Assert.Contains("扫码核验真伪 Scan to verify", text);
            Assert.Contains("第二页 Page 2", text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static (string Out, string Err) Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), $"{tool} did not finish");
        Assert.Equal(0, process.ExitCode);
        return (stdout, stderr.Result.Trim());
    }
}

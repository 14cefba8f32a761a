using System.Globalization;
using System.Text.RegularExpressions;
using Fangkong.Core.Documents;

namespace Fangkong.Core.Tests.Documents;

/// <summary>The printable document as poppler reads it: pages, title, text where it was measured to be, bad input by parameter.</summary>
public partial class PrintDocumentTests
{
    [Fact]
    public void Poppler_reads_the_pages_title_producer_and_creation_date()
    {
        var pdf = new PrintDocument("采样证明 张*𬌗", new DateTimeOffset(2024, 3, 15, 9, 42, 7, TimeSpan.FromHours(8)));
        pdf.AddPage().Text(72, 72, 12, "第一页 Page 1");
        pdf.AddPage().Text(72, 72, 12, "第二页 Page 2").Line(72, 80, 200, 80).Rectangle(72, 90, 100, 20, fill: false);
        var bytes = pdf.ToPdf();

        var info = Poppler.Run("pdfinfo", bytes);
        Assert.Matches(@"(?m)^Title:\s+采样证明 张\*𬌗$", info);
        Assert.Matches(@"(?m)^Pages:\s+2$", info);
        Assert.Matches(@"(?m)^Producer:\s+Fangkong$", info);
        Assert.Matches(@"(?m)^CreationDate:\s+Fri Mar 15 01:42:07 2024 UTC$", info);
        Assert.Matches(@"(?m)^Page size:\s+595 x 842 pts \(A4\)$", info);
        var text = Poppler.Run("pdftotext", bytes, "-layout", "{pdf}", "-");
        Assert.Contains("第一页 Page 1", text);
        Assert.Contains("第二页 Page 2", text);
    }

    [Fact]
    public void Text_ends_where_it_was_measured_to_end_across_fallback_fonts()
    {
        // Latin and common hanzi in the first font, Extension B–G characters in the fallbacks: the measured width is
        // the drawn width, so centred lines are centred.
        const string line = "姓名 Name：张𬌗𠀀𪜀𫝀𫠠𬺰𰀀 end";
        const double x = 100, size = 14;
        var pdf = new PrintDocument("w");
        pdf.AddPage().Text(x, 200, size, line);
        var html = Poppler.Run("pdftotext", pdf.ToPdf(), "-bbox", "{pdf}", "-");
        var words = Word().Matches(html).Select(m => (Min: Double(m.Groups[1].Value), Max: Double(m.Groups[2].Value), Text: m.Groups[3].Value)).ToList();
        Assert.Equal("姓名", words[0].Text);
        Assert.Equal("end", words[^1].Text);
        Assert.Equal(x, words[0].Min, 0.5);
        Assert.Equal(x + PrintDocument.MeasureWidth(line, size), words[^1].Max, 0.5);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_parameter_named()
    {
        Assert.Throws<InvalidOperationException>(() => new PrintDocument("空").ToPdf());
        var page = new PrintDocument("x").AddPage();
        Assert.Equal("gray", Assert.Throws<ArgumentOutOfRangeException>(() => page.Rectangle(0, 0, 10, 10, gray: 1.5)).ParamName);
        Assert.Equal("sizePt", Assert.Throws<ArgumentOutOfRangeException>(() => page.Text(0, 10, 0, "x")).ParamName);
        Assert.Equal("x1", Assert.Throws<ArgumentOutOfRangeException>(() => page.Line(double.NaN, 0, 1, 1)).ParamName);
        Assert.Throws<ArgumentException>(() => page.QrCode(0, 0, 100, ""));
    }

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<word xMin=""([\d.]+)"" yMin=""[\d.]+"" xMax=""([\d.]+)"" yMax=""[\d.]+"">([^<]*)</word>")]
    private static partial Regex Word();
}

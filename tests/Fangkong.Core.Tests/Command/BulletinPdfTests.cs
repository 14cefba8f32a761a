using Fangkong.Core.Command;
using Fangkong.Core.Tests.Documents;
using Fangkong.Domain.Text;

namespace Fangkong.Core.Tests.Command;

/// <summary>A bulletin naming places with rare characters wraps and prints them whole.</summary>
public class BulletinPdfTests
{
    private const string Place = "𠀀𪜀𫝀𫠠𬌗𬺰𰀀村";

    [Fact]
    public void Wrapping_never_cuts_a_rare_character_in_half()
    {
        var text = string.Concat(Enumerable.Repeat("新增本土确诊病例1例，在" + Place + "；", 12));
        var lines = BulletinPdf.Wrap(text, 12, 200).ToList();
        Assert.True(lines.Count > 5);
        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.False(char.IsLowSurrogate(l[0]) || char.IsHighSurrogate(l[^1]), $"a surrogate pair is cut at '{l}'"));
    }

    [Fact]
    public void A_bulletin_prints_rare_place_names_in_embedded_fonts()
    {
        var bulletin = new Bulletin
        {
            AreaCode = "220402",
            TitleZh = "龙山区新冠肺炎疫情情况通报（3月14日）",
            TextZh = "3月14日0—24时，全区新增本土确诊病例1例，在" + Place + "。",
            TitleEn = "Longshan District COVID-19 bulletin (14 March)",
            TextEn = "1 new locally transmitted confirmed case, in Village A.",
            FiguresJson = "{}",
        };
        var pdf = BulletinPdf.Render(bulletin, new DateTimeOffset(2022, 3, 15, 1, 0, 0, TimeSpan.Zero));
        Assert.All(Poppler.Fonts(pdf), f => Assert.True(f.Embedded && f.Subset && f.Type == "CID TrueType", f.Name));
        var text = Poppler.Run("pdftotext", pdf, "{pdf}", "-");
        Assert.Contains(Place, text);
        Assert.Contains("Longshan District COVID-19 bulletin", text);
        using var embedded = new EmbeddedFonts(pdf);
        Assert.All(TextElements.Split(Place), c => Assert.True(embedded.Covers(c), c));
        Assert.DoesNotContain(0, embedded.ShownGlyphs());
    }
}

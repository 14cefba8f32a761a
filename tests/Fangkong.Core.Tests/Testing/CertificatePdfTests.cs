using Fangkong.Core.Testing;
using Fangkong.Core.Tests.Documents;
using Fangkong.Domain.People;
using Fangkong.Domain.Text;

namespace Fangkong.Core.Tests.Testing;

/// <summary>
/// Certificates for residents whose names hold rare characters (生僻字) from CJK Extensions B to G: the name prints
/// in embedded, subset fonts, every character with a real glyph, and reads back exactly.
/// </summary>
public class CertificatePdfTests
{
    private static readonly DateTimeOffset PrintedAt = new(2026, 11, 20, 2, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan City = TimeSpan.FromHours(8);

    // Every extension appears in a printed (masked) name: the first and last characters stay visible.
    public static readonly TheoryData<string> Names = new()
    {
        "𠀀明𪜀", // B … C
        "𫝀小𫠠", // D … E
        "𬺰𰀀", // F, G (masked away, but the site below prints it)
        "张明𬌗", // E, the surname search example
        "王小明", // an ordinary name still prints as before
    };

    internal static Certificate For(string name, string site = "𠀀𪜀𫝀𫠠𬌗𬺰𰀀村采样点") => new(
        SampleId: 578_123_456_789_012_345, RoundName: "第3轮全员核酸", MaskedName: Masking.Name(name), MaskedDocument: "220402********1234",
        SampledAtUtc: new DateTime(2026, 11, 20, 1, 42, 0, DateTimeKind.Utc), SiteName: site, TubeBarcode: "TB-000042",
        AtHome: false, Outcome: CertificateOutcome.Negative, Result: "阴性", Proof: "proof-token");

    [Theory]
    [MemberData(nameof(Names))]
    public void A_rare_name_prints_in_embedded_subset_fonts_with_a_glyph_for_every_character(string name)
    {
        var certificate = For(name);
        var pdf = CertificatePdf.Render(certificate, "https://fangkong.example/testing/verify?c=proof-token", PrintedAt, City);

        // Every font is embedded as a subset TrueType font with a ToUnicode map; none is left to the viewer, none is
        // a Type 3 font of drawn outlines.
        var fonts = Poppler.Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f =>
        {
            Assert.True(f.Embedded && f.Subset && f.Unicode, $"font {f.Name} ({f.Type}) is not an embedded subset with ToUnicode");
            Assert.Equal("CID TrueType", f.Type);
        });

        // The text reads back exactly, rare characters included.
        var text = Poppler.Run("pdftotext", pdf, "-layout", "-enc", "UTF-8", "{pdf}", "-");
        Assert.Contains(certificate.MaskedName, text);
        Assert.Contains(certificate.SiteName, text);
        Assert.Contains("核酸检测采样证明", text);
        Assert.Contains("Nucleic-acid test sampling certificate", text);
        // A document in both languages, whatever the reader's: labels and result worded from the catalogue in each.
        Assert.Matches(@"检测结果 Result\s+阴性 negative", text);
        Assert.Contains("扫码核验真伪 · Scan to verify this certificate", text);
        Assert.Contains("220402********1234", text);
        Assert.Contains("TB-000042", text);
        Assert.DoesNotContain("\uFFFD", text);
        Assert.Matches($"(?m)^Title:\\s+核酸采样证明 {System.Text.RegularExpressions.Regex.Escape(certificate.MaskedName)}$", Poppler.Run("pdfinfo", pdf));

        // No glyph is missing: each character of the name and the site maps to a glyph in a font the file embeds,
        // and no missing-glyph box (glyph 0) is drawn.
        using var embedded = new EmbeddedFonts(pdf);
        foreach (var c in TextElements.Split(certificate.MaskedName + certificate.SiteName).Where(c => c != "*"))
            Assert.True(embedded.Covers(c), $"no embedded font has a glyph for {c} (U+{char.ConvertToUtf32(c, 0):X4})");
        var shown = embedded.ShownGlyphs().ToList();
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(0, shown);
    }

    [Fact]
    public void The_file_stays_small_because_fonts_are_cut_to_the_characters_used()
    {
        // The fallback fonts are 22–51 MB each; a certificate that used them whole would be tens of megabytes.
        var pdf = CertificatePdf.Render(For("𠀀明𪜀"), "https://fangkong.example/testing/verify?c=proof-token", PrintedAt, City);
        Assert.InRange(pdf.Length, 1_000, 200_000);
    }
}

using Fangkong.Core.Testing;
using Fangkong.Core.Tests.Documents;
using QRCoder;

namespace Fangkong.Core.Tests.Testing;

/// <summary>The certificate's QR code, rendered by poppler, shows exactly QRCoder's modules for the verify address.</summary>
public class CertificateQrTests
{
    [Fact]
    public void The_rendered_qr_code_has_every_module_of_the_verify_address_and_a_blank_quiet_zone()
    {
        var url = CertificatePdf.VerifyUrl("https://fangkong.example/", "eyJzIjo1NzgxMjM0NTY3ODkwMTIzNDUsInAiOjF9.MEUCIQDx");
        var pdf = CertificatePdf.Render(CertificatePdfTests.For("𠀀明𪜀"), url, new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.Zero), TimeSpan.FromHours(8));
        const int dpi = 288; // 4 pixels a point
        var page = Poppler.RenderGray(pdf, dpi);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var n = data.ModuleMatrix.Count; // QRCoder's matrix includes the four-module quiet zone
        var unit = CertificatePdf.QrSize / n;
        var mismatches = new List<string>();
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                // Sample the centre of each module.
                var x = (int)((CertificatePdf.QrX + (col + 0.5) * unit) * dpi / 72);
                var y = (int)((CertificatePdf.QrY + (row + 0.5) * unit) * dpi / 72);
                var dark = page[y, x] < 128;
                if (dark != data.ModuleMatrix[row][col]) mismatches.Add($"({row},{col})");
            }
        }
        Assert.Empty(mismatches);
        Assert.False(data.ModuleMatrix[0][0] || data.ModuleMatrix[3][3], "the quiet zone is part of the square and blank");
        Assert.True(data.ModuleMatrix[4][4], "the finder pattern starts after the quiet zone");
    }
}

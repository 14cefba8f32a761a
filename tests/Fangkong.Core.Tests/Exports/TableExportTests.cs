using System.IO.Compression;
using System.Text;
using Fangkong.Core.Exports;

namespace Fangkong.Core.Tests.Exports;

public class TableExportTests
{
    private static readonly string[] Header = ["姓名", "备注"];

    [Fact]
    public void Csv_has_a_bom_quotes_fields_and_defuses_formulas()
    {
        var bytes = TableExport.Csv(Header, [["张小明", "=HYPERLINK(\"x\")"], ["李\"华", null]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("\"姓名\",\"备注\"\r\n\"张小明\",\"'=HYPERLINK(\"\"x\"\")\"\r\n\"李\"\"华\",\"\"\r\n", text);
    }

    [Fact]
    public void Xlsx_is_a_workbook_with_the_rows_as_inline_strings_and_numbers()
    {
        var bytes = TableExport.Xlsx("轨迹", Header, [["张小明", 42]]);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.Contains("轨迹", new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd());
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.Contains("<t>张小明</t>", sheet);
        Assert.Contains("<v>42</v>", sheet);
    }
}

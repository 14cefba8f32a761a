using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;
using Fangkong.Core.Exports;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Core.Zones;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Tests.Documents;

public class TableExportTests
{
    private static readonly TableColumn[] Columns = [TableColumn.Identifier("病例编号"), TableColumn.Text("姓名"), TableColumn.Text("备注"), TableColumn.Quantity("已确认密接")];
    private const long CaseId = 457_809_120_462_881_234;

    [Fact]
    public async Task Csv_has_a_bom_quotes_fields_and_defuses_formulas()
    {
        var bytes = await TableExport.CsvAsync(Columns, [[CaseId, "张小明", "=HYPERLINK(\"x\")", 3], [1L, "李\"华", null, null]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("\"病例编号\",\"姓名\",\"备注\",\"已确认密接\"\r\n\"457809120462881234\",\"张小明\",\"'=HYPERLINK(\"\"x\"\")\",\"3\"\r\n\"1\",\"李\"\"华\",\"\",\"\"\r\n", text);
    }

    [Fact]
    public async Task Xlsx_writes_identifiers_as_text_digit_for_digit_and_only_quantities_as_numbers()
    {
        var bytes = await TableExport.XlsxAsync("病例", Columns, [[CaseId, "张小明", "=1+1", 42], [CaseId + 1, "457809120462881235", 36.5m, null]]);
        var (sheetName, rows) = ReadXlsx(bytes);
        Assert.Equal("病例", sheetName);
        Assert.Equal(3, rows.Count);
        Assert.Equal([("s", "病例编号"), ("s", "姓名"), ("s", "备注"), ("s", "已确认密接")], rows[0]);
        // The id is a text cell (a number cell keeps 15 significant digits); a formula-like text stays inert text.
        Assert.Equal([("s", "457809120462881234"), ("s", "张小明"), ("s", "=1+1"), ("n", "42")], rows[1]);
        // Kinds come from the columns, not the values: a number in a text column is text, digits in a text column too.
        Assert.Equal([("s", "457809120462881235"), ("s", "457809120462881235"), ("s", "36.5"), ("", "")], rows[2]);
    }

    [Fact]
    public async Task A_row_that_does_not_fit_the_columns_is_refused()
    {
        await using var w = await TableWriter.CreateAsync("xlsx", new MemoryStream(), "x", Columns);
        await Assert.ThrowsAsync<InvalidOperationException>(() => w.RowAsync([CaseId, "张小明"]).AsTask());
    }

    public static TheoryData<string> Lists() => [.. LineLists.Names];

    /// <summary>
    /// Every line list written with every id and every text an 18-digit value: each one shows in its cell digit for
    /// digit as text, and the only number cells are the list's quantity columns.
    /// </summary>
    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_line_list_writes_its_ids_and_codes_as_text(string list)
    {
        var clock = new CityClock(TimeProvider.System);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var (header, cells) = list switch
        {
            LineLists.Cases => (CaseLines.Header(zh), CaseLines.Cells(Filled<CaseLine>(), zh, clock)),
            LineLists.Contacts => (ContactLines.Header(zh), ContactLines.Cells(Filled<ContactLine>(), zh, clock)),
            LineLists.Quarantined => (QuarantineLines.Header(zh), QuarantineLines.Cells(Filled<QuarantineLine>(), zh, clock)),
            LineLists.Tests => (TestLines.Header(zh), TestLines.Cells(Filled<TestLine>(), zh, clock)),
            // A zone's level and state are worded from the catalogue, so they are given values it has words for.
            LineLists.Zones => (ZoneLines.Header(zh), ZoneLines.Cells(Filled<ZoneLine>() with { Level = ZoneLevel.Sealed, Preset = ZonePreset.ThreeZones, State = ZoneState.Active }, zh, clock)),
            LineLists.Tickets => (global::Fangkong.Core.Requests.TicketLines.Header(zh), global::Fangkong.Core.Requests.TicketLines.Cells(Filled<global::Fangkong.Core.Requests.TicketLine>() with { Source = Fangkong.Domain.Requests.RequestSource.Hotline, Category = Fangkong.Domain.Requests.RequestCategory.Medicine, Urgency = Fangkong.Domain.Requests.RequestUrgency.Normal, Unit = Fangkong.Domain.Requests.TicketUnit.Community, State = Fangkong.Domain.Requests.TicketState.Assigned }, zh, clock)),
            // A returnee's travel, source, measure and state are worded from Returnees' catalogue.
            LineLists.Returnees => (global::Fangkong.Core.Returnees.ReturneeLines.Header(zh), global::Fangkong.Core.Returnees.ReturneeLines.Cells(Filled<global::Fangkong.Core.Returnees.ReturneeLine>() with { Level = ZoneLevel.Controlled, Travel = Fangkong.Domain.Travel.TravelMode.Train, Source = Fangkong.Domain.Travel.ReturneeSource.Phone, Measure = Fangkong.Domain.Travel.TravellerMeasure.HomeObservation, State = Fangkong.Domain.Travel.ReturneeState.UnderMeasure }, zh, clock)),
            // A scan's direction, outcome and method are worded from VenueCodes' catalogue.
            LineLists.VenueScans => (global::Fangkong.Core.VenueCodes.VenueScanLines.Header(zh), global::Fangkong.Core.VenueCodes.VenueScanLines.Cells(Filled<global::Fangkong.Core.VenueCodes.VenueScanLine>() with { Direction = global::Fangkong.Core.Gate.GateDirection.In, Outcome = Fangkong.Domain.Gate.GateOutcome.Admit, Method = global::Fangkong.Core.Gate.EntryMethod.VenueCode, Reasons = "" }, zh, clock)),
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };
        Assert.Equal(header.Count, cells.Count);
        Assert.Contains(header, c => c.Kind == ColumnKind.Identifier);
        var row = ReadXlsx(await TableExport.XlsxAsync("x", header, [cells])).Rows[1];
        var ids = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is long or string && TableWriter.Format(cells[i]) is { Length: 18 } digits && digits.All(char.IsAsciiDigit))
            {
                Assert.Equal(("s", digits), row[i]);
                ids++;
            }
            if (row[i].Type == "n") Assert.Equal(ColumnKind.Quantity, header[i].Kind);
        }
        Assert.True(ids >= 2, $"{list}: {ids} long values written");
    }

    /// <summary>A row with every long and string property set to a distinct 18-digit value, dates and counts plausible.</summary>
    private static T Filled<T>() where T : new()
    {
        object row = new T();
        var n = CaseId;
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            object? value = t == typeof(long) ? n++ : t == typeof(string) ? (n++).ToString(CultureInfo.InvariantCulture)
                : t == typeof(int) ? 3 : t == typeof(DateTime) ? new DateTime(2026, 11, 20, 1, 2, 3, DateTimeKind.Utc)
                : t == typeof(DateOnly) ? new DateOnly(2026, 11, 20) : null;
            if (value is not null) p.SetValue(row, value);
        }
        return (T)row;
    }

    /// <summary>The first sheet's name and its cells as (type, text): "s" a string (shared or inline), "n" a number, "" empty.</summary>
    private static (string Sheet, List<List<(string Type, string Text)>> Rows) ReadXlsx(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var book = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } s
            ? XDocument.Load(s.Open()).Root!.Elements(x + "si").Select(si => string.Concat(si.Descendants(x + "t").Select(t => t.Value))).ToList()
            : [];
        var rows = sheet.Descendants(x + "row").Select(r => r.Elements(x + "c").Select(c => (string?)c.Attribute("t") switch
        {
            "inlineStr" => ("s", string.Concat(c.Descendants(x + "t").Select(t => t.Value))),
            "s" => ("s", shared[int.Parse(c.Element(x + "v")!.Value, CultureInfo.InvariantCulture)]),
            "str" => ("s", c.Element(x + "v")?.Value ?? ""),
            null or "n" when c.Element(x + "v") is { } v => ("n", v.Value),
            null => ("", ""),
            var t => (t, c.Value),
        }).ToList()).ToList();
        return ((string)book.Descendants(x + "sheet").First().Attribute("name")!, rows);
    }
}

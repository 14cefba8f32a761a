using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Fangkong.Core.Exports;

/// <summary>
/// Writes a table row by row to a stream, as CSV or XLSX, so an export of hundreds of thousands of rows never holds
/// the whole sheet in memory. Dispose (or <see cref="Complete"/>) finishes the file.
/// </summary>
public abstract class TableWriter : IDisposable
{
    public static TableWriter Create(string format, Stream output, string sheetName, IReadOnlyList<string> header) => format switch
    {
        "csv" => new CsvTableWriter(output, header),
        "xlsx" => new XlsxTableWriter(output, sheetName, header),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "csv or xlsx"),
    };

    public abstract void Row(IReadOnlyList<object?> cells);

    /// <summary>Finishes the file (closing tags, zip directory) without closing the output stream.</summary>
    public abstract void Complete();

    public void Dispose()
    {
        Complete();
        GC.SuppressFinalize(this);
    }

    internal static string Format(object? c) => c switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => c.ToString() ?? "",
    };
}

/// <summary>CSV in UTF-8 with a BOM, so Excel opens Chinese correctly; every field quoted.</summary>
internal sealed class CsvTableWriter : TableWriter
{
    private readonly StreamWriter _w;
    private bool _done;

    public CsvTableWriter(Stream output, IReadOnlyList<string> header)
    {
        _w = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        Row([.. header]);
    }

    public override void Row(IReadOnlyList<object?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _w.Write(',');
            _w.Write(Quote(Format(cells[i])));
        }
        _w.Write("\r\n");
    }

    public override void Complete()
    {
        if (_done) return;
        _done = true;
        _w.Dispose();
    }

    // Neutralise leading = + - @ so a name cannot become a spreadsheet formula.
    private static string Quote(string s)
    {
        if (s.Length > 0 && "=+-@".Contains(s[0]) && !decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) s = "'" + s;
        return "\"" + s.Replace("\"", "\"\"") + "\"";
    }
}

/// <summary>A minimal XLSX: one sheet of inline strings and numbers, streamed into its zip entry.</summary>
internal sealed class XlsxTableWriter : TableWriter
{
    private readonly ZipArchive _zip;
    private readonly StreamWriter _sheet;
    private bool _done;

    public XlsxTableWriter(Stream output, string sheetName, IReadOnlyList<string> header)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        _sheet = new StreamWriter(_zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16);
        _sheet.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        Row([.. header]);
    }

    public override void Row(IReadOnlyList<object?> cells)
    {
        _sheet.Write("<row>");
        foreach (var cell in cells)
        {
            if (cell is int or long or decimal or double)
            {
                _sheet.Write("<c><v>");
                _sheet.Write(Convert.ToString(cell, CultureInfo.InvariantCulture));
                _sheet.Write("</v></c>");
            }
            else
            {
                _sheet.Write("<c t=\"inlineStr\"><is><t>");
                _sheet.Write(SecurityElement.Escape(Format(cell)));
                _sheet.Write("</t></is></c>");
            }
        }
        _sheet.Write("</row>");
    }

    public override void Complete()
    {
        if (_done) return;
        _done = true;
        _sheet.Write("</sheetData></worksheet>");
        _sheet.Dispose();
        _zip.Dispose();
    }

    private void Add(string name, string content)
    {
        using var w = new StreamWriter(_zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        w.Write(content);
    }
}

using System.IO.Compression;
using System.Text;
using System.Xml;
using Fangkong.Core.Common;

namespace Fangkong.Core.Staff;

/// <summary>A row of a team's file with its line number (the header is line 1).</summary>
public sealed record TeamRow(int Line, NewStaff Staff);

/// <summary>
/// Reads a team's file — CSV (UTF-8) or XLSX, the first sheet — whose header names the columns in Chinese or English:
/// 姓名/name, 手机/phone, 身份证号/ID number, 角色/role, 区域/area. Column order is free; other columns are ignored.
/// </summary>
public static class TeamFile
{
    public const int MaxRows = 20_000;

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["姓名"] = "name",
        ["name"] = "name",
        ["手机"] = "phone",
        ["手机号"] = "phone",
        ["phone"] = "phone",
        ["mobile"] = "phone",
        ["身份证号"] = "idNumber",
        ["身份证号码"] = "idNumber",
        ["id number"] = "idNumber",
        ["idnumber"] = "idNumber",
        ["id"] = "idNumber",
        ["角色"] = "role",
        ["role"] = "role",
        ["roles"] = "role",
        ["区域"] = "area",
        ["area"] = "area",
    };

    private static readonly string[] Required = ["name", "phone", "idNumber", "role"];

    public static IReadOnlyList<TeamRow> Read(Stream file, string fileName)
    {
        IEnumerable<List<string>> lines = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxLines(file) : CsvLines(file);
        var rows = new List<TeamRow>();
        Dictionary<string, int>? columns = null;
        var lineNo = 0;
        foreach (var cells in lines)
        {
            lineNo++;
            if (columns is null)
            {
                columns = new(StringComparer.Ordinal);
                for (var i = 0; i < cells.Count; i++)
                    if (Headers.TryGetValue(cells[i].Trim().TrimStart('\uFEFF'), out var key)) columns.TryAdd(key, i);
                if (Required.FirstOrDefault(r => !columns.ContainsKey(r)) is { } missing)
                    throw new InputException("file", Messages.Get("Staff.Import.MissingColumn", missing));
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= MaxRows) throw new InputException("file", Messages.Get("Staff.Import.TooMany", MaxRows));
            string? Cell(string key) => columns.TryGetValue(key, out var i) && i < cells.Count ? cells[i] : null;
            rows.Add(new TeamRow(lineNo, new NewStaff(Cell("name"), Cell("phone"), Cell("idNumber"), [Cell("role") ?? ""], Cell("area"))));
        }
        if (columns is null) throw new InputException("file", Messages.Get("Staff.Import.Empty"));
        return rows;
    }

    /// <summary>RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; one record is one line number.</summary>
    private static IEnumerable<List<string>> CsvLines(Stream file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                yield return cells;
                cells = [];
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return cells;
        }
    }

    /// <summary>The first sheet's rows, cells by their column letters; shared strings resolved. Blank rows keep their line numbers.</summary>
    private static List<List<string>> XlsxLines(Stream file)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException) { throw new InputException("file", Messages.Get("Staff.Import.Unreadable")); }
        using (zip)
        {
            var shared = new List<string>();
            if (zip.GetEntry("xl/sharedStrings.xml") is { } s)
            {
                var doc = Load(s);
                foreach (XmlElement si in doc.GetElementsByTagName("si")) shared.Add(si.InnerText);
            }
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InputException("file", Messages.Get("Staff.Import.Unreadable"));
            var rows = new List<List<string>>();
            var expected = 1;
            foreach (XmlElement row in Load(sheet).GetElementsByTagName("row"))
            {
                var number = int.TryParse(row.GetAttribute("r"), out var r) ? r : expected;
                while (expected < number) { rows.Add([]); expected++; }
                var cells = new List<string>();
                foreach (XmlElement c in row.GetElementsByTagName("c"))
                {
                    var column = ColumnOf(c.GetAttribute("r"), cells.Count);
                    while (cells.Count < column) cells.Add("");
                    var value = c.GetElementsByTagName("v").Count > 0 ? c.GetElementsByTagName("v")[0]!.InnerText : c.InnerText;
                    cells.Add(c.GetAttribute("t") == "s" && int.TryParse(value, out var k) && k < shared.Count ? shared[k] : value);
                }
                rows.Add(cells);
                expected = number + 1;
            }
            return rows;
        }
    }

    private static int ColumnOf(string reference, int fallback)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetterUpper)) n = n * 26 + (ch - 'A' + 1);
        return n == 0 ? fallback : n - 1;
    }

    private static XmlDocument Load(ZipArchiveEntry entry)
    {
        var doc = new XmlDocument { XmlResolver = null };
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try { doc.Load(reader); }
        catch (XmlException) { throw new InputException("file", Messages.Get("Staff.Import.Unreadable")); }
        return doc;
    }
}

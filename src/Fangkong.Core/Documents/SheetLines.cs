using System.IO.Compression;
using System.Text;
using System.Xml;
using Fangkong.Core.Common;

namespace Fangkong.Core.Documents;

/// <summary>
/// Reads a table file a person uploads — CSV (UTF-8, RFC 4180) or XLSX (the first sheet) — as rows of cells, one row a
/// line number (blank rows kept, so a problem names the line the person sees). A file that is not one is refused as "file".
/// </summary>
public static class SheetLines
{
    /// <summary>
    /// The file's records under its header row: the header's words (any order, either language) mapped to keys by
    /// <paramref name="headers"/>, each later non-blank line a record whose cells are read by key. Refused as "file" with
    /// the caller's words when a required column is missing, when there are more than <paramref name="max"/> records, or none.
    /// </summary>
    public static List<SheetRecord> Records(Stream file, string fileName, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> required, int max,
        Func<string, string> missingColumn, Func<string> tooMany, Func<string> empty)
    {
        var records = new List<SheetRecord>();
        Dictionary<string, int>? columns = null;
        var line = 0;
        foreach (var cells in Read(file, fileName))
        {
            line++;
            if (columns is null)
            {
                columns = new(StringComparer.Ordinal);
                for (var i = 0; i < cells.Count; i++)
                    if (headers.TryGetValue(cells[i].Trim().TrimStart('\uFEFF'), out var key)) columns.TryAdd(key, i);
                if (required.FirstOrDefault(r => !columns.ContainsKey(r)) is { } missing) throw new InputException("file", missingColumn(missing));
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (records.Count >= max) throw new InputException("file", tooMany());
            var map = columns;
            var row = cells;
            records.Add(new SheetRecord(line, key => map.TryGetValue(key, out var i) && i < row.Count ? row[i] : null));
        }
        if (columns is null || records.Count == 0) throw new InputException("file", empty());
        return records;
    }

    public static IEnumerable<List<string>> Read(Stream file, string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxLines(file) : CsvLines(file);

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
        catch (InvalidDataException) { throw new InputException("file", Messages.Get("Documents.Sheet.Unreadable")); }
        using (zip)
        {
            var shared = new List<string>();
            if (zip.GetEntry("xl/sharedStrings.xml") is { } s)
            {
                var doc = Load(s);
                foreach (XmlElement si in doc.GetElementsByTagName("si")) shared.Add(si.InnerText);
            }
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InputException("file", Messages.Get("Documents.Sheet.Unreadable"));
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
        catch (XmlException) { throw new InputException("file", Messages.Get("Documents.Sheet.Unreadable")); }
        return doc;
    }
}

/// <summary>One record of an uploaded table: its line number as the person sees it, and its cells by column key.</summary>
public sealed record SheetRecord(int Line, Func<string, string?> Cell);

using System.Globalization;
using System.Text;

namespace Fangkong.Core.Documents;

/// <summary>
/// CSV in UTF-8 with a BOM, so Excel opens Chinese correctly; every field quoted. CSV has no cell types: identifiers
/// are written digit for digit, and a program that guesses types on opening may still round them (XLSX does not).
/// </summary>
internal sealed class CsvTableWriter : TableWriter
{
    private readonly StreamWriter _w;
    private bool _done;

    public CsvTableWriter(Stream output, IReadOnlyList<TableColumn> columns) : base(columns)
    {
        _w = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        Write([.. columns.Select(c => c.Title)]);
    }

    // Written into the writer's buffer synchronously: the output is a file or a memory stream, never a response.
    public override ValueTask RowAsync(IReadOnlyList<object?> cells, CancellationToken ct = default)
    {
        CheckWidth(cells);
        Write(cells);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask CompleteAsync(CancellationToken ct = default)
    {
        if (_done) return;
        _done = true;
        await _w.FlushAsync(ct);
    }

    public override ValueTask DisposeAsync() => _w.DisposeAsync();

    private void Write(IReadOnlyList<object?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _w.Write(',');
            _w.Write(Quote(Format(cells[i])));
        }
        _w.Write("\r\n");
    }

    // Neutralise leading = + - @ so a name cannot become a spreadsheet formula when the file is opened.
    private static string Quote(string s)
    {
        if (s.Length > 0 && "=+-@".Contains(s[0]) && !decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) s = "'" + s;
        return "\"" + s.Replace("\"", "\"\"") + "\"";
    }
}

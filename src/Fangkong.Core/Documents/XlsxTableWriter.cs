using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace Fangkong.Core.Documents;

/// <summary>
/// One sheet written by SpreadCheetah (ADR 0017): rows stream through a small buffer into the zip entry, so a sheet
/// of any length costs the same memory. Text cells are inline strings, which a spreadsheet never evaluates as a
/// formula, so unlike the CSV they are written exactly as they are.
/// </summary>
internal sealed class XlsxTableWriter : TableWriter
{
    private readonly Spreadsheet _book;
    private readonly DataCell[] _row;
    private bool _done;

    private XlsxTableWriter(Spreadsheet book, IReadOnlyList<TableColumn> columns) : base(columns)
    {
        _book = book;
        _row = new DataCell[columns.Count];
    }

    public static async Task<XlsxTableWriter> CreateAsync(Stream output, string sheetName, IReadOnlyList<TableColumn> columns, CancellationToken ct)
    {
        var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Fastest }, ct);
        try
        {
            // The header stays in view while scrolling a long list.
            await book.StartWorksheetAsync(sheetName, new WorksheetOptions { FrozenRows = 1 }, ct);
            await book.AddHeaderRowAsync([.. columns.Select(c => c.Title)], null, ct);
            return new XlsxTableWriter(book, columns);
        }
        catch
        {
            await book.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask RowAsync(IReadOnlyList<object?> cells, CancellationToken ct = default)
    {
        CheckWidth(cells);
        for (var i = 0; i < cells.Count; i++) _row[i] = Cell(cells[i], Columns[i].Kind);
        await _book.AddRowAsync(_row.AsMemory(), ct);
    }

    public override async ValueTask CompleteAsync(CancellationToken ct = default)
    {
        if (_done) return;
        _done = true;
        await _book.FinishAsync(ct);
    }

    public override ValueTask DisposeAsync() => _book.DisposeAsync();

    // Only a quantity column writes numbers; everything else, identifiers above all, is text whatever its type.
    private static DataCell Cell(object? value, ColumnKind kind) => (value, kind) switch
    {
        (null, _) => new DataCell((string?)null),
        (int n, ColumnKind.Quantity) => new DataCell(n),
        (long n, ColumnKind.Quantity) => new DataCell(n),
        (decimal n, ColumnKind.Quantity) => new DataCell(n),
        (double n, ColumnKind.Quantity) => new DataCell(n),
        (float n, ColumnKind.Quantity) => new DataCell(n),
        _ => new DataCell(Format(value)),
    };
}

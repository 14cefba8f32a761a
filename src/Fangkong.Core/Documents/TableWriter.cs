using System.Globalization;

namespace Fangkong.Core.Documents;

/// <summary>
/// Writes a table row by row to a stream, as CSV or XLSX, so an export of hundreds of thousands of rows never holds
/// the whole sheet in memory. Each cell is written as its column's <see cref="ColumnKind"/> says: identifiers always
/// as text, only quantities as numbers. <see cref="CompleteAsync"/> finishes the file; disposing without it leaves an
/// unfinished file (an export that failed half-way is thrown away).
/// </summary>
public abstract class TableWriter(IReadOnlyList<TableColumn> columns) : IAsyncDisposable
{
    public static async Task<TableWriter> CreateAsync(string format, Stream output, string sheetName, IReadOnlyList<TableColumn> columns, CancellationToken ct = default) => format switch
    {
        "csv" => new CsvTableWriter(output, columns),
        "xlsx" => await XlsxTableWriter.CreateAsync(output, sheetName, columns, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "csv or xlsx"),
    };

    protected IReadOnlyList<TableColumn> Columns { get; } = columns;

    /// <summary>One row, one cell per column.</summary>
    public abstract ValueTask RowAsync(IReadOnlyList<object?> cells, CancellationToken ct = default);

    /// <summary>Finishes the file (the zip's directory, buffered text) without closing the output stream.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken ct = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>A row whose cells do not match the columns would put values under the wrong titles (and kinds).</summary>
    protected void CheckWidth(IReadOnlyList<object?> cells)
    {
        if (cells.Count != Columns.Count)
            throw new InvalidOperationException($"a row of {cells.Count} cells under {Columns.Count} columns");
    }

    /// <summary>
    /// A cell as text: dates in ISO order, numbers without grouping, yes/no in the current UI culture (the request's, or
    /// the export job's while it runs); a line list words its yes/no cells itself (<see cref="LineLabels"/>).
    /// </summary>
    internal static string Format(object? c) => c switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => LineLabels.Of(b, CultureInfo.CurrentUICulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => c.ToString() ?? "",
    };
}

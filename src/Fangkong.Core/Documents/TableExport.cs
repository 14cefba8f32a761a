namespace Fangkong.Core.Documents;

/// <summary>A small table as a CSV or XLSX file in memory; large exports stream through <see cref="TableWriter"/> into a file instead.</summary>
public static class TableExport
{
    public static Task<byte[]> CsvAsync(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default) =>
        WriteAsync("csv", "", columns, rows, ct);

    public static Task<byte[]> XlsxAsync(string sheetName, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default) =>
        WriteAsync("xlsx", sheetName, columns, rows, ct);

    private static async Task<byte[]> WriteAsync(string format, string sheetName, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await using (var w = await TableWriter.CreateAsync(format, ms, sheetName, columns, ct))
        {
            foreach (var row in rows) await w.RowAsync(row, ct);
            await w.CompleteAsync(ct);
        }
        return ms.ToArray();
    }
}

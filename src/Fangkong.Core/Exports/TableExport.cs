namespace Fangkong.Core.Exports;

/// <summary>A small table as a CSV or XLSX file in memory; large exports stream through <see cref="TableWriter"/> instead.</summary>
public static class TableExport
{
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) => Write("csv", "", header, rows);

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) => Write("xlsx", sheetName, header, rows);

    private static byte[] Write(string format, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var ms = new MemoryStream();
        using (var w = TableWriter.Create(format, ms, sheetName, header))
            foreach (var row in rows) w.Row(row);
        return ms.ToArray();
    }
}

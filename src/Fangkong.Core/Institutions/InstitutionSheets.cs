using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;

namespace Fangkong.Core.Institutions;

/// <summary>A row of an imported list that cannot be taken: its line (as the person sees it), the field and why.</summary>
public sealed record ImportProblem(int Line, string Field, string Message);

/// <summary>What an import did: every row written or already there, or the problems and nothing written.</summary>
public sealed record ImportReport(int Rows, int Created, int AlreadyThere, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// The rows of an uploaded CSV or XLSX list (Core/Documents' sheet reading) by their header words, Chinese or English in
/// any order, each row with its line number; a missing required column or an empty file is refused as "file".
/// </summary>
internal static class InstitutionSheets
{
    public const int MaxRows = 20_000;

    public sealed record Row(int Line, Func<string, string?> Cell);

    public static List<Row> Read(Stream file, string fileName, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> required)
    {
        var rows = new List<Row>();
        Dictionary<string, int>? columns = null;
        var line = 0;
        foreach (var cells in SheetLines.Read(file, fileName))
        {
            line++;
            if (columns is null)
            {
                columns = new(StringComparer.Ordinal);
                for (var i = 0; i < cells.Count; i++)
                    if (headers.TryGetValue(cells[i].Trim().TrimStart('\uFEFF'), out var key)) columns.TryAdd(key, i);
                if (required.FirstOrDefault(r => !columns.ContainsKey(r)) is { } missing)
                    throw new InputException("file", Messages.Get("Institutions.Import.MissingColumn", missing));
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= MaxRows) throw new InputException("file", Messages.Get("Institutions.Import.TooMany", MaxRows));
            var map = columns;
            var row = cells;
            rows.Add(new Row(line, key => map.TryGetValue(key, out var i) && i < row.Count ? row[i] : null));
        }
        if (columns is null || rows.Count == 0) throw new InputException("file", Messages.Get("Institutions.Import.Empty"));
        return rows;
    }

    /// <summary>A whole number cell (blank: null); anything else is refused with the field named.</summary>
    public static int? Number(string? cell, string field)
    {
        var t = cell?.Trim() ?? "";
        if (t.Length == 0) return null;
        return int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new InputException(field, Messages.Get("Institutions.Import.Number"));
    }

    /// <summary>An enum by its name or its Chinese or English word.</summary>
    public static TEnum? Word<TEnum>(string? text, Func<TEnum, CultureInfo, string> word) where TEnum : struct, Enum
    {
        var t = text?.Trim() ?? "";
        foreach (var v in Enum.GetValues<TEnum>())
            if (t.Equals(v.ToString(), StringComparison.OrdinalIgnoreCase) || t == word(v, CultureInfo.GetCultureInfo("zh-CN"))
                || t.Equals(word(v, CultureInfo.GetCultureInfo("en")), StringComparison.OrdinalIgnoreCase))
                return v;
        return null;
    }
}

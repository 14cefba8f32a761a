using Fangkong.Core.Common;
using Fangkong.Core.Documents;

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
        IEnumerable<List<string>> lines = SheetLines.Read(file, fileName);
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
}

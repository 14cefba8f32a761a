using Fangkong.Core.Common;
using Fangkong.Domain.People;

namespace Fangkong.Core.Appeals;

/// <summary>
/// Reads an employer's staff list — pasted, or a CSV file's text — one person a line, the ID number as the first field
/// that is not a header; every bad line is reported with its number, and nothing is written while any line is bad.
/// </summary>
public static class BulkLines
{
    public static List<(int Line, string IdNumber)> Parse(string? text, int maxLines, DateOnly today)
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        var found = new List<(int, string)>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0) continue;
            var field = line.Split(',', '\t', '，', ';')[0].Trim().Trim('"').Trim();
            // A header line (身份证号, id_number…) names the column rather than a person.
            if (found.Count == 0 && errors.Count == 0 && !field.Any(char.IsAsciiDigit)) continue;
            var check = ResidentIdNumber.Validate(field, today);
            if (!check.IsValid) errors.Add(Messages.Get("Appeals.Bulk.LineError", i + 1, Messages.Get(check.Error!)));
            else if (!seen.Add(check.Id!.Value.Value)) errors.Add(Messages.Get("Appeals.Bulk.LineError", i + 1, Messages.Get("Appeals.Bulk.Duplicate")));
            else found.Add((i + 1, check.Id.Value.Value));
        }
        if (errors.Count > 0) throw new InputException("text", string.Join(" ", errors.Take(20)) + (errors.Count > 20 ? " " + Messages.Get("Appeals.Bulk.MoreErrors", errors.Count - 20) : ""));
        if (found.Count == 0) throw new InputException("text", Messages.Get("Appeals.Bulk.Empty"));
        if (found.Count > maxLines) throw new InputException("text", Messages.Get("Appeals.Bulk.TooMany", maxLines));
        return found;
    }
}

using System.Globalization;
using Fangkong.Core.Hospitals;

namespace Fangkong.Web.Components.Pages.Hospitals;

/// <summary>
/// Reads the wards an administrator types, one a line: a name and its number of beds ("感染一病区 40"). A line that does
/// not read is named by its number, so the officer sees which line to fix.
/// </summary>
public static class WardLines
{
    public sealed record Parsed(IReadOnlyList<WardInput> Wards, int? BadLine);

    public static Parsed Parse(string? text)
    {
        var wards = new List<WardInput>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var space = line.LastIndexOfAny([' ', '\t', '　']);
            if (space <= 0 || !int.TryParse(line[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var beds)) return new Parsed(wards, i + 1);
            wards.Add(new WardInput(line[..space].Trim(), beds));
        }
        return new Parsed(wards, null);
    }
}

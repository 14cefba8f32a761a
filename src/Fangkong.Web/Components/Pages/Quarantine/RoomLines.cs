using Fangkong.Core.Quarantine;

namespace Fangkong.Web.Components.Pages.Quarantine;

/// <summary>
/// The add-site form takes the rooms as text, one room or run of rooms per line with its beds ("101-130 1", "301 3"),
/// so an officer enters a hotel floor by floor. Each room remembers its line, so an error the Core reports for
/// rooms[i] points at the line the officer typed.
/// </summary>
public sealed record RoomLines(IReadOnlyList<RoomInput> Rooms, IReadOnlyList<int> LineOf, int? BadLine)
{
    // Browsers post a textarea's lines with CRLF.
    private static readonly char[] Separators = [' ', '\t', '\r', ',', '，', ':', '：'];

    public static RoomLines Parse(string? text)
    {
        var rooms = new List<RoomInput>();
        var lineOf = new List<int>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            int? beds = 1; // a line without beds is a run of single rooms, the usual case
            if (parts.Length == 2) beds = int.TryParse(parts[1], out var b) ? b : null;
            if (parts.Length > 2 || beds is null) return new(rooms, lineOf, i + 1);
            if (Expand(parts[0]) is not { } numbers) return new(rooms, lineOf, i + 1);
            foreach (var number in numbers)
            {
                // Past the limit the Core refuses the site anyway; stop expanding a mistyped "1-99999999" here.
                if (rooms.Count > QuarantineSites.MaxRooms) break;
                rooms.Add(new RoomInput(number, beds));
                lineOf.Add(i + 1);
            }
        }
        return new(rooms, lineOf, null);
    }

    /// <summary>
    /// "101-105" is 101 to 105 (zero padding kept); a backwards run ("130-101") is a typo, not a room: null.
    /// Anything else, "A-12" included, is one room number.
    /// </summary>
    private static IEnumerable<string>? Expand(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        var (first, last) = dash > 0 ? (token[..dash], token[(dash + 1)..]) : ("", "");
        if (first.Length == 0 || last.Length == 0 || !first.All(char.IsAsciiDigit) || !last.All(char.IsAsciiDigit)) return [token];
        if (!int.TryParse(first, out var from) || !int.TryParse(last, out var to) || to < from) return null;
        return Run(from, to, first.Length);
    }

    private static IEnumerable<string> Run(int from, int to, int width)
    {
        for (var n = from; n <= to && n - from <= QuarantineSites.MaxRooms; n++)
            yield return n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
    }
}

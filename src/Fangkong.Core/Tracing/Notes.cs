using Fangkong.Core.Common;
using Fangkong.Domain.Text;

namespace Fangkong.Core.Tracing;

/// <summary>A record's note as its reader sees it: what a person wrote, then the platform's notes in the reader's language, one a line.</summary>
public static class Notes
{
    public static string? Word(string? typed, IReadOnlyList<Message>? platform)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(typed)) lines.Add(typed);
        lines.AddRange((platform ?? []).Select(Messages.Get));
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}

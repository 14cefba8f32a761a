namespace Fangkong.Core.Tests.Architecture;

/// <summary>
/// The allowed dependencies between Core's feature folders, read from the one place they are written: the table in
/// docs/decisions/*-feature-dependencies.md (a row "| folder | may use |", names separated by commas, "*" for all).
/// </summary>
public sealed class DependencyTable
{
    public const string Everything = "*";
    private readonly Dictionary<string, HashSet<string>> _rows;

    public DependencyTable(Dictionary<string, HashSet<string>> rows) => _rows = rows;

    public IReadOnlyCollection<string> Folders => _rows.Keys;

    public IReadOnlySet<string> Uses(string folder) => _rows.TryGetValue(folder, out var r) ? r : new HashSet<string>();

    public bool Allows(string from, string to) =>
        _rows.TryGetValue(from, out var allowed) && (allowed.Contains(to) || allowed.Contains(Everything));

    /// <summary>The same table without one edge, to show the guard catches a dependency the table lacks.</summary>
    public DependencyTable Without(string from, string to) =>
        new(_rows.ToDictionary(r => r.Key, r => r.Key == from ? r.Value.Where(v => v != to).ToHashSet() : r.Value));

    public static DependencyTable FromAdr() => Parse(File.ReadAllLines(AdrPath()));

    public static string AdrPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var decisions = Path.Combine(dir.FullName, "docs", "decisions");
            if (Directory.Exists(decisions))
                return Directory.GetFiles(decisions, "*-feature-dependencies.md").Single();
        }
        throw new InvalidOperationException("docs/decisions not found above " + AppContext.BaseDirectory);
    }

    public static DependencyTable Parse(IEnumerable<string> lines)
    {
        var rows = new Dictionary<string, HashSet<string>>();
        var inTable = false;
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (!line.StartsWith('|')) { if (inTable) break; continue; }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells is ["folder", "may use"]) { inTable = true; continue; }
            if (!inTable || cells.Length != 2 || cells[0].StartsWith("---", StringComparison.Ordinal)) continue;
            rows[cells[0]] = cells[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        }
        if (rows.Count == 0) throw new InvalidOperationException("no '| folder | may use |' table found");
        return new DependencyTable(rows);
    }
}

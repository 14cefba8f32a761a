using System.Globalization;

namespace Fangkong.Domain.Command;

/// <summary>
/// The bulletin in English, sentence for sentence with <see cref="BulletinChinese"/> in the same style: the same clauses
/// kept or left out, the same paragraphs, places in the same order.
/// </summary>
public static class BulletinEnglish
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Title(BulletinFigures f, BulletinStyle style) => style == BulletinStyle.City
        ? $"COVID-19 bulletin of {f.AreaEnglishName}, published {Date(f.Day.AddDays(1))}"
        : $"COVID-19 situation in {f.AreaEnglishName}, {Date(f.Day)}";

    public static string Text(BulletinFigures f, BulletinStyle style, string zones = "") => style == BulletinStyle.City
        ? BulletinCityEnglish.Text(f, zones)
        : BulletinProvinceEnglish.Text(f, zones);

    internal static string Types(ClinicalTypes t)
    {
        var parts = new List<(string Name, int Count)> { ("mild", t.Mild), ("common", t.Common), ("severe", t.Severe), ("critical", t.Critical) }.Where(p => p.Count > 0).ToList();
        return parts.Count == 1 ? $"all {parts[0].Name}" : string.Join(", ", parts.Select(p => $"{p.Count} {p.Name}"));
    }

    /// <summary>", all in X" for one place, ": 1 in X, 2 in Y" for several; nothing in a district's own bulletin.</summary>
    internal static string Places(BulletinFigures f, IReadOnlyList<PlaceCount> places, int total)
    {
        if (f.Level == BulletinLevel.District || places.Count == 0) return "";
        if (places.Count == 1 && places[0].Count == total) return $", all in {places[0].EnglishName}";
        return ": " + List(places);
    }

    internal static string List(IReadOnlyList<PlaceCount> places) =>
        string.Join(", ", BulletinOrder.Listed(places).Select(p => $"{Number(p.Count)} in {p.EnglishName}"));

    internal static string Paragraph(string lead, IReadOnlyList<string> sentences) =>
        sentences.Count == 0 ? "" : lead + string.Join(' ', sentences);

    internal static string Join(params string[] paragraphs) => string.Join('\n', paragraphs.Where(p => p.Length > 0));

    internal static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{Number(n)} {noun}s";

    internal static string Number(int n) => n.ToString("N0", En);

    internal static string Was(int n) => n == 1 ? "was" : "were";

    internal static string Date(DateOnly d) => d.ToString("d MMMM yyyy", En);
}

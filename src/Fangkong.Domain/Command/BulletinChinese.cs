using System.Globalization;

namespace Fangkong.Domain.Command;

/// <summary>
/// The bulletin in Chinese, in the style chosen for it (<see cref="BulletinProvinceChinese"/>, <see cref="BulletinCityChinese"/>),
/// and the wording both styles share: clinical types, places in the office's order ("均在X" for one place), dates.
/// Paragraphs are separated by a line break; every sentence ends with a full stop.
/// </summary>
public static class BulletinChinese
{
    public static string Title(BulletinFigures f, BulletinStyle style) => style == BulletinStyle.City
        ? $"{f.AreaName}新冠肺炎疫情通报（{LongDate(f.Day.AddDays(1))}公布）"
        : $"{f.AreaName}新冠肺炎疫情情况通报（{Date(f.Day)}）";

    /// <summary>The text; <paramref name="zones"/>, the day's zone sentence if any, is its own paragraph after the figures.</summary>
    public static string Text(BulletinFigures f, BulletinStyle style, string zones = "") => style == BulletinStyle.City
        ? BulletinCityChinese.Text(f, zones)
        : BulletinProvinceChinese.Text(f, zones);

    internal static string Types(ClinicalTypes t)
    {
        var parts = new List<(string Name, int Count)> { ("轻型", t.Mild), ("普通型", t.Common), ("重型", t.Severe), ("危重型", t.Critical) }.Where(p => p.Count > 0).ToList();
        return parts.Count == 1 ? $"均为{parts[0].Name}" : string.Join('、', parts.Select(p => $"{p.Name}{p.Count}例"));
    }

    /// <summary>"，均在X" for one place, "，其中X1例、Y2例" for several; nothing in a district's own bulletin.</summary>
    internal static string Places(BulletinFigures f, IReadOnlyList<PlaceCount> places, int total)
    {
        if (f.Level == BulletinLevel.District || places.Count == 0) return "";
        if (places.Count == 1 && places[0].Count == total) return $"，均在{places[0].Name}";
        return "，其中" + List(places);
    }

    internal static string List(IReadOnlyList<PlaceCount> places) =>
        string.Join('、', BulletinOrder.Listed(places).Select(p => $"{p.Name}{p.Count}例"));

    /// <summary>Sentences as one paragraph, the first led by <paramref name="lead"/>; empty when there are none.</summary>
    internal static string Paragraph(string lead, IReadOnlyList<string> sentences) =>
        sentences.Count == 0 ? "" : lead + string.Concat(sentences);

    internal static string Join(params string[] paragraphs) => string.Join('\n', paragraphs.Where(p => p.Length > 0));

    internal static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Month}月{d.Day}日");

    internal static string LongDate(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
}

/// <summary>Places in a bulletin in the office's own order (<see cref="PlaceCount.Order"/>), then by name; empty ones left out.</summary>
internal static class BulletinOrder
{
    public static IEnumerable<PlaceCount> Listed(IEnumerable<PlaceCount> places) =>
        places.Where(p => p.Count > 0).OrderBy(p => p.Order).ThenBy(p => p.Name, Text.CodePointOrder.Instance);
}

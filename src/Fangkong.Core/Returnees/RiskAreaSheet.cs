using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;

namespace Fangkong.Core.Returnees;

/// <summary>
/// Reads a published list of risk areas (CSV or XLSX, read by Documents' <see cref="SheetLines"/>): header in Chinese or
/// English, any order — 省/province, 市/city, 县区/county, 风险区/area, 风险等级/level (高/中/低 or high/medium/low),
/// 起始日期/from, 截止日期/to, 县区有疫情/outbreak (是/否). A cell that cannot be read is named with its line.
/// </summary>
internal static class RiskAreaSheet
{
    public sealed record Row(int Line, RiskAreaDraft Draft);

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["省"] = "province",
        ["省份"] = "province",
        ["province"] = "province",
        ["市"] = "city",
        ["城市"] = "city",
        ["city"] = "city",
        ["县区"] = "county",
        ["县"] = "county",
        ["区县"] = "county",
        ["county"] = "county",
        ["风险区"] = "name",
        ["地区"] = "name",
        ["区域"] = "name",
        ["area"] = "name",
        ["name"] = "name",
        ["风险等级"] = "level",
        ["等级"] = "level",
        ["level"] = "level",
        ["起始日期"] = "from",
        ["开始日期"] = "from",
        ["from"] = "from",
        ["截止日期"] = "to",
        ["结束日期"] = "to",
        ["to"] = "to",
        ["县区有疫情"] = "outbreak",
        ["有疫情"] = "outbreak",
        ["outbreak"] = "outbreak",
    };

    private static readonly string[] Required = ["province", "city", "county", "level", "from"];

    public static List<Row> Rows(Stream file, string fileName, int max) =>
        [.. SheetLines.Records(file, fileName, Headers, Required, max, missing => Messages.Get("Returnees.Import.MissingColumn", missing),
            () => Messages.Get("Returnees.Import.TooMany", max), () => Messages.Get("Returnees.Import.Empty")).Select(r =>
        {
            // A bad level or date becomes a draft the checker refuses naming the field (an unreadable date as the first day
            // there is, which no check lets through): the report keeps its line.
            DateOnly? Day(string key) => Date(r.Cell(key)) ?? (string.IsNullOrWhiteSpace(r.Cell(key)) ? null : DateOnly.MinValue);
            return new Row(r.Line, new RiskAreaDraft(r.Cell("province"), r.Cell("city"), r.Cell("county"), r.Cell("name"), Level(r.Cell("level")), Day("from"), Day("to"), YesNo(r.Cell("outbreak"))));
        })];

    private static RiskLevel? Level(string? text)
    {
        var t = text?.Trim() ?? "";
        foreach (var v in Enum.GetValues<RiskLevel>())
            if (t.Equals(v.ToString(), StringComparison.OrdinalIgnoreCase) || t == RiskAreas.Word(v, CultureInfo.GetCultureInfo("zh-CN"))
                || t == RiskAreas.Word(v, CultureInfo.GetCultureInfo("zh-CN")).TrimEnd('区')
                || t.Equals(RiskAreas.Word(v, CultureInfo.GetCultureInfo("en")), StringComparison.OrdinalIgnoreCase))
                return v;
        return t.Length switch { _ when t.StartsWith('高') => RiskLevel.High, _ when t.StartsWith('中') => RiskLevel.Medium, _ when t.StartsWith('低') => RiskLevel.Low, _ => null };
    }

    private static DateOnly? Date(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"];
        if (DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // An XLSX date cell arrives as its serial number.
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }

    private static bool? YesNo(string? text) => (text?.Trim().ToLowerInvariant() ?? "") switch
    {
        "" => null,
        "是" or "有" or "yes" or "y" or "true" or "1" => true,
        _ => false,
    };
}

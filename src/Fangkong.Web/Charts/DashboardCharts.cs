using System.Globalization;
using Fangkong.Core.Command;
using Fangkong.Domain.Command;

namespace Fangkong.Web.Charts;

/// <summary>The dashboard's charts from a snapshot, in Chinese or English, with click-through links on the page.</summary>
public static class DashboardCharts
{
    public static readonly IReadOnlyList<string> Names = ["trend", "curve-onset", "curve-report", "isolation"];

    // Colour-blind-safe first (Okabe–Ito), then muted extras for many districts.
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#7F3C8D", "#11A579", "#3969AC", "#E73F74"];

    public static string? Render(string name, DashboardSnapshot s, bool english, bool links) => name switch
    {
        "trend" => Trend(s, english, links),
        "curve-onset" => Curve(s, CurveDate.Onset, english, links),
        "curve-report" => Curve(s, CurveDate.Report, english, links),
        "isolation" => Isolation(s, english, links),
        _ => null,
    };

    private static string Trend(DashboardSnapshot s, bool english, bool links)
    {
        ChartSeries[] series = [new(english ? "Confirmed" : "确诊病例", Palette[5]), new(english ? "Asymptomatic" : "无症状感染者", Palette[1])];
        var bars = s.Trend.Select(t =>
        {
            var d = Day(t.Day);
            return new ChartBar(Label(t.Day), [t.NewConfirmed, t.NewAsymptomatic],
                [Href("/tracing/cases", ("confirmedFrom", d), ("confirmedTo", d)), Href("/tracing/cases", ("from", d), ("to", d), ("reportedAsymptomatic", "true"))]);
        }).ToList();
        return StackedBarChart.Render(english ? "New infections by day (bulletin figures)" : "每日新增感染者（通报口径）", series, bars, links, "chart-trend");
    }

    private static string Curve(DashboardSnapshot s, CurveDate by, bool english, bool links)
    {
        var bars = by == CurveDate.Onset ? s.CurveByOnset : s.CurveByReport;
        var places = bars.SelectMany(b => b.ByPlace.Keys).Distinct()
            .OrderByDescending(p => bars.Sum(b => b.ByPlace.GetValueOrDefault(p))).ThenBy(p => p, Domain.Text.CodePointOrder.Instance).ToList();
        var series = places.Select((p, i) => new ChartSeries(s.PlaceName(p, english), Palette[i % Palette.Length])).ToList();
        var chart = bars.Select(b =>
        {
            var d = Day(b.Day);
            var dates = by == CurveDate.Onset ? new[] { ("onsetFrom", d), ("onsetTo", d) } : [("from", d), ("to", d)];
            return new ChartBar(Label(b.Day), places.Select(p => b.ByPlace.GetValueOrDefault(p)).ToList(),
                places.Select(p => s.Level == BulletinLevel.City && p.Length == 6 ? Href("/tracing/cases", [.. dates, ("kind", "Infection"), ("district", p)]) : null).ToList());
        }).ToList();
        var title = (by, english) switch
        {
            (CurveDate.Onset, false) => "流行曲线（按发病日期）",
            (CurveDate.Onset, true) => "Epidemic curve by onset date",
            (_, false) => "流行曲线（按报告日期）",
            _ => "Epidemic curve by report date",
        };
        return StackedBarChart.Render(title, series, chart, links, by == CurveDate.Onset ? "chart-curve-onset" : "chart-curve-report");
    }

    private static string Isolation(DashboardSnapshot s, bool english, bool links)
    {
        ChartSeries[] series = [new(english ? "Isolated" : "在隔离", Palette[0]), new(english ? "Free beds" : "空余床位", "#cfd8dc")];
        var bars = s.Sites.Select(site => new ChartBar(Short(site.Name), [site.Persons, Math.Max(0, site.Beds - site.Persons)],
            [Href("/tracing/quarantined", ("state", "InQuarantine"), ("siteId", site.Id.ToString(CultureInfo.InvariantCulture))), null])).ToList();
        return StackedBarChart.Render(english ? "Isolation sites: occupancy against beds" : "集中隔离点：在隔离人数与床位", series, bars, links, "chart-isolation");
    }

    private static string Short(string name) => Domain.Text.TextElements.Shorten(name, 8);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Label(DateOnly d) => d.ToString("MM-dd", CultureInfo.InvariantCulture);

    private static string Href(string path, params (string Key, string Value)[] q) =>
        path + "?" + string.Join('&', q.Select(x => $"{x.Key}={Uri.EscapeDataString(x.Value)}"));
}

using System.Globalization;
using System.Net;
using System.Text;

namespace Fangkong.Web.Charts;

public sealed record ChartSeries(string Name, string Colour);

/// <summary>One bar: its label and a value per series; a link per series segment when the chart is shown on a page.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<int> Values, IReadOnlyList<string?>? Links = null);

/// <summary>
/// A stacked bar chart written as SVG: the same markup is inlined in the page (segments link to their line lists) and
/// downloaded as an image (no links), so what is saved is what was seen.
/// </summary>
public static class StackedBarChart
{
    private const int Width = 760, PlotHeight = 206, Left = 44, Right = 12, Bottom = 34, LegendRow = 16;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(string title, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartBar> bars, bool links, string testId)
    {
        var axis = NiceTicks.For(bars.Count == 0 ? 0 : bars.Max(b => b.Values.Sum()));
        var max = axis.Max;
        var plotW = Width - Left - Right;
        var legend = LegendRows(series);
        // The legend's rows under the title, as many as its names need: the plot starts below them.
        var top = 30 + LegendRow * legend.Count + 4;
        var plotH = PlotHeight;
        var height = top + plotH + Bottom;
        var slot = bars.Count == 0 ? plotW : (double)plotW / bars.Count;
        var barW = Math.Max(1, slot * 0.75);
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" ");
        sb.Append(Inv, $"aria-label=\"{Esc(title)}\" data-testid=\"{Esc(testId)}\" font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\" font-size=\"11\">");
        sb.Append(Inv, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#fff\"/>");
        sb.Append(Inv, $"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Esc(title)}</text>");
        foreach (var (row, r) in legend.Select((row, r) => (row, r)))
            foreach (var (x, s) in row)
            {
                var y = 30 + LegendRow * r;
                sb.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{series[s].Colour}\"/>");
                sb.Append(Inv, $"<text x=\"{x + 13:0.#}\" y=\"{y + 9}\" data-legend=\"{s}\">{Esc(series[s].Name)}</text>");
            }
        foreach (var v in axis.Ticks())
        {
            var y = top + plotH - plotH * v / (double)max;
            sb.Append(Inv, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>");
            sb.Append(Inv, $"<text x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#555\">{v}</text>");
        }
        var every = Math.Max(1, (int)Math.Ceiling(bars.Count / 12.0));
        for (var b = 0; b < bars.Count; b++)
        {
            var bar = bars[b];
            var x = Left + b * slot + (slot - barW) / 2;
            double y = top + plotH;
            for (var s = 0; s < series.Count && s < bar.Values.Count; s++)
            {
                var v = bar.Values[s];
                if (v <= 0) continue;
                var h = max == 0 ? 0 : plotH * v / (double)max;
                y -= h;
                var rect = string.Create(Inv, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{barW:0.##}\" height=\"{h:0.##}\" fill=\"{series[s].Colour}\" data-series=\"{s}\" data-value=\"{v}\"><title>{Esc(bar.Label)} {Esc(series[s].Name)}: {v}</title></rect>");
                var href = links && bar.Links is { } l && s < l.Count ? l[s] : null;
                sb.Append(href is null ? rect : $"<a href=\"{Esc(href)}\">{rect}</a>");
            }
            if (b % every == 0)
                sb.Append(Inv, $"<text x=\"{x + barW / 2:0.##}\" y=\"{height - Bottom + 14}\" text-anchor=\"middle\" fill=\"#333\">{Esc(bar.Label)}</text>");
        }
        sb.Append(Inv, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{top + plotH}\" y2=\"{top + plotH}\" stroke=\"#333\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Legend entries flowed left to right from the plot's left edge, a new row when the next would pass the right edge.</summary>
    public static List<List<(double X, int Series)>> LegendRows(IReadOnlyList<ChartSeries> series)
    {
        var rows = new List<List<(double, int)>> { new() };
        double x = Left;
        for (var s = 0; s < series.Count; s++)
        {
            var w = 13 + TextWidth(series[s].Name) + 14;
            if (x + w > Width - Right && rows[^1].Count > 0) { rows.Add([]); x = Left; }
            rows[^1].Add((x, s));
            x += w;
        }
        return rows;
    }

    /// <summary>Estimated width at 11 px: a CJK character is a square em, others about 0.62 em (generous).</summary>
    public static double TextWidth(string text) => text.Sum(ch => ch >= 0x2E80 ? 11 : 11 * 0.62);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}

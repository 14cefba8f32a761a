using Fangkong.Web.Charts;

namespace Fangkong.Web.Tests.Charts;

/// <summary>Chart axes tick at round numbers: steps of 1, 2 or 5 × 10ⁿ, the top a whole number of steps at or above the data.</summary>
public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(50, new[] { 0, 10, 20, 30, 40, 50 })]
    [InlineData(43, new[] { 0, 10, 20, 30, 40, 50 })]
    [InlineData(37, new[] { 0, 10, 20, 30, 40 })]
    [InlineData(7, new[] { 0, 2, 4, 6, 8 })]
    [InlineData(3, new[] { 0, 1, 2, 3 })]
    [InlineData(1, new[] { 0, 1 })]
    [InlineData(0, new[] { 0, 1 })]
    [InlineData(-5, new[] { 0, 1 })]
    [InlineData(3600, new[] { 0, 1000, 2000, 3000, 4000 })]
    [InlineData(886, new[] { 0, 200, 400, 600, 800, 1000 })]
    [InlineData(112, new[] { 0, 50, 100, 150 })]
    public void Ticks_are_round_numbers_covering_the_data(int max, int[] expected) =>
        Assert.Equal(expected, NiceTicks.For(max).Ticks());

    [Fact]
    public void Every_step_is_1_2_or_5_times_a_power_of_ten_and_the_axis_covers_the_data_in_at_most_ten_intervals()
    {
        for (var max = 0; max <= 100_000; max += max < 200 ? 1 : 97)
        {
            var axis = NiceTicks.For(max);
            var step = axis.Step;
            while (step % 10 == 0) step /= 10;
            Assert.True(step is 1 or 2 or 5, $"max {max}: step {axis.Step}");
            Assert.True(axis.Max >= max && axis.Max % axis.Step == 0, $"max {max}: axis {axis}");
            Assert.InRange(axis.Max / axis.Step, 1, 10);
        }
    }

    [Fact]
    public void The_stacked_bar_chart_labels_its_gridlines_with_the_nice_ticks()
    {
        var svg = StackedBarChart.Render("t", [new ChartSeries("a", "#000")], [new ChartBar("11-27", [43]), new ChartBar("11-28", [7])], links: false, "chart");
        var labels = System.Text.RegularExpressions.Regex.Matches(svg, "text-anchor=\"end\" fill=\"#555\">(\\d+)<").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([0, 10, 20, 30, 40, 50], labels);
    }

    [Fact]
    public void The_legend_stays_inside_the_chart_however_long_the_names_and_wraps_onto_rows()
    {
        ChartSeries[] series = [.. new[] { "Dongliao County", "Longshan District", "Dongfeng County", "Xi'an District", "Unknown district", "东辽县", "龙山区", "西安区" }
            .Select(n => new ChartSeries(n, "#000"))];
        var rows = StackedBarChart.LegendRows(series);
        Assert.True(rows.Count > 1);
        Assert.All(rows.SelectMany(r => r), e => Assert.InRange(e.X + 13 + StackedBarChart.TextWidth(series[e.Series].Name), 44, 760 - 12));
        var svg = StackedBarChart.Render("Epidemic curve by onset date", series, [new ChartBar("11-27", [1, 2, 3, 4, 5, 6, 7, 8])], links: false, "chart");
        Assert.Equal(series.Length, System.Text.RegularExpressions.Regex.Count(svg, "data-legend="));
    }
}

namespace Fangkong.Web.Charts;

/// <summary>A case to place: its cluster (band), when it was reported (city time), and the text drawn beside its dot.</summary>
public sealed record ChainItem(long Id, int Cluster, DateTime LocalTime, string Label, string? Count);

/// <summary>Where a case's dot is, and the box its dot and label take (nothing else is drawn inside it).</summary>
public sealed record ChainSpot(double X, double Y, double Left, double Right);

/// <summary>One cluster's horizontal band: its title line at <see cref="Top"/>, its rows below.</summary>
public sealed record ChainBand(int Cluster, double Top, double Height);

public sealed record ChainPlan(IReadOnlyDictionary<long, ChainSpot> Spots, IReadOnlyList<ChainBand> Bands, DateOnly FirstDay, int Days, double DayWidth, double Width, double Height)
{
    public double X(DateTime local) => ChainLayout.Left + (local - FirstDay.ToDateTime(TimeOnly.MinValue)).TotalDays * DayWidth;
}

/// <summary>
/// Lays the chain out as a timeline: x is the day a case was reported, each cluster a band of its own, and within a band
/// each case goes to the first row where its dot and label fit after what is already there — so no two labels ever
/// overlap, however many cases share a day. Label widths are estimated from the text (a CJK character is a square em,
/// others about 0.58 em), generously, so the estimate errs towards space.
/// </summary>
public static class ChainLayout
{
    public const double Left = 16, Right = 16, Axis = 26, BandTitle = 22, Row = 22, BandGap = 12, Radius = 6, Gap = 4, FontSize = 11, MinDayWidth = 56;

    public static ChainPlan Lay(IReadOnlyList<ChainItem> items, double width)
    {
        if (items.Count == 0) return new ChainPlan(new Dictionary<long, ChainSpot>(), [], default, 1, MinDayWidth, width, Axis);
        var first = DateOnly.FromDateTime(items.Min(i => i.LocalTime));
        var last = DateOnly.FromDateTime(items.Max(i => i.LocalTime));
        var days = last.DayNumber - first.DayNumber + 1;
        var widest = items.Max(Extent);
        var dayWidth = Math.Max(MinDayWidth, (width - Left - Right - widest) / days);
        var plan = new ChainPlan(new Dictionary<long, ChainSpot>(), [], first, days, dayWidth, 0, 0);
        var spots = new Dictionary<long, ChainSpot>();
        var bands = new List<ChainBand>();
        var top = Axis;
        foreach (var cluster in items.GroupBy(i => i.Cluster))
        {
            var rowEnds = new List<double>();
            foreach (var item in cluster.OrderBy(i => i.LocalTime).ThenBy(i => i.Id))
            {
                var x = plan.X(item.LocalTime);
                var left = x - Radius;
                var right = x + Radius + Gap + Extent(item);
                var row = rowEnds.FindIndex(end => end + Gap <= left);
                if (row < 0) { row = rowEnds.Count; rowEnds.Add(right); }
                else rowEnds[row] = right;
                spots[item.Id] = new ChainSpot(x, top + BandTitle + Row / 2 + row * Row, left, right);
            }
            var height = BandTitle + rowEnds.Count * Row + 4;
            bands.Add(new ChainBand(cluster.Key, top, height));
            top += height + BandGap;
        }
        var drawnWidth = Math.Max(width, spots.Values.Max(s => s.Right) + Right);
        return plan with { Spots = spots, Bands = bands, Width = drawnWidth, Height = top };
    }

    /// <summary>The estimated width of an item's label and count, in pixels at <see cref="FontSize"/>.</summary>
    public static double Extent(ChainItem item) => TextWidth(item.Label) + (item.Count is { } c ? Gap + TextWidth(c) : 0);

    public static double TextWidth(string text) => text.Sum(ch => ch >= 0x2E80 ? FontSize : FontSize * 0.62);
}

using Fangkong.Web.Charts;

namespace Fangkong.Web.Tests.Charts;

/// <summary>The chain's timeline layout: no two labels overlap however many cases share a day; x follows time; clusters get bands of their own.</summary>
public sealed class ChainLayoutTests
{
    private static readonly DateTime Day0 = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Unspecified);

    [Fact]
    public void Sixty_cases_on_one_day_and_a_hundred_more_over_two_weeks_never_overlap()
    {
        var random = new Random(7);
        var items = new List<ChainItem>();
        for (var i = 0; i < 60; i++) items.Add(new ChainItem(i, 1, Day0.AddDays(5).AddMinutes(random.Next(0, 600)), "欧阳*娜", "+" + random.Next(0, 400)));
        for (var i = 60; i < 160; i++) items.Add(new ChainItem(i, 1 + i % 3, Day0.AddDays(random.Next(0, 14)).AddHours(random.Next(0, 24)), i % 2 == 0 ? "张*" : "Nguyen*", i % 5 == 0 ? null : "+12"));
        var plan = ChainLayout.Lay(items, 1200);

        Assert.Equal(items.Count, plan.Spots.Count);
        var spots = plan.Spots.Values.ToList();
        for (var a = 0; a < spots.Count; a++)
            for (var b = a + 1; b < spots.Count; b++)
            {
                var (p, q) = (spots[a], spots[b]);
                var sameRow = Math.Abs(p.Y - q.Y) < ChainLayout.Row;
                Assert.False(sameRow && p.Left < q.Right && q.Left < p.Right, $"{p} overlaps {q}");
            }
        // Each box holds its label as estimated: dot, gap, text.
        foreach (var item in items)
        {
            var s = plan.Spots[item.Id];
            Assert.True(s.Right - s.Left >= 2 * ChainLayout.Radius + ChainLayout.Extent(item));
        }
    }

    [Fact]
    public void Time_runs_left_to_right_and_each_cluster_has_its_own_band()
    {
        ChainItem[] items =
        [
            new(1, 1, Day0.AddHours(9), "张*", "+3"), new(2, 1, Day0.AddDays(3).AddHours(9), "李*", null),
            new(3, 2, Day0.AddDays(1), "王*", "+40"), new(4, 2, Day0.AddDays(2), "赵*", null),
        ];
        var plan = ChainLayout.Lay(items, 1200);
        Assert.True(plan.Spots[1].X < plan.Spots[3].X && plan.Spots[3].X < plan.Spots[4].X && plan.Spots[4].X < plan.Spots[2].X);
        Assert.Equal(4, plan.Days);
        var (one, two) = (plan.Bands.Single(b => b.Cluster == 1), plan.Bands.Single(b => b.Cluster == 2));
        Assert.True(one.Top + one.Height <= two.Top);
        foreach (var (id, band) in new[] { (1L, one), (2L, one), (3L, two), (4L, two) })
            Assert.InRange(plan.Spots[id].Y, band.Top + ChainLayout.BandTitle, band.Top + band.Height);
        Assert.Equal(1200, plan.Width);
    }

    [Fact]
    public void A_long_outbreak_gets_a_wider_drawing_rather_than_cramped_days()
    {
        var items = Enumerable.Range(0, 90).Select(d => new ChainItem(d, 1, Day0.AddDays(d), "张*", null)).ToList();
        var plan = ChainLayout.Lay(items, 1200);
        Assert.Equal(ChainLayout.MinDayWidth, plan.DayWidth);
        Assert.True(plan.Width > 90 * ChainLayout.MinDayWidth);
    }
}

using Fangkong.Core.Data;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Core.Tests.Data;

public class TimeOrderedIdsTests
{
    [Fact]
    public void Ids_increase_within_a_millisecond_and_across_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var ids = new TimeOrderedIds(time, instance: 3);
        var burst = Enumerable.Range(0, 20_000).Select(_ => ids.Next()).ToList(); // more than one millisecond's sequence
        Assert.Equal(burst.OrderBy(x => x), burst);
        Assert.Equal(burst.Count, burst.Distinct().Count());
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(ids.Next() > burst[^1]);
    }

    [Fact]
    public void An_id_range_is_a_time_range()
    {
        var t = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
        var id = TimeOrderedIds.Compose(t, TimeOrderedIds.SeedInstance, 5);
        Assert.True(id >= TimeOrderedIds.LowerBound(t));
        Assert.True(id < TimeOrderedIds.LowerBound(t.AddMilliseconds(1)));
        Assert.True(TimeOrderedIds.LowerBound(t.AddDays(-1)) < id);
    }

    [Fact]
    public void Instances_never_collide()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var a = new TimeOrderedIds(time, 1);
        var b = new TimeOrderedIds(time, 2);
        var all = Enumerable.Range(0, 1000).SelectMany(_ => new[] { a.Next(), b.Next() }).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}

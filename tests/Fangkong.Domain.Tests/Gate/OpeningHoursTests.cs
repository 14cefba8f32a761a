using Fangkong.Domain.Places;

namespace Fangkong.Domain.Tests.Gate;

public class OpeningHoursTests
{
    [Fact]
    public void A_day_venue_closes_at_its_closing_time_the_same_day()
    {
        var h = new OpeningHours(new TimeOnly(8, 30), new TimeOnly(17, 0));
        Assert.Equal(new DateTime(2026, 11, 20, 17, 0, 0), h.ClosingAfter(new DateTime(2026, 11, 20, 10, 0, 0)));
    }

    [Fact]
    public void An_all_day_venue_closes_visits_at_midnight() =>
        Assert.Equal(new DateTime(2026, 11, 21), OpeningHours.AllDay.ClosingAfter(new DateTime(2026, 11, 20, 23, 0, 0)));

    [Fact]
    public void A_venue_open_past_midnight_closes_the_next_morning()
    {
        var h = new OpeningHours(new TimeOnly(18, 0), new TimeOnly(2, 0));
        Assert.Equal(new DateTime(2026, 11, 21, 2, 0, 0), h.ClosingAfter(new DateTime(2026, 11, 20, 22, 0, 0)));
        Assert.True(h.IsOpenAt(new TimeOnly(1, 0)));
        Assert.False(h.IsOpenAt(new TimeOnly(12, 0)));
    }
}

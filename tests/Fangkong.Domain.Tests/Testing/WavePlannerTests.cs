using Fangkong.Domain.Testing;

namespace Fangkong.Domain.Tests.Testing;

public class WavePlannerTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 22, 0, 0, DateTimeKind.Utc); // 06:00 in the city

    [Fact]
    public void Units_are_packed_into_twenty_minute_waves_within_site_capacity()
    {
        // 2 tables × 90 swabs an hour = 60 swabs per 20-minute wave.
        var site = new SiteCapacity(1, 2, 90);
        var units = new[] { new UnitDemand(1, 1, 40), new UnitDemand(2, 1, 30), new UnitDemand(3, 1, 50) };
        var plan = WavePlanner.Plan(units, [site], Start, Start.AddHours(24));
        Assert.True(plan.MeetsDeadline);
        Assert.Equal([Start, Start, Start.AddMinutes(20)], plan.Waves.Select(w => w.StartUtc));
        Assert.Equal([Start.AddMinutes(20), Start.AddMinutes(40), Start.AddMinutes(40)], plan.Waves.Select(w => w.EndUtc));
        Assert.Equal(Start.AddMinutes(40), plan.FinishUtc); // 120 residents at 60 a wave

        // No wave brings more residents than the site can take: count per wave slot.
        var perSlot = new Dictionary<DateTime, int>();
        long position = 0;
        foreach (var u in units)
            for (var i = 0; i < u.Residents; i++, position++)
                perSlot[Start.AddMinutes(20 * (position / 60))] = perSlot.GetValueOrDefault(Start.AddMinutes(20 * (position / 60))) + 1;
        Assert.All(perSlot.Values, n => Assert.True(n <= 60));
    }

    [Fact]
    public void Sites_run_in_parallel_and_the_slowest_decides_the_finish()
    {
        var plan = WavePlanner.Plan([new UnitDemand(1, 1, 600), new UnitDemand(2, 2, 60)], [new SiteCapacity(1, 1, 180), new SiteCapacity(2, 1, 180)], Start, Start.AddHours(24));
        Assert.Equal(Start.AddMinutes(20 * 10), plan.FinishUtc); // 600 at 60 a wave
        Assert.Equal(Start.AddMinutes(20), plan.Waves.Single(w => w.SiteId == 2).EndUtc);
    }

    [Fact]
    public void A_plan_that_cannot_meet_the_deadline_says_by_how_much()
    {
        // 10,000 residents at one table of 120 an hour: 83.3 hours of swabbing against a 24-hour round.
        var plan = WavePlanner.Plan([new UnitDemand(1, 1, 10_000)], [new SiteCapacity(1, 1, 120)], Start, Start.AddHours(24));
        Assert.False(plan.MeetsDeadline);
        Assert.Equal(TimeSpan.FromMinutes(20 * 250) - TimeSpan.FromHours(24), plan.Overrun);
    }

    [Fact]
    public void A_site_without_capacity_is_reported_not_silently_dropped()
    {
        var plan = WavePlanner.Plan([new UnitDemand(1, 7, 30)], [new SiteCapacity(7, 0, 100)], Start, Start.AddHours(24));
        Assert.False(plan.MeetsDeadline);
        Assert.Equal([7L], plan.UnplannableSites);
    }
}

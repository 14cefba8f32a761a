using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;

namespace Fangkong.Domain.Tests.Supervision;

/// <summary>Disinfection frequency per venue type (issue 24 part 4).</summary>
public class DisinfectionTests
{
    private static readonly OpeningHours Office = new(new TimeOnly(8, 0), new TimeOnly(17, 0));
    private static readonly DateTime Day = new(2026, 11, 20);

    [Fact]
    public void An_enterprise_disinfects_three_times_a_day_and_a_compound_gate_is_not_asked()
    {
        var p = new DisinfectionPolicy();
        Assert.Equal(3, p.Required(VenueType.Enterprise));
        Assert.Equal(0, p.Required(VenueType.CompoundGate));
        Assert.Equal(1, (p with { TimesPerDay = new() { [VenueType.Enterprise] = 1 } }).Required(VenueType.Enterprise));
    }

    [Theory]
    [InlineData(8.5, 0)]   // half an hour in: none due yet
    [InlineData(11.0, 1)]  // a third of the day: the first
    [InlineData(14.0, 2)]
    [InlineData(16.9, 2)]
    [InlineData(17.0, 3)]  // the day's end: all three
    public void Records_fall_due_spread_over_the_opening_hours(double hour, int due) =>
        Assert.Equal(due, DisinfectionDue.DueBy(3, Office, Day.AddHours(hour)));

    [Fact]
    public void Missing_is_what_is_due_less_what_was_recorded()
    {
        Assert.Equal(2, DisinfectionDue.Missing(3, Office, Day.AddHours(14), 0));
        Assert.Equal(0, DisinfectionDue.Missing(3, Office, Day.AddHours(14), 2));
        Assert.Equal(0, DisinfectionDue.Missing(3, Office, Day.AddHours(14), 5));
        Assert.Equal(0, DisinfectionDue.Missing(0, Office, Day.AddHours(16), 0));
    }
}

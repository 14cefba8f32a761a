using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;

namespace Fangkong.Domain.Tests.Supervision;

/// <summary>The unattended-gate rule over hand-built records and hours (issue 24 part 1).</summary>
public class GateWatchTests
{
    private static readonly GateWatchPolicy Policy = new();
    private static readonly OpeningHours Market = new(new TimeOnly(5, 0), new TimeOnly(18, 0));
    private static readonly DateTime Noon = new(2026, 11, 20, 12, 0, 0);

    private static GateWatchFacts Facts(DateTime? last = null, int entries = 30, int noTemp = 0, int admitted = 30, int denied = 0, bool red = false,
        OpeningHours? hours = null, DateTime? now = null, bool gates = true) =>
        new(hours ?? Market, now ?? Noon, last, entries, noTemp, admitted, denied, red, gates);

    [Fact]
    public void A_gate_that_records_with_temperatures_shows_no_sign() =>
        Assert.Empty(GateWatch.Signs(Facts(last: Noon.AddMinutes(-3)), Policy));

    [Fact]
    public void Two_hours_without_a_record_while_open_is_silent()
    {
        Assert.Equal([UnattendedSign.Silent], GateWatch.Signs(Facts(last: Noon.AddHours(-2), entries: 0, admitted: 0), Policy));
        Assert.Empty(GateWatch.Signs(Facts(last: Noon.AddMinutes(-119), entries: 0, admitted: 0), Policy));
    }

    [Fact]
    public void A_venue_closed_by_its_hours_is_never_judged() =>
        Assert.Empty(GateWatch.Signs(Facts(last: Noon.AddDays(-3), entries: 0, admitted: 0, now: Noon.Date.AddHours(20)), Policy));

    [Fact]
    public void Silence_counts_from_opening_time_not_from_last_night()
    {
        // Opened at 05:00; last record yesterday evening. At 06:30 it has been open 90 minutes: not yet silent.
        Assert.Empty(GateWatch.Signs(Facts(last: Noon.AddDays(-1).AddHours(5), entries: 0, admitted: 0, now: Noon.Date.AddHours(6.5)), Policy));
        Assert.Equal([UnattendedSign.Silent], GateWatch.Signs(Facts(last: null, entries: 0, admitted: 0, now: Noon.Date.AddHours(7)), Policy));
    }

    [Fact]
    public void An_all_day_venue_is_open_at_any_hour() =>
        Assert.Equal([UnattendedSign.Silent], GateWatch.Signs(Facts(last: null, entries: 0, admitted: 0, hours: OpeningHours.AllDay, now: Noon.Date.AddHours(3)), Policy));

    [Fact]
    public void Entries_without_temperatures_mean_nobody_measures()
    {
        Assert.Contains(UnattendedSign.NoTemperature, GateWatch.Signs(Facts(last: Noon, entries: 20, noTemp: 18), Policy));
        Assert.DoesNotContain(UnattendedSign.NoTemperature, GateWatch.Signs(Facts(last: Noon, entries: 20, noTemp: 17), Policy));
        // Too few entries say nothing.
        Assert.Empty(GateWatch.Signs(Facts(last: Noon, entries: 9, noTemp: 9, admitted: 9), Policy));
    }

    [Fact]
    public void Admitting_everyone_is_a_sign_only_while_the_city_has_red_codes()
    {
        Assert.Equal([UnattendedSign.AdmitsAll], GateWatch.Signs(Facts(last: Noon, red: true), Policy));
        Assert.Empty(GateWatch.Signs(Facts(last: Noon, red: false), Policy));
        Assert.Empty(GateWatch.Signs(Facts(last: Noon, red: true, denied: 1), Policy));
    }

    [Fact]
    public void A_venue_without_staffed_gates_is_not_judged() =>
        Assert.Empty(GateWatch.Signs(Facts(last: null, entries: 0, admitted: 0, gates: false), Policy));

    [Fact]
    public void The_silence_is_configurable() =>
        Assert.Equal([UnattendedSign.Silent], GateWatch.Signs(Facts(last: Noon.AddMinutes(-31), entries: 0, admitted: 0), Policy with { SilentMinutes = 30 }));
}

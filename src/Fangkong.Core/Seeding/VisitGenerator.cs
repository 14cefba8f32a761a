using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Places;
using Fangkong.Domain.Places;

namespace Fangkong.Core.Seeding;

/// <summary>
/// A day in the life of each resident: school or work (by bus for some), shopping, the odd hospital or
/// service-hall visit, and passing the compound gate on the way home. Every visit lies within the venue's
/// opening hours and none is in the future; visits still under way at "now" are left open.
/// </summary>
internal sealed class VisitGenerator(CityPlan plan, ResidentProfile[] residents, long firstPersonId, TimeSpan cityOffset, DateTime nowUtc)
{
    private readonly HashSet<long> _ids = [];

    public IEnumerable<object?[]> Day(DateOnly day, Random rng)
    {
        _ids.Clear();
        var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var markets = plan.Of(VenueType.Market).Concat(plan.Of(VenueType.Supermarket)).ToArray();
        var hospitals = plan.Of(VenueType.Hospital);
        var halls = plan.Of(VenueType.ServiceHall);
        for (var i = 0; i < residents.Length; i++)
        {
            var r = residents[i];
            var personId = firstPersonId + i;
            var homeGate = plan.CompoundGate[r.CompoundIndex];
            var lastHome = TimeSpan.FromHours(17);

            if (weekday && r.DailyVenue >= 0 && rng.NextDouble() < 0.93)
            {
                var venue = plan.Venues[r.DailyVenue];
                // Staff of all-day venues (hospitals) work a day shift.
                var (opens, closes) = venue.Hours.IsAllDay ? (TimeSpan.FromHours(8), TimeSpan.FromHours(17.5)) : (venue.Opens.ToTimeSpan(), venue.Closes.ToTimeSpan());
                var start = opens + TimeSpan.FromMinutes(rng.Next(0, 60));
                var end = closes - TimeSpan.FromMinutes(rng.Next(0, 45));
                if (r.BusLine >= 0)
                {
                    var line = plan.BusLines[r.BusLine];
                    var ride = TimeSpan.FromMinutes(rng.Next(10, 41));
                    foreach (var v in Ride(day, personId, line[rng.Next(line.Count)], start - ride - TimeSpan.FromMinutes(5), ride, rng)) yield return v;
                    foreach (var v in Ride(day, personId, line[rng.Next(line.Count)], end + TimeSpan.FromMinutes(5), ride, rng)) yield return v;
                    lastHome = end + ride + TimeSpan.FromMinutes(15);
                }
                else
                {
                    lastHome = end + TimeSpan.FromMinutes(rng.Next(10, 40));
                }
                if (Visit(day, personId, venue.Id, start, end - start, rng) is { } work) yield return work;
            }
            if (rng.NextDouble() < (r.Age >= 60 ? 0.5 : 0.25))
            {
                var shop = markets[rng.Next(markets.Length)];
                var at = r.Age >= 60 || !weekday ? TimeSpan.FromHours(rng.Next(7, 11)) : lastHome + TimeSpan.FromMinutes(rng.Next(0, 60));
                if (Visit(day, personId, shop.Id, Clamp(shop, at), TimeSpan.FromMinutes(rng.Next(15, 70)), rng) is { } s) yield return s;
            }
            if (rng.NextDouble() < (r.Age >= 60 ? 0.03 : 0.01))
            {
                var h = hospitals[rng.Next(hospitals.Count)];
                if (Visit(day, personId, h.Id, TimeSpan.FromHours(rng.Next(8, 15)), TimeSpan.FromMinutes(rng.Next(40, 200)), rng) is { } v) yield return v;
            }
            if (weekday && r.Age >= 18 && rng.NextDouble() < 0.006)
            {
                var hall = rng.NextDouble() < 0.5 ? halls[0] : halls[rng.Next(halls.Count)];
                if (Visit(day, personId, hall.Id, TimeSpan.FromHours(9) + TimeSpan.FromMinutes(rng.Next(0, 360)), TimeSpan.FromMinutes(rng.Next(15, 90)), rng) is { } v) yield return v;
            }
            if (Visit(day, personId, homeGate, Min(lastHome, TimeSpan.FromHours(23)), TimeSpan.FromMinutes(1), rng) is { } g) yield return g;
        }
    }

    private IEnumerable<object?[]> Ride(DateOnly day, long personId, Venue bus, TimeSpan at, TimeSpan length, Random rng)
    {
        var start = Clamp(bus, at);
        if (Visit(day, personId, bus.Id, start, length, rng) is { } v) yield return v;
    }

    private static TimeSpan Clamp(Venue v, TimeSpan t)
    {
        if (v.Hours.IsAllDay) return t;
        var open = v.Opens.ToTimeSpan();
        var latest = v.Closes.ToTimeSpan() - TimeSpan.FromMinutes(90);
        return t < open ? open + TimeSpan.FromMinutes(5) : t > latest ? latest : t;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>One visit row in visits' column order, or null when it would begin in the future.</summary>
    private object?[]? Visit(DateOnly day, long personId, long venueId, TimeSpan localStart, TimeSpan length, Random rng)
    {
        var enteredLocal = day.ToDateTime(TimeOnly.MinValue) + localStart + TimeSpan.FromSeconds(rng.Next(0, 60)) + TimeSpan.FromMilliseconds(rng.Next(0, 1000));
        var entered = DateTime.SpecifyKind(enteredLocal - cityOffset, DateTimeKind.Utc);
        if (entered > nowUtc) return null;
        var exited = entered + length;
        DateTime? exit = exited > nowUtc ? null : exited;
        long seq = 0;
        long id;
        do id = TimeOrderedIds.Compose(entered, TimeOrderedIds.SeedInstance, seq++); while (!_ids.Add(id));
        var temperature = 36.0m + rng.Next(0, 11) / 10m;
        var method = rng.Next(3) == 0 ? EntryMethod.IdCard : EntryMethod.HealthCode;
        return [id, personId, venueId, null, entered, exit, false, method, temperature];
    }

    public static readonly string[] Columns =
        [nameof(Gate.Visit.Id), nameof(Gate.Visit.PersonId), nameof(Gate.Visit.VenueId), nameof(Gate.Visit.EntryDeviceId),
         nameof(Gate.Visit.EnteredAtUtc), nameof(Gate.Visit.ExitedAtUtc), nameof(Gate.Visit.ExitInferred), nameof(Gate.Visit.Method), nameof(Gate.Visit.Temperature)];
}

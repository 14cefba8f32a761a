namespace Fangkong.Core.Seeding;

/// <summary>
/// One resident's day as a sequence of stays: out through the compound gate, by bus (some), through a road
/// checkpoint when crossing districts, a shift at work or school, errands (market, supermarket, hospital,
/// service hall), back through the gate, maybe out again in the evening. A cursor moves forward only, so a
/// person's visits never overlap; each stay is fitted into the venue's opening hours or skipped; nothing
/// begins after "now", and a stay still under way at "now" is left open.
/// </summary>
internal sealed class DayRoutine(CityPlan plan, VisitSink sink, Random rng, bool weekday, double cityHallChance)
{
    private int _resident;
    private TimeSpan _t; // cursor: city-local time of day

    public void Run(int resident, in ResidentProfile r)
    {
        _resident = resident;
        sink.StartPerson();
        if (r.DailyVenue >= 0 && Attends(plan.VenuePlace[r.DailyVenue], r.Age)) Commute(r);
        else if (rng.NextDouble() < OutingChance(r.Age)) Errands(r);
        else _t = TimeSpan.FromHours(17);
        if (rng.NextDouble() < (r.Age is >= 12 and < 75 ? 0.12 : 0.03)) Evening(r);
    }

    private void Commute(in ResidentProfile r)
    {
        var venue = r.DailyVenue;
        var (start, end) = Shift(plan.VenuePlace[venue], r.Age);
        var ride = r.BusLine >= 0 ? Minutes(10, 40) : TimeSpan.Zero;
        var crossing = plan.VenueDistrict[venue] != r.District;
        _t = Max(TimeSpan.Zero, start - ride - Minutes(5, 20) - (crossing ? TimeSpan.FromMinutes(15) : TimeSpan.Zero));
        HomeGate(r);
        if (r.BusLine >= 0) Bus(r.BusLine, ride);
        if (crossing) Stop(plan.Pick(Place.Checkpoint, plan.VenueDistrict[venue], rng), Minutes(1, 3));
        _t = Max(_t, start);
        Stop(venue, end - _t);
        if (rng.NextDouble() < 0.2) Stop(plan.Pick(rng.Next(3) == 0 ? Place.Market : Place.Supermarket, r.District, rng), Minutes(10, 40));
        if (crossing) Stop(plan.Pick(Place.Checkpoint, r.District, rng), Minutes(1, 3));
        if (r.BusLine >= 0) Bus(r.BusLine, ride);
        HomeGate(r);
    }

    private void Errands(in ResidentProfile r)
    {
        _t = r.Age >= 60 ? Minutes(6 * 60, 9 * 60 + 30) : Minutes(8 * 60 + 30, 15 * 60);
        HomeGate(r);
        var line = rng.NextDouble() < (r.District <= 1 ? 0.3 : 0.15) ? plan.PickLine(r.District, rng) : (short)-1;
        var ride = Minutes(10, 40);
        if (line >= 0) Bus(line, ride);
        for (var stops = rng.NextDouble() < 0.4 ? 2 : 1; stops > 0; stops--)
        {
            var (venue, length) = Errand(r);
            Stop(venue, length);
        }
        if (line >= 0) Bus(line, ride);
        HomeGate(r);
    }

    private (int Venue, TimeSpan Length) Errand(in ResidentProfile r)
    {
        var x = rng.NextDouble();
        if (x < 0.002) return (plan.Of(Place.FeverClinic)[0], Minutes(30, 120));
        if (x < (r.Age >= 60 ? 0.06 : 0.02)) return (plan.Pick(Place.Hospital, r.District, rng), Minutes(40, 180));
        if (weekday && r.Age >= 18)
        {
            // The municipal hall's visitors stay a fixed, modest number whatever the city's size: it has a cap of 40.
            var y = rng.NextDouble();
            if (y < cityHallChance) return (plan.Of(Place.CityHall)[0], Minutes(15, 60));
            if (y < cityHallChance + 0.01) return (plan.Pick(Place.DistrictHall, r.District, rng), Minutes(15, 60));
        }
        var market = rng.NextDouble() < (r.Age >= 60 && _t < TimeSpan.FromHours(11) ? 0.6 : 0.3);
        return (plan.Pick(market ? Place.Market : Place.Supermarket, r.District, rng), Minutes(15, 60));
    }

    private void Evening(in ResidentProfile r)
    {
        var at = Max(_t + Minutes(30, 90), Minutes(18 * 60 + 30, 20 * 60));
        if (at > TimeSpan.FromHours(21.25)) return;
        _t = at;
        HomeGate(r);
        Stop(plan.Pick(Place.Supermarket, r.District, rng), Minutes(15, 45));
        HomeGate(r);
    }

    private void HomeGate(in ResidentProfile r) => Stop(plan.CompoundGate[r.CompoundIndex], TimeSpan.FromMinutes(1));

    private void Bus(short line, TimeSpan ride)
    {
        var vehicles = plan.BusLines[line].Vehicles;
        Stop(vehicles[rng.Next(vehicles.Length)], ride);
    }

    /// <summary>A stay from the cursor, moved into opening hours and shortened to end before closing, or skipped.</summary>
    private void Stop(int venue, TimeSpan length)
    {
        var v = plan.Venues[venue];
        var start = _t;
        var latestEnd = TimeSpan.FromHours(24) - TimeSpan.FromMinutes(3);
        if (!v.Hours.IsAllDay)
        {
            latestEnd = v.Closes.ToTimeSpan() - TimeSpan.FromMinutes(2);
            // Early errands wait for opening: spread over the first half of the day, not a queue at the door.
            if (start < v.Opens.ToTimeSpan()) start = v.Opens.ToTimeSpan() + Minutes(0, (int)(latestEnd - v.Opens.ToTimeSpan()).TotalMinutes / 2);
        }
        if (start + length > latestEnd) length = latestEnd - start;
        if (length < TimeSpan.FromMinutes(1)) return; // closed by then: the errand is dropped
        sink.Add(_resident, venue, start, length, rng);
        // At least two minutes to the next stay: an entry may fall up to a minute after its start.
        _t = start + length + Minutes(2, 12);
    }

    private bool Attends(Place p, int age) => weekday
        ? rng.NextDouble() < (age < 18 ? 0.96 : 0.92)
        : age >= 18 && rng.NextDouble() < p switch
        {
            Place.Market or Place.Supermarket or Place.Hospital or Place.FeverClinic => 0.7,
            Place.Construction => 0.6,
            Place.Enterprise => 0.2,
            Place.Kindergarten or Place.PrimarySchool or Place.MiddleSchool => 0.03,
            _ => 0,
        };

    private static double OutingChance(int age) => age switch
    {
        < 3 => 0.2,
        < 18 => 0.5,
        < 60 => 0.6,
        < 80 => 0.75,
        _ => 0.35,
    };

    /// <summary>Start and end of the day at work or school (city time).</summary>
    private (TimeSpan Start, TimeSpan End) Shift(Place p, int age) => p switch
    {
        Place.Kindergarten when age < 18 => (Minutes(450, 510), Minutes(960, 1035)),
        Place.PrimarySchool when age < 18 => (Minutes(430, 470), Minutes(930, 990)),
        Place.MiddleSchool when age < 18 => (Minutes(420, 450), Minutes(1000, 1040)),
        Place.Kindergarten or Place.PrimarySchool or Place.MiddleSchool => (Minutes(420, 460), Minutes(990, 1040)),
        Place.Construction => (Minutes(360, 420), Minutes(1020, 1125)),
        Place.Hospital or Place.FeverClinic => (Minutes(450, 480), Minutes(1020, 1050)),
        Place.Market => (Minutes(300, 340), Minutes(990, 1065)),
        Place.Supermarket => rng.Next(2) == 0 ? (Minutes(480, 500), Minutes(840, 870)) : (Minutes(810, 840), Minutes(1220, 1250)),
        Place.DistrictHall or Place.CityHall => (Minutes(510, 530), Minutes(1000, 1015)),
        _ => (Minutes(450, 510), Minutes(990, 1065)),
    };

    private TimeSpan Minutes(int from, int to) => TimeSpan.FromMinutes(rng.Next(from, to + 1));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

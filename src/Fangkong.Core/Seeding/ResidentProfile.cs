namespace Fangkong.Core.Seeding;

/// <summary>What the visit generator needs to know about each resident, kept compact for a million of them.</summary>
internal struct ResidentProfile
{
    public int CompoundIndex;
    public byte District;
    public byte Age;
    /// <summary>Venue index of the workplace or school; -1 for none.</summary>
    public int DailyVenue;
    /// <summary>Bus line ridden to the daily venue (and on some errands); -1 for none.</summary>
    public short BusLine;
}

/// <summary>Gives each resident a school by age, or a workplace weighted by how many staff each venue employs.</summary>
internal sealed class DailyVenues
{
    private readonly CityPlan _plan;
    private readonly (int[] Venues, long[] Cumulative)[] _workplaces;

    public DailyVenues(CityPlan plan)
    {
        _plan = plan;
        plan.DailyCount = new int[plan.Venues.Count];
        _workplaces = new (int[], long[])[CityNames.DistrictShare.Length + 1];
        for (var d = 0; d <= CityNames.DistrictShare.Length; d++)
        {
            // The last entry is the whole city, for districts with no workplaces.
            var venues = Enumerable.Range(0, plan.Venues.Count)
                .Where(v => plan.VenueStaffWeight[v] > 0 && (d == CityNames.DistrictShare.Length || plan.VenueDistrict[v] == d)).ToArray();
            var cumulative = new long[venues.Length];
            long sum = 0;
            for (var i = 0; i < venues.Length; i++) cumulative[i] = sum += plan.VenueStaffWeight[venues[i]];
            _workplaces[d] = (venues, cumulative);
        }
    }

    public ResidentProfile Assign(int compoundIndex, byte district, int age, Random rng)
    {
        var daily = age switch
        {
            >= 3 and <= 5 when rng.NextDouble() < 0.85 => _plan.Pick(Place.Kindergarten, district, rng),
            >= 6 and <= 11 when rng.NextDouble() < 0.99 => _plan.Pick(Place.PrimarySchool, district, rng),
            >= 12 and <= 17 when rng.NextDouble() < 0.95 => _plan.Pick(Place.MiddleSchool, district, rng),
            >= 18 and <= 22 when rng.NextDouble() < 0.45 => Workplace(district, rng),
            >= 23 and <= 54 when rng.NextDouble() < 0.78 => Workplace(district, rng),
            >= 55 and <= 59 when rng.NextDouble() < 0.5 => Workplace(district, rng), // early retirement is common in the northeast
            _ => -1,
        };
        short line = -1;
        if (daily >= 0)
        {
            _plan.DailyCount[daily]++;
            var rides = _plan.VenueDistrict[daily] != district ? 0.6 : district <= 1 ? 0.4 : 0.2; // buses run mostly in the urban core
            if (rng.NextDouble() < rides) line = _plan.PickLine(district, rng);
        }
        return new ResidentProfile { CompoundIndex = compoundIndex, District = district, Age = (byte)Math.Min(age, 255), DailyVenue = daily, BusLine = line };
    }

    /// <summary>Four in five work in their own district.</summary>
    private int Workplace(byte home, Random rng)
    {
        var d = rng.NextDouble() < 0.8 ? home : VenuePlanner.WeightedDistrict(rng);
        var (venues, cumulative) = _workplaces[d].Venues.Length > 0 ? _workplaces[d] : _workplaces[^1];
        var pick = (long)(rng.NextDouble() * cumulative[^1]);
        var i = Array.BinarySearch(cumulative, pick + 1);
        return venues[i >= 0 ? i : ~i];
    }
}

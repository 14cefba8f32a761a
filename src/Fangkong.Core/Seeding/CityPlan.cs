using Fangkong.Core.People;
using Fangkong.Core.Places;

namespace Fangkong.Core.Seeding;

/// <summary>What a venue is for in the demo city's daily routines; finer than <see cref="Domain.Places.VenueType"/>.</summary>
internal enum Place : byte
{
    CityHall, DistrictHall, Market, Supermarket, Kindergarten, PrimarySchool, MiddleSchool, Hospital, FeverClinic,
    Enterprise, Construction, Checkpoint, Bus, CompoundGate,
}

/// <summary>One household (户): its door, where it is, and how many residents live there (never zero).</summary>
internal readonly record struct HouseholdPlan(long Id, long UnitId, string Door, int CompoundIndex, byte District, byte Size);

/// <summary>A bus line: its district and the vehicles (venue indexes) running on it.</summary>
internal sealed record BusLine(byte District, int[] Vehicles);

/// <summary>The generated city's places, held in memory while persons and visits are streamed to the store.</summary>
internal sealed class CityPlan
{
    public List<Street> Streets { get; } = [];
    public List<People.Community> Communities { get; } = [];
    public List<Compound> Compounds { get; } = [];
    public List<Building> Buildings { get; } = [];
    public List<BuildingUnit> Units { get; } = [];
    public List<HouseholdPlan> Households { get; } = [];
    /// <summary>District index of each compound, and the venue index of its gate.</summary>
    public List<byte> CompoundDistrict { get; } = [];
    public List<int> CompoundGate { get; } = [];

    // Venues, by index (venue id = index + 1), with what the routines need to know about each.
    public List<Venue> Venues { get; } = [];
    public List<Place> VenuePlace { get; } = [];
    public List<byte> VenueDistrict { get; } = [];
    /// <summary>Relative number of staff a venue employs; 0 for venues nobody works at.</summary>
    public List<int> VenueStaffWeight { get; } = [];
    /// <summary>Residents whose daily venue this is (staff and pupils), counted while residents are generated.</summary>
    public int[] DailyCount { get; set; } = [];
    public List<GateDevice> Devices { get; } = [];
    public List<long> FirstDevice { get; } = [];
    public List<byte> DeviceCount { get; } = [];
    public List<BusLine> BusLines { get; } = [];

    private readonly Dictionary<(Place, byte), List<int>> _byPlaceAndDistrict = [];
    private readonly Dictionary<Place, List<int>> _byPlace = [];
    private readonly Dictionary<byte, List<int>> _linesByDistrict = [];

    public int AddVenue(Venue v, Place place, byte district, int staffWeight)
    {
        var index = Venues.Count;
        Venues.Add(v);
        VenuePlace.Add(place);
        VenueDistrict.Add(district);
        VenueStaffWeight.Add(staffWeight);
        Add(_byPlace, place, index);
        Add(_byPlaceAndDistrict, (place, district), index);
        return index;
    }

    public void AddDevices(int venueIndex, params string[] names)
    {
        FirstDevice.Add(Devices.Count + 1);
        DeviceCount.Add((byte)names.Length);
        foreach (var name in names) Devices.Add(new GateDevice { Id = Devices.Count + 1, VenueId = Venues[venueIndex].Id, Name = name });
    }

    public IReadOnlyList<int> Of(Place p) => _byPlace.TryGetValue(p, out var l) ? l : [];

    /// <summary>A venue of the kind in the district, or anywhere in the city when the district has none.</summary>
    public int Pick(Place p, byte district, Random rng)
    {
        var list = _byPlaceAndDistrict.TryGetValue((p, district), out var l) ? l : _byPlace[p];
        return list[rng.Next(list.Count)];
    }

    public void AddLine(BusLine line)
    {
        Add(_linesByDistrict, line.District, BusLines.Count);
        BusLines.Add(line);
    }

    /// <summary>A bus line in the district, or any line.</summary>
    public short PickLine(byte district, Random rng) =>
        (short)(_linesByDistrict.TryGetValue(district, out var l) ? l[rng.Next(l.Count)] : rng.Next(BusLines.Count));

    private static void Add<TKey>(Dictionary<TKey, List<int>> d, TKey key, int index) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        list.Add(index);
    }
}

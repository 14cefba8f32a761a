using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Domain.Places;

namespace Fangkong.Core.Seeding;

/// <summary>The generated city's places, held in memory while persons and visits are streamed to the store.</summary>
internal sealed class CityPlan
{
    public List<Street> Streets { get; } = [];
    public List<Community> Communities { get; } = [];
    public List<Compound> Compounds { get; } = [];
    public List<Building> Buildings { get; } = [];
    public List<BuildingUnit> Units { get; } = [];
    /// <summary>Household id → (unit id, door number, compound index, district code).</summary>
    public List<(long Id, long UnitId, string Door, int CompoundIndex, string District)> Households { get; } = [];
    public List<Venue> Venues { get; } = [];
    public List<GateDevice> Devices { get; } = [];
    /// <summary>District of each compound, and the compound-gate venue of each compound.</summary>
    public List<string> CompoundDistrict { get; } = [];
    public List<long> CompoundGate { get; } = [];

    public Dictionary<VenueType, List<Venue>> ByType { get; } = [];
    /// <summary>Bus lines: the vehicles (venues) of each line.</summary>
    public List<List<Venue>> BusLines { get; } = [];

    public void AddVenue(Venue v)
    {
        Venues.Add(v);
        if (!ByType.TryGetValue(v.Type, out var list)) ByType[v.Type] = list = [];
        list.Add(v);
    }

    public IReadOnlyList<Venue> Of(VenueType t) => ByType.TryGetValue(t, out var l) ? l : [];
}

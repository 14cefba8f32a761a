using Fangkong.Domain.People;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Plausible coordinates (WGS 84) for the demo city's compounds and venues, so the map has something true to its
/// shape: Longshan and Xi'an, the urban core, side by side around 42.9° N 125.1° E with their streets close in; Dongfeng
/// county's seat 40 km south-east and Dongliao's 12 km west, their towns spread over the countryside. Communities
/// gather around their street or town, compounds around their community. A generator of its own keeps every other
/// generated value as it was.
/// </summary>
internal static class CityMap
{
    private const double KmLat = 1 / 111.0;
    private const double KmLon = 1 / 81.5; // at 43° N

    /// <summary>District seats (in the order of <see cref="Regions.Liaoyuan"/>) and how far their towns spread, km.</summary>
    private static readonly (double Lat, double Lon, double TownRing)[] Seats =
    [
        (42.888, 125.150, 9), // 龙山区: the city centre; 寿山镇 and 工农乡 to the south and east
        (42.930, 125.128, 8), // 西安区: north of it
        (42.677, 125.531, 22), // 东丰县: 东丰镇
        (42.926, 124.991, 22), // 东辽县: 白泉镇
    ];

    public static void Locate(CityPlan plan, int seed)
    {
        var rng = new Random(unchecked(seed * 7919 + 104_729));
        var districtOf = Regions.Liaoyuan.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var streets = new Dictionary<long, (double Lat, double Lon, bool Rural)>();
        foreach (var group in plan.Streets.GroupBy(s => s.DistrictCode))
        {
            var d = districtOf[group.Key];
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var name = list[i].Name;
                var town = name.EndsWith('镇') || name.EndsWith('乡');
                // The county seat town is the seat itself; other towns on a ring; urban streets within 3 km.
                var seatTown = town && i == 0;
                var angle = 2 * Math.PI * i / list.Count + d;
                var km = seatTown ? 0.5 : town ? Seats[d].TownRing * (0.6 + 0.4 * rng.NextDouble()) : 1.0 + 2.0 * rng.NextDouble();
                streets[list[i].Id] = Offset(Seats[d].Lat, Seats[d].Lon, km, angle, town && !seatTown);
            }
        }
        var communities = new Dictionary<long, (double Lat, double Lon, bool Rural)>();
        foreach (var c in plan.Communities)
        {
            var s = streets[c.StreetId];
            communities[c.Id] = Offset(s.Lat, s.Lon, (s.Rural ? 2.5 : 0.9) * Math.Sqrt(rng.NextDouble()), rng.NextDouble() * 2 * Math.PI, s.Rural);
        }
        foreach (var co in plan.Compounds)
        {
            var c = communities[co.CommunityId];
            var p = Offset(c.Lat, c.Lon, (c.Rural ? 0.6 : 0.25) * Math.Sqrt(rng.NextDouble()), rng.NextDouble() * 2 * Math.PI, c.Rural);
            co.Latitude = Round(p.Lat);
            co.Longitude = Round(p.Lon);
        }

        var compounds = plan.Compounds.ToDictionary(c => c.Id);
        var byDistrict = plan.Compounds.Select((c, i) => (c, d: plan.CompoundDistrict[i])).GroupBy(x => x.d).ToDictionary(g => g.Key, g => g.Select(x => x.c).ToList());
        for (var v = 0; v < plan.Venues.Count; v++)
        {
            var venue = plan.Venues[v];
            var d = plan.VenueDistrict[v];
            (double Lat, double Lon, bool)? at = plan.VenuePlace[v] switch
            {
                Place.Bus => null, // a vehicle has no place
                Place.CompoundGate when venue.CompoundId is { } id => (compounds[id].Latitude!.Value, compounds[id].Longitude!.Value, false),
                // Checkpoints on the district's edge, halls and hospitals near its seat, the rest among its homes.
                Place.Checkpoint => Offset(Seats[d].Lat, Seats[d].Lon, Seats[d].TownRing + 4, rng.NextDouble() * 2 * Math.PI, false),
                Place.CityHall or Place.DistrictHall or Place.Hospital or Place.FeverClinic => Offset(Seats[d].Lat, Seats[d].Lon, rng.NextDouble(), rng.NextDouble() * 2 * Math.PI, false),
                _ when byDistrict.TryGetValue(d, out var homes) && homes.Count > 0 => Near(homes[rng.Next(homes.Count)], rng),
                _ => Offset(Seats[d].Lat, Seats[d].Lon, 2 * rng.NextDouble(), rng.NextDouble() * 2 * Math.PI, false),
            };
            venue.Latitude = at is { } a ? Round(a.Lat) : null;
            venue.Longitude = at is { } b ? Round(b.Lon) : null;
        }
    }

    private static (double Lat, double Lon, bool) Near(People.Compound c, Random rng) =>
        Offset(c.Latitude!.Value, c.Longitude!.Value, 0.3 * rng.NextDouble(), rng.NextDouble() * 2 * Math.PI, false);

    private static (double Lat, double Lon, bool Rural) Offset(double lat, double lon, double km, double angle, bool rural) =>
        (lat + km * Math.Sin(angle) * KmLat, lon + km * Math.Cos(angle) * KmLon, rural);

    private static double Round(double degrees) => Math.Round(degrees, 6);
}

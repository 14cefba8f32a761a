using System.Globalization;
using Fangkong.Core.Places;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;

namespace Fangkong.Core.Seeding;

/// <summary>
/// The city's venues — every <see cref="VenueType"/>, counts scaled with the population — and their gate devices.
/// Venue 1 is the municipal service hall with device 1, where the demo gate and manager accounts work.
/// </summary>
internal static class VenuePlanner
{
    private static TimeOnly T(int h, int m = 0) => new(h, m);

    public static void AddVenues(CityPlan plan, int residents, Random rng)
    {
        var districts = Regions.Liaoyuan;
        int Add(string name, Place place, byte district, int staffWeight, TimeOnly opens, TimeOnly closes, int capacity = 0, bool allowsYellow = false, long? compound = null)
        {
            var type = TypeOf(place);
            var v = new Venue
            {
                Id = plan.Venues.Count + 1,
                Name = name,
                Type = type,
                DistrictCode = districts[district].Code,
                Capacity = capacity,
                Opens = opens,
                Closes = closes,
                AllowsYellow = allowsYellow,
                CompoundId = compound,
            };
            return plan.AddVenue(v, place, district, staffWeight);
        }
        byte District() => WeightedDistrict(rng);
        string Short(byte d) => CityNames.DistrictShort[d];
        string Word(string[] words, int i) => words[i % words.Length] + (i >= words.Length ? (i / words.Length + 1).ToString(CultureInfo.InvariantCulture) : "");

        // Halls limit crowds with a live cap (domain.md §2: e.g. 40 in the hall).
        Add("辽源市政务服务中心", Place.CityHall, 0, 0, T(8, 30), T(17), capacity: 40);
        for (byte d = 0; d < districts.Count; d++) Add($"{districts[d].Name}政务服务中心", Place.DistrictHall, d, 20, T(8, 30), T(17), capacity: 30);
        Add("辽源市中心医院", Place.Hospital, 0, 600, T(0), T(0));
        Add("辽源市中心医院发热门诊", Place.FeverClinic, 0, 20, T(0), T(0), allowsYellow: true);
        for (byte d = 0; d < districts.Count; d++) Add($"{districts[d].Name}人民医院", Place.Hospital, d, 250, T(0), T(0));
        for (var i = 0; i < residents / 50_000; i++)
        {
            var d = District();
            Add($"{Short(d)}{Word(CityNames.SchoolWords, i)}社区卫生服务中心", Place.Hospital, d, 30, T(0), T(0));
        }
        for (var i = 0; i < Math.Max(2, residents / 8_000); i++)
        {
            var d = District();
            Add($"{Short(d)}{Word(CityNames.MarketWords, i)}农贸市场", Place.Market, d, 60, T(5), T(18));
        }
        for (var i = 0; i < Math.Max(3, residents / 5_000); i++)
        {
            var d = District();
            Add($"{CityNames.SupermarketChains[rng.Next(CityNames.SupermarketChains.Length)]}超市{Short(d)}{i + 1}店", Place.Supermarket, d, 50, T(8), T(21));
        }
        for (var i = 0; i < Math.Max(1, residents / 5_000); i++)
        {
            var d = District();
            Add($"辽源市{Short(d)}{Word(CityNames.SchoolWords, i)}幼儿园", Place.Kindergarten, d, 20, T(7), T(17, 30));
        }
        for (var i = 0; i < Math.Max(1, residents / 8_000); i++)
        {
            var d = District();
            Add($"辽源市{Short(d)}{Word(CityNames.SchoolWords, i)}小学", Place.PrimarySchool, d, 60, T(7), T(17, 30));
        }
        for (var i = 0; i < Math.Max(1, residents / 15_000); i++)
            Add($"辽源市第{i + 1}中学", Place.MiddleSchool, District(), 90, T(7), T(17, 30));
        for (var i = 0; i < Math.Max(10, residents / 400); i++)
        {
            // Many small firms, a few large ones.
            var staff = 30 + (int)(770 * Math.Pow(rng.NextDouble(), 3));
            var (word, industry) = Math.DivRem(i, CityNames.Industries.Length);
            var name = $"辽源{Word(CityNames.EnterpriseWords, word)}{CityNames.Industries[industry]}" +
                       CityNames.EnterpriseSuffixes[rng.Next(CityNames.EnterpriseSuffixes.Length)];
            Add(name, Place.Enterprise, District(), staff, T(7, 30), T(18));
        }
        for (var i = 0; i < Math.Max(2, residents / 5_000); i++)
            Add($"辽源{Word(CityNames.ProjectWords, i)}地块建设项目", Place.Construction, District(), 150, T(6), T(19));
        // Road checkpoints (卡口) run day and night: Opens == Closes == 00:00.
        for (byte d = 0; d < districts.Count; d++)
        {
            Add($"{Short(d)}高速出口卡口", Place.Checkpoint, d, 0, T(0), T(0));
            Add($"{Short(d)}国道卡口", Place.Checkpoint, d, 0, T(0), T(0));
        }
        AddBusLines(plan, residents, rng, Add);
        for (var c = 0; c < plan.Compounds.Count; c++)
            plan.CompoundGate.Add(Add($"{plan.Compounds[c].Name}门岗", Place.CompoundGate, plan.CompoundDistrict[c], 0, T(0), T(0), compound: plan.Compounds[c].Id));

        for (var v = 0; v < plan.Venues.Count; v++)
        {
            switch (plan.VenuePlace[v])
            {
                case Place.CityHall: plan.AddDevices(v, "东门 1号机", "西门 2号机"); break;
                case Place.Bus: plan.AddDevices(v, "车载终端"); break;
                case Place.CompoundGate: plan.AddDevices(v, "门岗 1号机"); break;
                case Place.Checkpoint: plan.AddDevices(v, "1号通道", "2号通道"); break;
                default:
                    if (plan.VenueStaffWeight[v] >= 60) plan.AddDevices(v, "正门 1号机", "侧门 2号机");
                    else plan.AddDevices(v, "正门 1号机");
                    break;
            }
        }
    }

    private delegate int AddVenue(string name, Place place, byte district, int staffWeight, TimeOnly opens, TimeOnly closes,
        int capacity = 0, bool allowsYellow = false, long? compound = null);

    /// <summary>Each vehicle is a venue, named by line and plate (吉D is Liaoyuan's plate prefix).</summary>
    private static void AddBusLines(CityPlan plan, int residents, Random rng, AddVenue add)
    {
        var plates = new HashSet<int>();
        var numbers = new int[Regions.Liaoyuan.Count];
        for (var l = 0; l < Math.Max(3, residents / 6_000); l++)
        {
            var d = WeightedDistrict(rng);
            var number = ++numbers[d];
            var vehicles = new int[rng.Next(4, 11)];
            for (var v = 0; v < vehicles.Length; v++)
            {
                int plate;
                do plate = rng.Next(10_000, 100_000); while (!plates.Add(plate));
                vehicles[v] = add($"{CityNames.BusLinePrefix[d]}{number}路 吉D·{plate}", Place.Bus, d, 0, T(5, 30), T(21), capacity: 60);
            }
            plan.AddLine(new BusLine(d, vehicles));
        }
    }

    public static byte WeightedDistrict(Random rng)
    {
        var r = rng.NextDouble();
        for (byte d = 0; d < CityNames.DistrictShare.Length - 1; d++)
        {
            if (r < CityNames.DistrictShare[d]) return d;
            r -= CityNames.DistrictShare[d];
        }
        return (byte)(CityNames.DistrictShare.Length - 1);
    }

    /// <summary>
    /// Sets each staffed venue's live cap from the residents who go there daily plus room for visitors, so the
    /// seeded occupancy never exceeds a cap (fixed caps — halls, buses — stay as set).
    /// </summary>
    public static void SetCapacities(CityPlan plan)
    {
        for (var v = 0; v < plan.Venues.Count; v++)
        {
            var visitors = plan.VenuePlace[v] switch
            {
                Place.Market or Place.Supermarket or Place.Hospital => 300,
                Place.FeverClinic or Place.DistrictHall => 30,
                Place.Kindergarten or Place.PrimarySchool or Place.MiddleSchool or Place.Enterprise or Place.Construction => 30,
                _ => -1,
            };
            if (visitors < 0) continue;
            plan.Venues[v].Capacity = (int)Math.Ceiling((plan.DailyCount[v] * 1.2 + visitors) / 10) * 10;
        }
    }

    public static VenueType TypeOf(Place p) => p switch
    {
        Place.CityHall or Place.DistrictHall => VenueType.ServiceHall,
        Place.Market => VenueType.Market,
        Place.Supermarket => VenueType.Supermarket,
        Place.Kindergarten or Place.PrimarySchool or Place.MiddleSchool => VenueType.School,
        Place.Hospital or Place.FeverClinic => VenueType.Hospital,
        Place.Enterprise => VenueType.Enterprise,
        Place.Construction => VenueType.ConstructionProject,
        Place.Checkpoint => VenueType.RoadCheckpoint,
        Place.Bus => VenueType.Bus,
        Place.CompoundGate => VenueType.CompoundGate,
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };
}

using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;

namespace Fangkong.Core.Seeding;

/// <summary>Lays out a Liaoyuan-like city — streets, communities, compounds, buildings, units, households, venues — for a population.</summary>
internal static class CityGenerator
{
    public const double PersonsPerHousehold = 2.45;
    private const int HouseholdsPerUnit = 12; // 6 floors × 2 doors
    private const int UnitsPerBuilding = 3;

    public static CityPlan Generate(int residents, Random rng)
    {
        var plan = new CityPlan();
        var households = (int)Math.Ceiling(residents / PersonsPerHousehold * 1.15); // slack so every resident has a home; the last households stay empty (vacant flats)
        long streetId = 0, communityId = 0, compoundId = 0, buildingId = 0, unitId = 0, householdId = 0;
        foreach (var district in Regions.Liaoyuan)
        {
            var districtHouseholds = (int)Math.Ceiling(households * CityNames.DistrictShare[district.Code]);
            var streets = CityNames.Streets[district.Code];
            var perStreet = (int)Math.Ceiling((double)districtHouseholds / streets.Length);
            foreach (var streetName in streets)
            {
                var street = new Street { Id = ++streetId, DistrictCode = district.Code, Name = streetName };
                plan.Streets.Add(street);
                var left = perStreet;
                var communityNo = 0;
                while (left > 0)
                {
                    var community = new Community { Id = ++communityId, StreetId = street.Id, Name = CommunityName(rng, ++communityNo, streetName) };
                    plan.Communities.Add(community);
                    // A community holds 1–4 compounds of 5–15 buildings.
                    var compounds = rng.Next(1, 5);
                    for (var c = 0; c < compounds && left > 0; c++)
                    {
                        var compound = new Compound { Id = ++compoundId, CommunityId = community.Id, Name = CompoundName(rng, compoundId) };
                        var compoundIndex = plan.Compounds.Count;
                        plan.Compounds.Add(compound);
                        plan.CompoundDistrict.Add(district.Code);
                        var buildings = rng.Next(5, 16);
                        for (var b = 1; b <= buildings && left > 0; b++)
                        {
                            var building = new Building { Id = ++buildingId, CompoundId = compound.Id, Number = b };
                            plan.Buildings.Add(building);
                            for (var u = 1; u <= UnitsPerBuilding && left > 0; u++)
                            {
                                var unit = new BuildingUnit { Id = ++unitId, BuildingId = building.Id, Number = u };
                                plan.Units.Add(unit);
                                for (var h = 0; h < HouseholdsPerUnit && left > 0; h++, left--)
                                    plan.Households.Add((++householdId, unit.Id, $"{h / 2 + 1}0{h % 2 + 1}", compoundIndex, district.Code));
                            }
                        }
                    }
                }
            }
        }
        AddVenues(plan, residents, rng);
        return plan;
    }

    private static string CommunityName(Random rng, int n, string street) =>
        CityNames.CommunityWords[rng.Next(CityNames.CommunityWords.Length)] + (street.EndsWith('镇') || street.EndsWith('乡') ? "村" : "社区") + (n > 1 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    private static string CompoundName(Random rng, long id) =>
        CityNames.CompoundWords[rng.Next(CityNames.CompoundWords.Length)] + CityNames.CompoundSuffixes[rng.Next(CityNames.CompoundSuffixes.Length)] + (id % 7 == 0 ? "二期" : "");

    private static void AddVenues(CityPlan plan, int residents, Random rng)
    {
        long id = 0;
        var districts = Regions.Liaoyuan.Select(d => d.Code).ToArray();
        string District() => districts[rng.Next(districts.Length)];
        Venue Add(string name, VenueType type, string district, int capacity, TimeOnly opens, TimeOnly closes, bool allowsYellow = false, long? compound = null)
        {
            var v = new Venue { Id = ++id, Name = name, Type = type, DistrictCode = district, Capacity = capacity, Opens = opens, Closes = closes, AllowsYellow = allowsYellow, CompoundId = compound };
            plan.AddVenue(v);
            return v;
        }
        static TimeOnly T(int h, int m = 0) => new(h, m);

        // Venue 1 is the municipal service hall the demo gate account works at (40 in the hall, domain.md §2).
        Add("辽源市政务服务中心", VenueType.ServiceHall, "220402", 40, T(8, 30), T(17));
        foreach (var d in Regions.Liaoyuan) Add($"{d.Name}政务服务中心", VenueType.ServiceHall, d.Code, 30, T(8, 30), T(17));
        for (var i = 1; i <= Math.Max(4, residents / 5_000); i++) Add($"{Pick(rng, ["东", "西", "南", "北", "中心", "新华", "人民"])}农贸市场{i}号", VenueType.Market, District(), 300, T(5), T(18));
        for (var i = 1; i <= Math.Max(4, residents / 4_000); i++) Add($"{Pick(rng, ["欧亚", "大润发", "万家福", "华联", "百货大楼"])}超市{i}店", VenueType.Supermarket, District(), 400, T(8), T(21));
        for (var i = 1; i <= Math.Max(3, residents / 2_500); i++) Add($"辽源市第{i}中小学", VenueType.School, District(), 1_200, T(7), T(17, 30));
        var hospitals = Math.Max(2, residents / 20_000);
        for (var i = 1; i <= hospitals; i++)
            Add(i == 1 ? "辽源市中心医院发热门诊" : $"辽源市第{i}人民医院", VenueType.Hospital, District(), 500, T(0), T(0), allowsYellow: i == 1);
        for (var i = 1; i <= Math.Max(10, residents / 500); i++)
            Add($"{CityNames.EnterpriseWords[i % CityNames.EnterpriseWords.Length]}{(i > CityNames.EnterpriseWords.Length ? $"{i}分厂" : "有限公司")}", VenueType.Enterprise, District(), 200, T(7, 30), T(18));
        for (var i = 1; i <= Math.Max(2, residents / 5_000); i++) Add($"辽源{Pick(rng, ["新城", "东辰", "龙山湖", "西安"])}建设项目{i}标段", VenueType.ConstructionProject, District(), 300, T(6), T(19));
        foreach (var d in Regions.Liaoyuan)
            for (var i = 1; i <= 2; i++) Add($"{d.Name}{(i == 1 ? "高速" : "国道")}卡口", VenueType.RoadCheckpoint, d.Code, 0, T(0), T(0));
        var lines = Math.Max(3, residents / 8_000);
        for (var line = 1; line <= lines; line++)
        {
            var vehicles = new List<Venue>();
            for (var v = 0; v < rng.Next(4, 9); v++)
                vehicles.Add(Add($"{line}路 吉D·{rng.Next(10_000, 99_999)}", VenueType.Bus, District(), 60, T(5, 30), T(21)));
            plan.BusLines.Add(vehicles);
        }
        for (var c = 0; c < plan.Compounds.Count; c++)
        {
            var compound = plan.Compounds[c];
            plan.CompoundGate.Add(Add($"{compound.Name}门岗", VenueType.CompoundGate, plan.CompoundDistrict[c], 0, T(0), T(0), compound: compound.Id).Id);
        }
        long deviceId = 0;
        foreach (var v in plan.Venues)
        {
            var devices = v.Type is VenueType.Bus or VenueType.CompoundGate ? 1 : 2;
            for (var d = 1; d <= devices; d++)
                plan.Devices.Add(new GateDevice { Id = ++deviceId, VenueId = v.Id, Name = v.Type == VenueType.Bus ? "车载终端" : d == 1 ? "正门 1号机" : "侧门 2号机" });
        }
    }

    private static string Pick(Random rng, string[] options) => options[rng.Next(options.Length)];
}

using System.Globalization;
using Fangkong.Core.People;
using Fangkong.Domain.People;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Lays out a Liaoyuan-like city for a population: district → street/town → community/village → compound →
/// building → unit → household, with exactly as many households as the residents fill (no empty household).
/// </summary>
internal static class CityGenerator
{
    private const int HouseholdsPerUnit = 12; // six-storey walk-ups, two doors a floor

    /// <summary>Household sizes 1–5 (mean ≈ 2.45; Jilin's 2020 census mean was 2.36).</summary>
    private static readonly double[] SizeShares = [0.17, 0.40, 0.28, 0.11, 0.04];

    public static CityPlan Generate(int residents, Random rng)
    {
        var plan = new CityPlan();
        var sizes = HouseholdSizes(residents, rng);
        var next = 0;
        long streetId = 0, communityId = 0, compoundId = 0, buildingId = 0, unitId = 0;
        for (byte district = 0; district < Regions.Liaoyuan.Count; district++)
        {
            var inDistrict = district == Regions.Liaoyuan.Count - 1
                ? sizes.Count - next
                : (int)Math.Round(sizes.Count * CityNames.DistrictShare[district]);
            var streets = CityNames.Streets[district];
            for (var s = 0; s < streets.Length; s++)
            {
                var street = new Street { Id = ++streetId, DistrictCode = Regions.Liaoyuan[district].Code, Name = streets[s] };
                plan.Streets.Add(street);
                var rural = streets[s].EndsWith('乡') || (streets[s].EndsWith('镇') && s > 0);
                var left = inDistrict / streets.Length + (s < inDistrict % streets.Length ? 1 : 0);
                for (var communityNo = 1; left > 0; communityNo++)
                {
                    var community = new People.Community { Id = ++communityId, StreetId = street.Id, Name = CommunityName(rng, communityNo, rural) };
                    plan.Communities.Add(community);
                    // A community holds 1–4 compounds; villages have fewer, lower buildings.
                    for (var c = rng.Next(1, 5); c > 0 && left > 0; c--)
                    {
                        var compound = new Compound { Id = ++compoundId, CommunityId = community.Id, Name = CompoundName(rng, rural) };
                        var compoundIndex = plan.Compounds.Count;
                        plan.Compounds.Add(compound);
                        plan.CompoundDistrict.Add(district);
                        var buildings = rural ? rng.Next(2, 7) : rng.Next(5, 16);
                        for (var b = 1; b <= buildings && left > 0; b++)
                        {
                            var building = new Building { Id = ++buildingId, CompoundId = compound.Id, Number = b };
                            plan.Buildings.Add(building);
                            for (var u = 1; u <= (rural ? 2 : 3) && left > 0; u++)
                            {
                                var unit = new BuildingUnit { Id = ++unitId, BuildingId = building.Id, Number = u };
                                plan.Units.Add(unit);
                                for (var h = 0; h < HouseholdsPerUnit && left > 0; h++, left--)
                                {
                                    var door = string.Create(CultureInfo.InvariantCulture, $"{h / 2 + 1}0{h % 2 + 1}");
                                    plan.Households.Add(new HouseholdPlan(plan.Households.Count + 1, unit.Id, door, compoundIndex, district, sizes[next++]));
                                }
                            }
                        }
                    }
                }
            }
        }
        VenuePlanner.AddVenues(plan, residents, rng);
        return plan;
    }

    /// <summary>Sizes that add up to exactly the number of residents.</summary>
    private static List<byte> HouseholdSizes(int residents, Random rng)
    {
        var sizes = new List<byte>(residents / 2);
        var left = residents;
        while (left > 0)
        {
            var r = rng.NextDouble();
            byte size = 1;
            for (var i = 0; i < SizeShares.Length - 1 && r >= SizeShares[i]; i++, size++) r -= SizeShares[i];
            size = (byte)Math.Min(size, left);
            sizes.Add(size);
            left -= size;
        }
        return sizes;
    }

    private static string CommunityName(Random rng, int n, bool rural) =>
        CityNames.CommunityWords[rng.Next(CityNames.CommunityWords.Length)] + (rural ? "村" : "社区") +
        (n > 1 ? n.ToString(CultureInfo.InvariantCulture) : "");

    private static string CompoundName(Random rng, bool rural) => rural
        ? CityNames.CommunityWords[rng.Next(CityNames.CommunityWords.Length)] + "屯"
        : CityNames.CompoundWords[rng.Next(CityNames.CompoundWords.Length)] +
          CityNames.CompoundSuffixes[rng.Next(CityNames.CompoundSuffixes.Length)] + (rng.Next(6) == 0 ? "二期" : "");
}

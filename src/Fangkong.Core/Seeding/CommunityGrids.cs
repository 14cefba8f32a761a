using Fangkong.Core.Community;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Divides the demo city's communities into grids of a few hundred households (网格), each with a named grid worker,
/// and the villages of the two counties (东丰县, 东辽县) into ten-household joint-defence units (十户联防), in address
/// order so neighbours share a grid. Ids are derived (grid = community × 100 + number, unit = grid × 1,000 + number),
/// so a seed always gives the same layout.
/// </summary>
internal static class CommunityGrids
{
    private static readonly HashSet<string> Counties = ["220421", "220422"];

    public static async Task SeedAsync(StorageOptions storage, CityPlan plan, BulkLoader loader, FangkongDb mapping, int seed, CancellationToken ct)
    {
        var names = new Random(unchecked(seed * 31 + 16));
        var grids = new List<Grid>();
        var units = new List<JointUnit>();
        var rows = new List<object?[]>(plan.Households.Count);
        var communities = plan.Communities.ToDictionary(c => c.Id);
        foreach (var community in plan.Households.GroupBy(h => plan.Compounds[h.CompoundIndex].CommunityId))
        {
            var households = community.ToList();
            var info = communities[community.Key];
            var village = GridDivision.IsVillage(info.Name) && Counties.Contains(Regions.Liaoyuan[households[0].District].Code);
            var at = 0;
            var sizes = GridDivision.GridSizes(households.Count);
            for (var g = 0; g < sizes.Count; g++)
            {
                var grid = new Grid { Id = community.Key * 100 + g + 1, CommunityId = community.Key, Number = g + 1, Name = $"第{g + 1}网格", WorkerName = WorkerName(names) };
                grids.Add(grid);
                var inGrid = households.GetRange(at, sizes[g]);
                at += sizes[g];
                if (!village)
                {
                    rows.AddRange(inGrid.Select(h => new object?[] { h.Id, grid.Id, community.Key, null }));
                    continue;
                }
                var from = 0;
                var unitSizes = GridDivision.UnitSizes(inGrid.Count);
                for (var u = 0; u < unitSizes.Count; u++)
                {
                    var unit = new JointUnit { Id = grid.Id * 1000 + u + 1, GridId = grid.Id, Number = u + 1 };
                    units.Add(unit);
                    rows.AddRange(inGrid.GetRange(from, unitSizes[u]).Select(h => new object?[] { h.Id, grid.Id, community.Key, (object?)unit.Id }));
                    from += unitSizes[u];
                }
            }
        }
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Grids.AddRange(grids);
            db.JointUnits.AddRange(units);
            await db.SaveChangesAsync(ct);
        }
        var (table, columns) = BulkLoader.Mapping<GridHousehold>(mapping, nameof(GridHousehold.HouseholdId), nameof(GridHousehold.GridId),
            nameof(GridHousehold.CommunityId), nameof(GridHousehold.JointUnitId));
        await loader.WriteAsync(table, columns, rows, null, ct);
    }

    /// <summary>Each ten-household unit's responsible person: its first resident of working age (once the residents are loaded).</summary>
    public static async Task NameResponsibleAsync(FangkongDb db, DateOnly today, CancellationToken ct)
    {
        var youngest = today.AddYears(-25);
        var oldest = today.AddYears(-65);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE joint_units SET "ResponsiblePersonId" = (
              SELECT MIN(p."Id") FROM persons p JOIN grid_households g ON g."HouseholdId" = p."HouseholdId"
              WHERE g."JointUnitId" = joint_units."Id" AND p."BirthDate" <= {youngest} AND p."BirthDate" > {oldest})
            """, ct);
    }

    /// <summary>The grid a household lies in (the demo grid worker's), or null.</summary>
    public static async Task<(long GridId, long CommunityId)?> OfPersonAsync(FangkongDb db, long personId, CancellationToken ct) =>
        await (from p in db.Persons
               where p.Id == personId
               join g in db.GridHouseholds on p.HouseholdId equals g.HouseholdId
               select new { g.GridId, g.CommunityId }).FirstOrDefaultAsync(ct) is { } row ? (row.GridId, row.CommunityId) : null;

    private static string WorkerName(Random rng)
    {
        var surname = CityNames.Surnames[rng.Next(Math.Min(20, CityNames.Surnames.Length))].Name;
        var chars = CityNames.FemaleChars;
        return surname + chars[rng.Next(chars.Length)] + (rng.Next(3) > 0 ? chars[rng.Next(chars.Length)] : "");
    }
}

using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Community;

/// <summary>The seeded city's demo grid and the records around it that the community tests pick from.</summary>
internal sealed record CommunityWorld(long GridId, long CommunityId, long OtherGridId, long OtherHouseholdId, long OtherPersonId)
{
    public static async Task<CommunityWorld> ReadAsync(FangkongDb db)
    {
        var grid = await db.Users.Where(u => u.UserName == "grid").Select(u => u.JurisdictionId!.Value).SingleAsync();
        var community = await db.Grids.Where(g => g.Id == grid).Select(g => g.CommunityId).SingleAsync();
        var other = await db.GridHouseholds.Where(h => h.CommunityId != community).OrderBy(h => h.HouseholdId).FirstAsync();
        var person = await db.Persons.Where(p => p.HouseholdId == other.HouseholdId).Select(p => p.Id).FirstAsync();
        return new CommunityWorld(grid, community, other.GridId, other.HouseholdId, person);
    }

    /// <summary>A household of the demo grid with at least two members, and its members.</summary>
    public async Task<(long Household, List<long> Members)> FamilyAsync(FangkongDb db)
    {
        var household = await (from h in db.GridHouseholds
                               where h.GridId == GridId && db.Persons.Count(p => p.HouseholdId == h.HouseholdId) >= 2
                               orderby h.HouseholdId
                               select h.HouseholdId).FirstAsync();
        return (household, await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
    }
}

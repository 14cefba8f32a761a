using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

/// <summary>The caller's area as a page heads it: "福镇社区 · 第1网格", or the whole city.</summary>
public sealed record CommunityArea(string Role, string DisplayName, long? CommunityId, string? Community, long? GridId, string? Grid);

/// <summary>
/// What one account may see and do in the community's records, from its role and the jurisdiction stored on the
/// account (ADR 0021): a grid worker their own grid, a community officer their own community, epidemiologists and
/// administrators everything. Every Community use case starts here, so the rule holds for pages and API alike; a record
/// outside the caller's area is "not found", so its number reveals nothing.
/// </summary>
public sealed class CommunityScope
{
    private CommunityScope(long userId, string userName, string displayName, string role, long? communityId, long? gridId,
        string? districtCode = null, long? streetId = null)
    {
        UserId = userId; UserName = userName; DisplayName = displayName; Role = role; CommunityId = communityId; GridId = gridId;
        DistrictCode = districtCode; StreetId = streetId;
    }

    public long UserId { get; }
    public string UserName { get; }
    public string DisplayName { get; }
    public string Role { get; }
    /// <summary>The caller's community (a grid worker's is their grid's); null for the whole city.</summary>
    public long? CommunityId { get; }
    /// <summary>The grid worker's grid; null for everyone else.</summary>
    public long? GridId { get; }

    /// <summary>An epidemiologist's or administrator's district or street (ADR 0028); null for the whole city.</summary>
    public string? DistrictCode { get; }
    public long? StreetId { get; }

    public bool WholeCity => CommunityId is null && DistrictCode is null && StreetId is null;

    /// <summary>
    /// An account keying in a grid's work for the grid's worker (the outbreak simulation's door knocking): the account
    /// is who wrote the record, the worker's name is who did the visit.
    /// </summary>
    internal static CommunityScope ForGridWork(long userId, string userName, string workerName, long communityId, long gridId) =>
        new(userId, userName, workerName, Roles.GridWorker, communityId, gridId);

    /// <summary>The account's scope, read from the store on every request so a changed jurisdiction applies at once.</summary>
    public static async Task<CommunityScope> ForAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new ForbiddenException(Messages.Get("Community.NoScope"));
        switch (user.Role)
        {
            case Roles.Epidemiologist or Roles.Administrator:
                // Their area is the account's jurisdiction (ADR 0028): the whole city, or a district, street, community or grid.
                var area = await Jurisdictions.ReachAsync(db, user.Id, ct);
                var areaCommunity = area?.GridId is { } areaGrid
                    ? await db.Grids.Where(g => g.Id == areaGrid).Select(g => (long?)g.CommunityId).FirstOrDefaultAsync(ct) ?? -1
                    : area?.CommunityId;
                return new(user.Id, user.UserName, user.DisplayName, user.Role, areaCommunity, area?.GridId, area?.DistrictCode, area?.StreetId);
            case Roles.GridWorker when user is { JurisdictionLevel: JurisdictionLevel.Grid, JurisdictionId: { } gridId }:
                var community = await db.Grids.Where(g => g.Id == gridId).Select(g => (long?)g.CommunityId).FirstOrDefaultAsync(ct)
                    ?? throw new ForbiddenException(Messages.Get("Community.NoScope"));
                return new(user.Id, user.UserName, user.DisplayName, user.Role, community, gridId);
            case Roles.CommunityOfficer when user is { JurisdictionLevel: JurisdictionLevel.Community, JurisdictionId: { } communityId }:
                return new(user.Id, user.UserName, user.DisplayName, user.Role, communityId, null);
            default:
                throw new ForbiddenException(Messages.Get("Community.NoScope"));
        }
    }

    public static async Task<CommunityArea> DescribeAsync(FangkongDb db, CommunityScope scope, CancellationToken ct)
    {
        var community = scope.CommunityId is { } c ? await db.Communities.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var grid = scope.GridId is { } g ? await db.Grids.Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new CommunityArea(scope.Role, scope.DisplayName, scope.CommunityId, community, scope.GridId, grid);
    }

    /// <summary>Recording screenings, raising problems and registering special groups: community workers and administrators, not epidemiologists (who read).</summary>
    public void EnsureMayWrite()
    {
        if (Role == Roles.Epidemiologist) throw new ForbiddenException(Messages.Get("Community.ReadOnly"));
    }

    /// <summary>Answering problems and ending registrations: the community's officers and administrators.</summary>
    public void EnsureOfficer()
    {
        if (Role is not (Roles.CommunityOfficer or Roles.Administrator)) throw new ForbiddenException(Messages.Get("Community.OfficersOnly"));
    }

    public IQueryable<GridHousehold> Households(FangkongDb db) =>
        GridId is { } g ? db.GridHouseholds.Where(h => h.GridId == g)
        : CommunityId is { } c ? db.GridHouseholds.Where(h => h.CommunityId == c)
        : InArea(db, db.GridHouseholds, h => h.CommunityId);

    public IQueryable<Grid> Grids(FangkongDb db) =>
        GridId is { } g ? db.Grids.Where(x => x.Id == g)
        : CommunityId is { } c ? db.Grids.Where(x => x.CommunityId == c)
        : InArea(db, db.Grids, x => x.CommunityId);

    public IQueryable<Screening> Screenings(FangkongDb db) =>
        GridId is { } g ? db.Screenings.Where(s => s.GridId == g)
        : CommunityId is { } c ? db.Screenings.Where(s => s.CommunityId == c)
        : InArea(db, db.Screenings, s => s.CommunityId);

    public IQueryable<CommunityProblem> Problems(FangkongDb db) =>
        GridId is { } g ? db.CommunityProblems.Where(p => p.GridId == g)
        : CommunityId is { } c ? db.CommunityProblems.Where(p => p.CommunityId == c)
        : InArea(db, db.CommunityProblems, p => p.CommunityId);

    public IQueryable<SpecialGroupMember> SpecialGroups(FangkongDb db) =>
        GridId is { } g ? db.SpecialGroupMembers.Where(m => m.GridId == g)
        : CommunityId is { } c ? db.SpecialGroupMembers.Where(m => m.CommunityId == c)
        : InArea(db, db.SpecialGroupMembers, m => m.CommunityId);

    /// <summary>Rows of the communities in the caller's street or district (ADR 0028); all rows for the whole city.</summary>
    private IQueryable<T> InArea<T>(FangkongDb db, IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, long>> community)
    {
        if (StreetId is { } street) return rows.Where(Within(community, db.Communities.Where(c => c.StreetId == street).Select(c => c.Id)));
        if (DistrictCode is { } district)
            return rows.Where(Within(community, db.Communities.Where(c => db.Streets.Any(s => s.Id == c.StreetId && s.DistrictCode == district)).Select(c => c.Id)));
        return rows;
    }

    // row => communities.Contains(community(row)), built once so each query above names its own community column.
    private static System.Linq.Expressions.Expression<Func<T, bool>> Within<T>(System.Linq.Expressions.Expression<Func<T, long>> community, IQueryable<long> communities)
    {
        var contains = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(long)],
            communities.Expression, community.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, community.Parameters);
    }

    /// <summary>The household's grid row, if the household lies in the caller's area; otherwise "not found".</summary>
    public async Task<GridHousehold> HouseholdAsync(FangkongDb db, long householdId, string field, CancellationToken ct) =>
        await Households(db).AsNoTracking().FirstOrDefaultAsync(h => h.HouseholdId == householdId, ct)
            ?? throw new NotFoundException(field, Messages.Get("Community.NoSuchHousehold"));

    public async Task<Grid> GridAsync(FangkongDb db, long gridId, CancellationToken ct) =>
        await Grids(db).AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct)
            ?? throw new NotFoundException("gridId", Messages.Get("Community.NoSuchGrid"));
}

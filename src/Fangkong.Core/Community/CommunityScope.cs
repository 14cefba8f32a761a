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
    private CommunityScope(long userId, string userName, string displayName, string role, long? communityId, long? gridId)
    {
        UserId = userId; UserName = userName; DisplayName = displayName; Role = role; CommunityId = communityId; GridId = gridId;
    }

    public long UserId { get; }
    public string UserName { get; }
    public string DisplayName { get; }
    public string Role { get; }
    /// <summary>The caller's community (a grid worker's is their grid's); null for the whole city.</summary>
    public long? CommunityId { get; }
    /// <summary>The grid worker's grid; null for everyone else.</summary>
    public long? GridId { get; }

    public bool WholeCity => CommunityId is null;

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
                return new(user.Id, user.UserName, user.DisplayName, user.Role, null, null);
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
        : db.GridHouseholds;

    public IQueryable<Grid> Grids(FangkongDb db) =>
        GridId is { } g ? db.Grids.Where(x => x.Id == g)
        : CommunityId is { } c ? db.Grids.Where(x => x.CommunityId == c)
        : db.Grids;

    public IQueryable<Screening> Screenings(FangkongDb db) =>
        GridId is { } g ? db.Screenings.Where(s => s.GridId == g)
        : CommunityId is { } c ? db.Screenings.Where(s => s.CommunityId == c)
        : db.Screenings;

    public IQueryable<CommunityProblem> Problems(FangkongDb db) =>
        GridId is { } g ? db.CommunityProblems.Where(p => p.GridId == g)
        : CommunityId is { } c ? db.CommunityProblems.Where(p => p.CommunityId == c)
        : db.CommunityProblems;

    public IQueryable<SpecialGroupMember> SpecialGroups(FangkongDb db) =>
        GridId is { } g ? db.SpecialGroupMembers.Where(m => m.GridId == g)
        : CommunityId is { } c ? db.SpecialGroupMembers.Where(m => m.CommunityId == c)
        : db.SpecialGroupMembers;

    /// <summary>The household's grid row, if the household lies in the caller's area; otherwise "not found".</summary>
    public async Task<GridHousehold> HouseholdAsync(FangkongDb db, long householdId, string field, CancellationToken ct) =>
        await Households(db).AsNoTracking().FirstOrDefaultAsync(h => h.HouseholdId == householdId, ct)
            ?? throw new NotFoundException(field, Messages.Get("Community.NoSuchHousehold"));

    public async Task<Grid> GridAsync(FangkongDb db, long gridId, CancellationToken ct) =>
        await Grids(db).AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct)
            ?? throw new NotFoundException("gridId", Messages.Get("Community.NoSuchGrid"));
}

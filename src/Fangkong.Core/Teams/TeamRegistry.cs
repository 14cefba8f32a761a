using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Teams;

/// <summary>
/// Teams deployed by the command: created in an area with the role their members work in, staffed with accounts, led by
/// one of them, disbanded when sent home. An account is in at most one team at a time, so its output counts once.
/// </summary>
public sealed class TeamRegistry(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxMembersAtOnce = 2_000;

    public async Task<TeamRow> CreateAsync(FangkongDb db, NewTeam r, long byUserId, CancellationToken ct)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length is < 2 or > 64) throw new InputException("name", Messages.Get("Teams.NameLength"));
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) throw new InputException("kind", Messages.Get("Teams.KindRequired"));
        var role = r.WorkRole?.Trim() ?? "";
        if (!Roles.All.Contains(role) || role == Roles.Resident) throw new InputException("workRole", Messages.Get("Teams.WorkRole"));
        var district = r.DistrictCode?.Trim() ?? "";
        if (!await db.Districts.AnyAsync(d => d.Code == district, ct)) throw new InputException("districtCode", Messages.Get("Teams.UnknownDistrict"));
        if (r.CommunityId is { } community && !await (from c in db.Communities
                                                      join s in db.Streets on c.StreetId equals s.Id
                                                      where c.Id == community && s.DistrictCode == district
                                                      select c.Id).AnyAsync(ct))
            throw new InputException("communityId", Messages.Get("Teams.CommunityNotInDistrict"));
        var from = r.From?.Trim();
        if (from is { Length: > 100 }) throw new InputException("from", Messages.Get("Teams.FromLength"));
        if (await db.Teams.AnyAsync(t => t.Name == name, ct)) throw new InputException("name", Messages.Get("Teams.NameTaken", name));
        var team = new Team
        {
            Id = ids.Next(),
            Name = name,
            Kind = kind,
            WorkRole = role,
            DistrictCode = district,
            CommunityId = r.CommunityId,
            From = string.IsNullOrEmpty(from) ? null : from,
            CreatedAtUtc = clock.UtcNow,
            CreatedByUserId = byUserId,
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return (await TeamRows.OfAsync(db, db.Teams.Where(t => t.Id == team.Id), ct)).Single();
    }

    public static async Task<Page<TeamRow>> ListAsync(FangkongDb db, TeamFilter f, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(f.Page, f.PageSize);
        LineFilters.Defined(f.Kind, "kind");
        var q = db.Teams.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(t => t.Name.Contains(f.Q.Trim()) || (t.From != null && t.From.Contains(f.Q.Trim())));
        if (f.Kind is { } k) q = q.Where(t => t.Kind == k);
        if (LineFilters.District(f.DistrictCode) is { } district) q = q.Where(t => t.DistrictCode == district);
        q = f.Disbanded switch
        {
            true => q.Where(t => t.DisbandedAtUtc != null),
            false => q.Where(t => t.DisbandedAtUtc == null),
            null => q,
        };
        var total = await q.LongCountAsync(ct);
        var items = await TeamRows.OfAsync(db, q.OrderBy(t => t.DisbandedAtUtc != null).ThenBy(t => t.DistrictCode).ThenBy(t => t.Name).Skip((p - 1) * s).Take(s), ct);
        return new Page<TeamRow>(items, p, s, total);
    }

    public static async Task<TeamView?> GetAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var row = (await TeamRows.OfAsync(db, db.Teams.Where(t => t.Id == id), ct)).SingleOrDefault();
        if (row is null) return null;
        var leader = await db.Teams.Where(t => t.Id == id).Select(t => t.LeaderUserId).SingleAsync(ct);
        var members = await (from m in db.TeamMembers.AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             where m.TeamId == id
                             orderby m.LeftAtUtc != null, u.DisplayName, m.JoinedAtUtc
                             select new TeamMemberView(u.Id, u.UserName, u.DisplayName, u.Role, u.Id == leader && m.LeftAtUtc == null, m.JoinedAtUtc, m.LeftAtUtc))
            .ToListAsync(ct);
        return new TeamView(row, members);
    }

    /// <summary>Adds accounts by user name, all or none: every name must be a staff account not in another team now.</summary>
    public async Task<TeamView> AddMembersAsync(FangkongDb db, long teamId, TeamMembersRequest r, CancellationToken ct)
    {
        var team = await OpenTeamAsync(db, teamId, ct);
        var names = (r.UserNames ?? []).Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new InputException("userNames", Messages.Get("Teams.NoMembersGiven"));
        if (names.Count > MaxMembersAtOnce) throw new InputException("userNames", Messages.Get("Teams.TooManyMembers", MaxMembersAtOnce));
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName)).Select(u => new { u.Id, u.UserName, u.Role }).ToListAsync(ct);
        if (names.FirstOrDefault(n => users.All(u => u.UserName != n)) is { } unknown)
            throw new InputException("userNames", Messages.Get("Teams.UnknownAccount", unknown));
        if (users.FirstOrDefault(u => u.Role == Roles.Resident) is { } resident)
            throw new InputException("userNames", Messages.Get("Teams.ResidentNotStaff", resident.UserName));
        var userIds = users.Select(u => u.Id).ToList();
        var busy = await (from m in db.TeamMembers
                          join t in db.Teams on m.TeamId equals t.Id
                          join u in db.Users on m.UserId equals u.Id
                          where m.LeftAtUtc == null && userIds.Contains(m.UserId) && m.TeamId != teamId
                          select new { u.UserName, t.Name }).FirstOrDefaultAsync(ct);
        if (busy is not null) throw new InputException("userNames", Messages.Get("Teams.InAnotherTeam", busy.UserName, busy.Name));
        var already = await db.TeamMembers.Where(m => m.TeamId == teamId && m.LeftAtUtc == null && userIds.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        var now = clock.UtcNow;
        foreach (var id in userIds.Except(already))
            db.TeamMembers.Add(new TeamMember { Id = ids.Next(), TeamId = team.Id, UserId = id, JoinedAtUtc = now });
        await db.SaveChangesAsync(ct);
        return (await GetAsync(db, teamId, ct))!;
    }

    /// <summary>A member leaves: their output until now stays the team's; their future shifts are taken off the roster.</summary>
    public async Task<TeamView> RemoveMemberAsync(FangkongDb db, long teamId, long userId, CancellationToken ct)
    {
        var team = await OpenTeamAsync(db, teamId, ct);
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId && m.LeftAtUtc == null, ct)
            ?? throw new NotFoundException("userId", Messages.Get("Teams.NotAMember"));
        member.LeftAtUtc = clock.UtcNow;
        if (team.LeaderUserId == userId) team.LeaderUserId = null;
        var today = clock.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.TeamShifts.Where(s => s.TeamId == teamId && s.UserId == userId && s.Day > today).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetAsync(db, teamId, ct))!;
    }

    public async Task<TeamView> SetLeaderAsync(FangkongDb db, long teamId, TeamLeaderRequest r, CancellationToken ct)
    {
        var team = await OpenTeamAsync(db, teamId, ct);
        if (r.UserId is not { } userId || !await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId && m.LeftAtUtc == null, ct))
            throw new InputException("userId", Messages.Get("Teams.LeaderMustBeMember"));
        team.LeaderUserId = userId;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(db, teamId, ct))!;
    }

    /// <summary>The team is sent home: every member leaves now and the roster after today is cleared.</summary>
    public async Task<TeamView> DisbandAsync(FangkongDb db, long teamId, CancellationToken ct)
    {
        var team = await OpenTeamAsync(db, teamId, ct);
        var now = clock.UtcNow;
        var today = clock.Today;
        team.DisbandedAtUtc = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.TeamMembers.Where(m => m.TeamId == teamId && m.LeftAtUtc == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.LeftAtUtc, now), ct);
        await db.TeamShifts.Where(s => s.TeamId == teamId && s.Day > today).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetAsync(db, teamId, ct))!;
    }

    internal static async Task<Team> OpenTeamAsync(FangkongDb db, long teamId, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("id", Messages.Get("Teams.NoSuchTeam"));
        if (team.DisbandedAtUtc is not null) throw new ConflictException(Messages.Get("Teams.Disbanded", team.Name), "TeamDisbanded");
        return team;
    }
}

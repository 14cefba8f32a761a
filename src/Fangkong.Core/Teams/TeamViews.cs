using Fangkong.Domain.Teams;

namespace Fangkong.Core.Teams;

public sealed record NewTeam(string? Name, TeamKind? Kind, string? WorkRole, string? DistrictCode, long? CommunityId, string? From);

public sealed record TeamFilter(string? Q, TeamKind? Kind, string? DistrictCode, bool? Disbanded, int? Page, int? PageSize);

/// <summary>A team in a list: where it works, how many members now, who leads it.</summary>
public sealed record TeamRow(long Id, string Name, TeamKind Kind, string WorkRole, string DistrictCode, string DistrictName, long? CommunityId,
    string? CommunityName, string? From, int Members, string? Leader, DateTime CreatedAtUtc, DateTime? DisbandedAtUtc);

/// <summary>A member as the team page shows them: the account, masked phone-free, leader or not, since when, until when.</summary>
public sealed record TeamMemberView(long UserId, string UserName, string DisplayName, string Role, bool Leader, DateTime JoinedAtUtc, DateTime? LeftAtUtc);

public sealed record TeamView(TeamRow Team, IReadOnlyList<TeamMemberView> Members);

/// <summary>Members added by user name; each name is one account.</summary>
public sealed record TeamMembersRequest(IReadOnlyList<string>? UserNames);

public sealed record TeamLeaderRequest(long? UserId);

/// <summary>Shifts for members (none: every current member) on each day from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record NewShifts(IReadOnlyList<long>? UserIds, DateOnly? From, DateOnly? To, TimeOnly? Starts, TimeOnly? Ends, string? Post);

public sealed record ShiftView(long Id, long UserId, string DisplayName, DateOnly Day, TimeOnly Starts, TimeOnly Ends, string? Post, bool OnDutyNow);

/// <summary>A day's output of a team, or of one member, by activity (every activity present, zero when none).</summary>
public sealed record DayOutput(DateOnly Day, IReadOnlyDictionary<TeamActivity, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

public sealed record MemberOutput(long UserId, string DisplayName, IReadOnlyDictionary<TeamActivity, int> Counts);

public sealed record TeamOutputView(long TeamId, DateOnly From, DateOnly To, IReadOnlyList<DayOutput> Days, IReadOnlyList<MemberOutput> Members);

using Fangkong.Domain.Teams;

namespace Fangkong.Core.Teams;

/// <summary>A team deployed in an area: its kind, the role its members work in, its leader; disbanded when sent home.</summary>
public sealed class Team
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public TeamKind Kind { get; set; }
    /// <summary>The account role the members work in (Accounts.Roles), e.g. "sampler" for a sampling team.</summary>
    public required string WorkRole { get; set; }
    /// <summary>The district the team works in; a team is always somewhere.</summary>
    public required string DistrictCode { get; set; }
    /// <summary>The community it is assigned to within its district, when narrower than the district.</summary>
    public long? CommunityId { get; set; }
    /// <summary>Where the team comes from (an aid team's home city or unit), as the command writes it.</summary>
    public string? From { get; set; }
    public long? LeaderUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public long CreatedByUserId { get; set; }
    public DateTime? DisbandedAtUtc { get; set; }
}

/// <summary>An account's membership of a team, from joining until leaving; output counts only while a member.</summary>
public sealed class TeamMember
{
    public long Id { get; set; }
    public long TeamId { get; set; }
    public long UserId { get; set; }
    public DateTime JoinedAtUtc { get; set; }
    public DateTime? LeftAtUtc { get; set; }
}

/// <summary>One member on duty for one shift of the roster (排班), at a post when the team has several.</summary>
public sealed class TeamShift
{
    public long Id { get; set; }
    public long TeamId { get; set; }
    public long UserId { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Starts { get; set; }
    public TimeOnly Ends { get; set; }
    public string? Post { get; set; }
}

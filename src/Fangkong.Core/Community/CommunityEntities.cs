using Fangkong.Domain.Community;

namespace Fangkong.Core.Community;

/// <summary>A grid (网格): a few hundred households of one community under one grid worker.</summary>
public sealed class Grid
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public int Number { get; set; }
    /// <summary>As the community calls it ("第3网格"); names are data, typed once.</summary>
    public required string Name { get; set; }
    /// <summary>The grid worker's name as residents know it. Their account, if any, names the grid as its jurisdiction (ADR 0021).</summary>
    public required string WorkerName { get; set; }
}

/// <summary>A village's ten-household joint-defence unit (十户联防) under one responsible resident who reports problems at once.</summary>
public sealed class JointUnit
{
    public long Id { get; set; }
    public long GridId { get; set; }
    public int Number { get; set; }
    /// <summary>The responsible resident (usually a party member of the village).</summary>
    public long? ResponsiblePersonId { get; set; }
}

/// <summary>Which grid (and, in a village, which ten-household unit) a household belongs to.</summary>
public sealed class GridHousehold
{
    public long HouseholdId { get; set; }
    public long GridId { get; set; }
    public long CommunityId { get; set; }
    public long? JointUnitId { get; set; }
}

/// <summary>One door-to-door screening visit (敲门行动) at a household.</summary>
public sealed class Screening
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public long GridId { get; set; }
    public long CommunityId { get; set; }
    public DateTime VisitedAtUtc { get; set; }
    public long ByUserId { get; set; }
    public required string ByName { get; set; }
    public ScreeningOutcome Outcome { get; set; }
    public string? Note { get; set; }
}

/// <summary>A member as the visit found them: present, or away (where, since when); returned from where and when; needs noticed.</summary>
public sealed class ScreeningMember
{
    public long ScreeningId { get; set; }
    public long PersonId { get; set; }
    public bool Present { get; set; }
    public string? AwayAt { get; set; }
    public DateOnly? AwaySince { get; set; }
    public string? ReturnedFrom { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? Needs { get; set; }
}

/// <summary>A problem a grid worker raised; it reaches the community's officers at once and is answered or closed there.</summary>
public sealed class CommunityProblem
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public long? GridId { get; set; }
    public long? HouseholdId { get; set; }
    public ProblemCategory Category { get; set; }
    public required string Text { get; set; }
    public long RaisedByUserId { get; set; }
    public required string RaisedByName { get; set; }
    public DateTime RaisedAtUtc { get; set; }
    /// <summary>When an officer of the community first opened it (unread until then).</summary>
    public DateTime? ReadAtUtc { get; set; }
    public ProblemState State { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredByName { get; set; }
    public long? AnsweredByUserId { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
}

/// <summary>A person registered in a special group, with the worker responsible for them ("一人一策").</summary>
public sealed class SpecialGroupMember
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public SpecialGroup Group { get; set; }
    /// <summary>The person's community and grid when registered, so the register filters without walking the address tree.</summary>
    public long CommunityId { get; set; }
    public long? GridId { get; set; }
    public required string ResponsibleName { get; set; }
    public string? ResponsiblePhone { get; set; }
    public string? Note { get; set; }
    public long RegisteredByUserId { get; set; }
    public DateTime RegisteredAtUtc { get; set; }
    /// <summary>Set when the person leaves the group (recovered, moved, died); the row stays as the record.</summary>
    public DateTime? EndedAtUtc { get; set; }
    public long? EndedByUserId { get; set; }
}

using Fangkong.Domain.Institutions;

namespace Fangkong.Core.Institutions;

/// <summary>
/// An institution that reports (issue 23): an enterprise, key project, school, college, nursing home, child welfare
/// institution or medical institution in a district (and community), with its size, responsible person and prevention
/// plan (一企一策 / 一校一策). Closed management is a date range on it; resumption (part 3) and antigen kits (part 5) will
/// hang their own rows off its id.
/// </summary>
public sealed class Institution
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public InstitutionKind Kind { get; set; }
    public required string DistrictCode { get; set; }
    public long? CommunityId { get; set; }
    public string? Address { get; set; }
    public int Staff { get; set; }
    public int Students { get; set; }
    public int Residents { get; set; }
    public int Beds { get; set; }
    public required string ResponsibleName { get; set; }
    public string? ResponsiblePhone { get; set; }
    public string? PreventionPlan { get; set; }
    /// <summary>Closed management (封闭管理) since this city day; null when not closed.</summary>
    public DateOnly? ClosedSince { get; set; }
    /// <summary>The day closed management was lifted (kept for the record until closed again).</summary>
    public DateOnly? ClosedUntil { get; set; }
    /// <summary>The closed loop's shift length in days when closed (the policy's unless set).</summary>
    public int? ShiftDays { get; set; }
    /// <summary>An import's key ("x:{name}:{district}"): the same list imported twice makes each institution once.</summary>
    public string? SourceKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One of an institution's own people, linked to the person in the registry, in a unit (class, workshop, ward).</summary>
public sealed class InstitutionMember
{
    public long Id { get; set; }
    public long InstitutionId { get; set; }
    public long PersonId { get; set; }
    public required string Unit { get; set; }
    public MemberKind Kind { get; set; }
    public DateTime AddedAtUtc { get; set; }
}

/// <summary>
/// One unit's report for one city day (日检日报): a reporter's one submission for the class or workshop, a member's own
/// from the phone (its unit then), or a zero report (零报告: everyone normal). One per unit and day; a later submission
/// the same day adds readings.
/// </summary>
public sealed class InstitutionReport
{
    public long Id { get; set; }
    public long InstitutionId { get; set; }
    public required string Unit { get; set; }
    public DateOnly Day { get; set; }
    public bool Zero { get; set; }
    public int Readings { get; set; }
    public int Fevers { get; set; }
    public long ReportedByUserId { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>"k:{user}:{key}": the same submission again answers with the report it made.</summary>
    public string? SourceKey { get; set; }
    public required string PolicyVersion { get; set; }
}

/// <summary>A member's temperature and symptoms on a day (personal data: retained like check-ins).</summary>
public sealed class MemberReading
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public long InstitutionId { get; set; }
    public long PersonId { get; set; }
    public DateOnly Day { get; set; }
    public decimal Celsius { get; set; }
    public bool Symptoms { get; set; }
    public bool Fever { get; set; }
}

/// <summary>
/// A member with a fever or symptoms sent to a fever clinic (发热门诊) from a daily report, with the unit whose members are
/// the contact list an epidemiologist opens for tracing.
/// </summary>
public sealed class FeverReferral
{
    public long Id { get; set; }
    public long InstitutionId { get; set; }
    public long PersonId { get; set; }
    public long ReportId { get; set; }
    public required string Unit { get; set; }
    public DateOnly Day { get; set; }
    public decimal Celsius { get; set; }
    public bool Symptoms { get; set; }
    /// <summary>The fever clinic (a venue of that type) the member is sent to, the district's first when it has one.</summary>
    public long? ClinicVenueId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A staff member's closed-loop shift inside a closed institution (闭环), from its first day for N days.</summary>
public sealed class StaffShift
{
    public long Id { get; set; }
    public long InstitutionId { get; set; }
    public long PersonId { get; set; }
    public DateOnly StartsOn { get; set; }
    public int Days { get; set; }
    public DateOnly? EndedOn { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A test a staff member on a closed-loop shift took on a day (nucleic acid or antigen), and its result.</summary>
public sealed class ShiftTest
{
    public long Id { get; set; }
    public long ShiftId { get; set; }
    public DateOnly Day { get; set; }
    public bool Antigen { get; set; }
    public bool Positive { get; set; }
    public DateTime AtUtc { get; set; }
}

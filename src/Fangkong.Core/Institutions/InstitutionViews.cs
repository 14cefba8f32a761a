using Fangkong.Domain.Institutions;

namespace Fangkong.Core.Institutions;

/// <summary>One unit of an institution and its day: members, whether it reported (or filed a zero report), fevers, and whether it is missing past the deadline.</summary>
public sealed record UnitView(string Unit, int Members, bool Reported, bool Zero, int Readings, int Fevers, bool Missing);

/// <summary>An institution as officers and its reporter read it: its details, closed management, and today's units.</summary>
public sealed record InstitutionView(long Id, string Name, InstitutionKind Kind, string KindName, string DistrictCode, string District, long? CommunityId,
    string? Address, int Staff, int Students, int Residents, int Beds, string ResponsibleName, string? ResponsiblePhone, string PlanWord, string? PreventionPlan,
    DateOnly? ClosedSince, DateOnly? ClosedUntil, int? ShiftDays, bool Closed, bool VisitorsAllowed, int Members, DateOnly Day, DateTime Deadline,
    IReadOnlyList<UnitView> Units);

/// <summary>A row of the institutions' line list: the day's reporting state counted over its units.</summary>
public sealed record InstitutionRow(long Id, string Name, InstitutionKind Kind, string KindName, string District, int Members, int Units, int UnitsReported,
    int UnitsMissing, int Fevers, bool Closed, DateOnly? ClosedSince, string ResponsibleName);

/// <summary>A member on a unit's roster for the reporter's page: masked name, today's reading if any.</summary>
public sealed record RosterMember(long PersonId, string Name, MemberKind Kind, decimal? Celsius, bool? Symptoms);

/// <summary>A unit's roster for a day: who to read, who was read, whether the unit has reported.</summary>
public sealed record RosterView(long InstitutionId, string Institution, string Unit, DateOnly Day, bool Reported, bool Zero, decimal FeverCelsius,
    IReadOnlyList<RosterMember> Members);

/// <summary>A member sent to a fever clinic from a daily report, with the size of the contact list ready for tracing.</summary>
public sealed record ReferralView(long Id, long InstitutionId, string Institution, long PersonId, string Name, string Unit, DateOnly Day, decimal Celsius,
    bool Symptoms, long? ClinicVenueId, string? Clinic, int Contacts);

/// <summary>A member of the referred member's unit: the institution's contact list an epidemiologist opens for tracing.</summary>
public sealed record ContactRow(long PersonId, string Name, string IdNumber, string? Phone, MemberKind Kind, string Unit);

/// <summary>The referral and its contact list (the unit's other members), masked; the person's page unmasks, audited.</summary>
public sealed record ContactListView(ReferralView Referral, IReadOnlyList<ContactRow> Contacts);

/// <summary>A unit past the deadline without its day's report: the district's alert (催报).</summary>
public sealed record MissingRow(long InstitutionId, string Institution, InstitutionKind Kind, string District, string Unit, int Members, DateOnly Day,
    string ResponsibleName, string? ResponsiblePhone);

/// <summary>One district's day.</summary>
public sealed record DistrictDay(string DistrictCode, string District, int Institutions, int Reporting, int Missing, decimal Rate, int Fevers, int Closed);

/// <summary>
/// The district's overview of a day (issue 23 part 7): institutions, those reporting every unit, those missing one past
/// the deadline, the reporting rate, members with a fever, institutions in closed management; by district too.
/// </summary>
public sealed record InstitutionOverview(DateOnly Day, DateTime Deadline, bool PastDeadline, int Institutions, int Reporting, int Missing, decimal Rate,
    int Fevers, int Closed, IReadOnlyList<DistrictDay> Districts);

/// <summary>The institutions' line list filter.</summary>
public sealed record InstitutionFilter
{
    public InstitutionKind? Kind { get; init; }
    public string? DistrictCode { get; init; }
    public bool? Closed { get; init; }
    /// <summary>Only institutions with a unit missing its report today past the deadline.</summary>
    public bool? Missing { get; init; }
}

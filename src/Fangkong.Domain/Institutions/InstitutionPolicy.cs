namespace Fangkong.Domain.Institutions;

/// <summary>
/// The institutions' reporting rules (<c>Policy:Institutions</c>): the fever threshold (the gate's, domain.md §2), the
/// daily report's deadline in city time, and closed management's shifts and tests (issue 23 part 4).
/// </summary>
public sealed record InstitutionPolicy
{
    public string Version { get; init; } = "institutions-2022.1";
    /// <summary>A temperature at or above this is a fever (37.3 ℃, as at the gate).</summary>
    public decimal FeverCelsius { get; init; } = 37.3m;
    /// <summary>Readings outside this range are typing errors, refused with the field named.</summary>
    public decimal MinCelsius { get; init; } = 34.0m;
    public decimal MaxCelsius { get; init; } = 43.0m;
    /// <summary>Each unit reports its day by this time (city time); a unit without a report then is missing.</summary>
    public TimeOnly ReportDeadline { get; init; } = new(10, 0);
    /// <summary>Closed management: a staff shift inside lasts this many days (closed loop, 闭环).</summary>
    public int ShiftDays { get; init; } = 14;
    /// <summary>Closed management: staff inside are tested every this many days (1: daily).</summary>
    public int TestEveryDays { get; init; } = 1;
    /// <summary>Members' readings and fever referrals are kept this many days, then purged (ADR 0026).</summary>
    public int ReadingRetentionDays { get; init; } = 28;
}

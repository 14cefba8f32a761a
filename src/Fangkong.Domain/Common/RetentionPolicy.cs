namespace Fangkong.Domain.Common;

/// <summary>
/// How long each class of personal data is kept (<c>Policy:Retention:*</c>, ADR 0026). Entry records keep their own
/// setting, <c>Policy:Gate:EntryRetentionDays</c> (domain.md §2). The daily purge deletes in batches of <see cref="BatchSize"/>.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>Contacts: days after a confirmed contact's release, or after a proposal was dismissed.</summary>
    public int ContactDays { get; init; } = 28;
    /// <summary>Quarantine stays with their check-ins and transfers: days after release.</summary>
    public int QuarantineDays { get; init; } = 28;
    /// <summary>The record of who read whose trajectory: kept longer than what it audits, so a resident can still ask who read theirs.</summary>
    public int TraceReadDays { get; init; } = 365;
    /// <summary>Swabs and test results: days after the swab; a case's positives stay as long as the case.</summary>
    public int TestDays { get; init; } = 28;
    /// <summary>Road checkpoints' checks — each passenger's name and ID number (outsiders' too) and the vehicle's plate: days after the check.</summary>
    public int CheckpointDays { get; init; } = 28;
    /// <summary>The audit log (a hash-chained log; its purge keeps whole prefixes, ADR 0026).</summary>
    public int AuditDays { get; init; } = 365;
    /// <summary>Appeals: days after an appeal is closed.</summary>
    public int AppealDays { get; init; } = 180;
    /// <summary>Rows deleted per statement: short transactions that never hold the gate's tables for long.</summary>
    public int BatchSize { get; init; } = 2000;
    /// <summary>The hour of the city's day (0–23) at which the daily purge runs.</summary>
    public int DailyAtHour { get; init; } = 3;
}

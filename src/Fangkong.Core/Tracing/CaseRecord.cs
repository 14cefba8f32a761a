using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Tracing;

/// <summary>A case: how and when it was found, its classification, and the tracing policy it is handled under.</summary>
public sealed class CaseRecord : INumberedRecord
{
    public long Id { get; set; }
    /// <summary>The short number people use ("C2026-0042"); the id stays internal.</summary>
    public string Number { get; set; } = "";
    public long PersonId { get; set; }
    public CaseFoundBy FoundBy { get; set; }
    public DateTime FirstPositiveSampledAtUtc { get; set; }
    public DateTime ReportedAtUtc { get; set; }
    public long? RoundId { get; set; }
    public long? TubeId { get; set; }
    public CaseClass Class { get; set; } = CaseClass.Asymptomatic;
    /// <summary>Symptom onset (city date); null for an asymptomatic infection, whose window counts from the first positive sampling.</summary>
    public DateOnly? OnsetDate { get; set; }
    /// <summary>When the case was isolated: the end of its exposure window. Null while at large.</summary>
    public DateTime? IsolatedAtUtc { get; set; }
    public PolicyEdition Edition { get; set; } = PolicyEdition.Edition9;
    public CaseStatus Status { get; set; }
    public DateTime? StatusAtUtc { get; set; }
    /// <summary>The designated hospital or isolation site treating the case.</summary>
    public string? TreatedAt { get; set; }
    /// <summary>When an asymptomatic infection was reclassified as a confirmed case (counted apart in the bulletin).</summary>
    public DateTime? ConvertedAtUtc { get; set; }
    /// <summary>When the case was reported as suspected (疑似); null if it never was. Its course: excluded or confirmed.</summary>
    public DateTime? SuspectedAtUtc { get; set; }
    /// <summary>When a suspected case was confirmed (the conversion of a suspected case, not of an asymptomatic infection).</summary>
    public DateTime? SuspectedConfirmedAtUtc { get; set; }
    /// <summary>The district of the case's home when reported: where the bulletin and the lists count it (null without an address).</summary>
    public string? DistrictCode { get; set; }

    // City dates of the instants above, as the bulletin counts them (domain.md §9). FangkongDb sets them on every save,
    // so lists and aggregates can filter and group by day in plain SQL (a UTC instant's city day is not portable SQL).
    /// <summary>City date of the report.</summary>
    public DateOnly ReportedOn { get; set; }
    /// <summary>City date the case became a confirmed case: its report, or its conversion; null while asymptomatic or suspected.</summary>
    public DateOnly? ConfirmedOn { get; set; }
    /// <summary>City date of discharge, release or death; null while in care or observation.</summary>
    public DateOnly? EndedOn { get; set; }
    /// <summary>City date reported as suspected; null if never suspected.</summary>
    public DateOnly? SuspectedOn { get; set; }
    /// <summary>City date a suspected case was confirmed; null unless it was.</summary>
    public DateOnly? SuspectedConfirmedOn { get; set; }
    /// <summary>City date a suspected case was excluded; null unless it was.</summary>
    public DateOnly? ExcludedOn { get; set; }

    public static bool IsConfirmed(CaseClass c) => c is CaseClass.Mild or CaseClass.Common or CaseClass.Severe or CaseClass.Critical;

    public static bool IsEnded(CaseStatus s) => s is CaseStatus.Discharged or CaseStatus.Released or CaseStatus.Died;

    /// <summary>No change follows: ended, or excluded.</summary>
    public static bool IsFinal(CaseStatus s) => IsEnded(s) || s == CaseStatus.Excluded;

    /// <summary>Sets the city dates from the instants (a case confirmed on its report day was never an asymptomatic infection).</summary>
    public void StampDays(TimeSpan offset)
    {
        static DateOnly Day(DateTime utc, TimeSpan o) => DateOnly.FromDateTime(utc + o);
        ReportedOn = Day(ReportedAtUtc, offset);
        ConfirmedOn = IsConfirmed(Class) ? Day(ConvertedAtUtc ?? SuspectedConfirmedAtUtc ?? ReportedAtUtc, offset) : null;
        EndedOn = IsEnded(Status) && StatusAtUtc is { } at ? Day(at, offset) : null;
        SuspectedOn = SuspectedAtUtc is { } s ? Day(s, offset) : null;
        SuspectedConfirmedOn = SuspectedConfirmedAtUtc is { } sc ? Day(sc, offset) : null;
        ExcludedOn = Status == CaseStatus.Excluded && StatusAtUtc is { } ex ? Day(ex, offset) : null;
    }

    RecordKind INumberedRecord.NumberKind => RecordKind.Case;
    DateTime INumberedRecord.NumberedAtUtc => ReportedAtUtc;
}

/// <summary>One change to a case, kept so its history (and the bulletin's conversions and discharges) can be read back.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTime AtUtc { get; set; }
    public long ByUserId { get; set; }
    public CaseClass? FromClass { get; set; }
    public CaseClass? ToClass { get; set; }
    public CaseStatus? ToStatus { get; set; }
    public bool Conversion { get; set; }
    /// <summary>What the officer wrote with the change (null when nothing: the fields above say what changed).</summary>
    public string? Note { get; set; }
}

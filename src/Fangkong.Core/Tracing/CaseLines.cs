using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.People;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Tracing;

/// <summary>Filters of the case line list; dates are city dates of the report, both ends included.</summary>
public sealed record CaseLineFilter
{
    public string? Q { get; init; }
    public CaseClass? Class { get; init; }
    public CaseStatus? Status { get; init; }
    public CaseFoundBy? FoundBy { get; init; }
    public string? District { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Only asymptomatic infections later classified as confirmed.</summary>
    public bool? Converted { get; init; }
    /// <summary>The classification now, grouped: confirmed (any clinical type), asymptomatic or suspected.</summary>
    public CaseKind? Kind { get; init; }
    /// <summary>True: reported as an asymptomatic infection (never suspected), converted later or not; false: confirmed at report.</summary>
    public bool? ReportedAsymptomatic { get; init; }
    /// <summary>City dates on which the case became confirmed (report or conversion), both ends included.</summary>
    public DateOnly? ConfirmedFrom { get; init; }
    public DateOnly? ConfirmedTo { get; init; }
    /// <summary>Still in care or observation, recovered (discharged or released), or died.</summary>
    public CaseCourse? Course { get; init; }
    /// <summary>City dates of discharge, release or death, both ends included.</summary>
    public DateOnly? EndedFrom { get; init; }
    public DateOnly? EndedTo { get; init; }
    /// <summary>City dates of symptom onset, both ends included (cases without an onset never match).</summary>
    public DateOnly? OnsetFrom { get; init; }
    public DateOnly? OnsetTo { get; init; }
    /// <summary>Cases reported as suspected, by where their course stands now.</summary>
    public SuspectedCourse? Suspected { get; init; }
    /// <summary>City dates reported as suspected, both ends included.</summary>
    public DateOnly? SuspectedFrom { get; init; }
    public DateOnly? SuspectedTo { get; init; }
}

/// <summary>A suspected case's course as the bulletin counts it: ever suspected, still suspected, excluded, or confirmed.</summary>
public enum SuspectedCourse { Any = 1, Current = 2, Excluded = 3, Confirmed = 4 }

/// <summary>A case's classification grouped as the bulletin counts it; an infection is confirmed or asymptomatic (not suspected).</summary>
public enum CaseKind { Confirmed = 1, Asymptomatic = 2, Suspected = 3, Infection = 4 }

/// <summary>Where a case's course stands: the bulletin's discharges and releases are "recovered".</summary>
public enum CaseCourse { Open = 1, Recovered = 2, Died = 3 }

/// <summary>One row of the case line list (一览表), unmasked as read; <see cref="Masked"/> before showing it.</summary>
public sealed record CaseLine
{
    public long Id { get; init; }
    /// <summary>The case's number people use ("C2026-0042").</summary>
    public string Number { get; init; } = "";
    public long PersonId { get; init; }
    public string Name { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string? Phone { get; init; }
    public CaseClass Class { get; init; }
    public CaseStatus Status { get; init; }
    public CaseFoundBy FoundBy { get; init; }
    public string? DistrictCode { get; init; }
    public DateOnly? OnsetDate { get; init; }
    public DateTime FirstPositiveSampledAtUtc { get; init; }
    public DateTime ReportedAtUtc { get; init; }
    public DateTime? ConvertedAtUtc { get; init; }
    public string? TreatedAt { get; init; }
    public int ConfirmedContacts { get; init; }

    public CaseLine Masked() => this with { Name = Masking.Name(Name), DocumentNumber = Masking.DocumentNumber(DocumentNumber), Phone = Masking.Phone(Phone) };
}

public static class CaseLines
{
    public static IQueryable<CaseLine> Query(FangkongDb db, CaseLineFilter f, CityClock clock)
    {
        LineFilters.CheckDates(f.From, f.To);
        LineFilters.Defined(f.Class, "class");
        LineFilters.Defined(f.Status, "status");
        LineFilters.Defined(f.FoundBy, "foundBy");
        LineFilters.Defined(f.Kind, "kind");
        LineFilters.Defined(f.Course, "course");
        LineFilters.CheckDates(f.ConfirmedFrom, f.ConfirmedTo, "confirmedTo");
        LineFilters.CheckDates(f.EndedFrom, f.EndedTo, "endedTo");
        LineFilters.CheckDates(f.OnsetFrom, f.OnsetTo, "onsetTo");
        LineFilters.Defined(f.Suspected, "suspected");
        LineFilters.CheckDates(f.SuspectedFrom, f.SuspectedTo, "suspectedTo");
        var cases = db.Cases.AsQueryable();
        if (f.Class is { } k) cases = cases.Where(c => c.Class == k);
        if (f.Status is { } s) cases = cases.Where(c => c.Status == s);
        if (f.FoundBy is { } b) cases = cases.Where(c => c.FoundBy == b);
        if (LineFilters.District(f.District) is { } d) cases = cases.Where(c => c.DistrictCode == d);
        if (f.From is { } from) { var t = clock.StartOfDayUtc(from); cases = cases.Where(c => c.ReportedAtUtc >= t); }
        if (f.To is { } to) { var t = clock.StartOfDayUtc(to.AddDays(1)); cases = cases.Where(c => c.ReportedAtUtc < t); }
        if (f.Converted == true) cases = cases.Where(c => c.ConvertedAtUtc != null);
        cases = f.Kind switch
        {
            CaseKind.Confirmed => cases.Where(c => c.ConfirmedOn != null),
            CaseKind.Asymptomatic => cases.Where(c => c.Class == CaseClass.Asymptomatic),
            CaseKind.Suspected => cases.Where(c => c.Class == CaseClass.Suspected),
            CaseKind.Infection => cases.Where(c => c.Class != CaseClass.Suspected),
            _ => cases,
        };
        // A suspected case later confirmed was never an asymptomatic infection: it is confirmed "at report" as the bulletin counts it.
        if (f.ReportedAsymptomatic == true) cases = cases.Where(c => c.Class == CaseClass.Asymptomatic || (c.ConfirmedOn > c.ReportedOn && c.SuspectedOn == null));
        if (f.ReportedAsymptomatic == false) cases = cases.Where(c => c.ConfirmedOn == c.ReportedOn || c.SuspectedConfirmedOn != null);
        cases = f.Suspected switch
        {
            SuspectedCourse.Any => cases.Where(c => c.SuspectedOn != null),
            SuspectedCourse.Current => cases.Where(c => c.SuspectedOn != null && c.Class == CaseClass.Suspected && c.Status != CaseStatus.Excluded),
            SuspectedCourse.Excluded => cases.Where(c => c.ExcludedOn != null),
            SuspectedCourse.Confirmed => cases.Where(c => c.SuspectedConfirmedOn != null),
            _ => cases,
        };
        if (f.SuspectedFrom is { } sf) cases = cases.Where(c => c.SuspectedOn >= sf);
        if (f.SuspectedTo is { } st) cases = cases.Where(c => c.SuspectedOn <= st);
        if (f.ConfirmedFrom is { } cf) cases = cases.Where(c => c.ConfirmedOn >= cf);
        if (f.ConfirmedTo is { } ct) cases = cases.Where(c => c.ConfirmedOn <= ct);
        cases = f.Course switch
        {
            CaseCourse.Open => cases.Where(c => c.Status == CaseStatus.Reported || c.Status == CaseStatus.InHospital),
            CaseCourse.Recovered => cases.Where(c => c.Status == CaseStatus.Discharged || c.Status == CaseStatus.Released),
            CaseCourse.Died => cases.Where(c => c.Status == CaseStatus.Died),
            _ => cases,
        };
        if (f.EndedFrom is { } ef) cases = cases.Where(c => c.EndedOn >= ef);
        if (f.EndedTo is { } et) cases = cases.Where(c => c.EndedOn <= et);
        if (f.OnsetFrom is { } of) cases = cases.Where(c => c.OnsetDate >= of);
        if (f.OnsetTo is { } ot) cases = cases.Where(c => c.OnsetDate <= ot);
        // An outer join to the person: every row has its person (persons are never deleted), so the rows are an inner
        // join's, but without a search both stores drop the join from the capped count (10,001 person lookups a page).
        // With a search, "person found" turns it back into an inner join led by the person index.
        var q = f.Q;
        if (LineFilters.IsRecordNumber(q))
        {
            var number = LineFilters.RecordNumber(q, RecordKind.Case);
            cases = cases.Where(c => c.Number == number);
            q = null;
        }
        var rows = cases.LeftJoin(PersonSearch.Apply(db.Persons, q), c => c.PersonId, p => p.Id, (c, p) => new { c, p });
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(x => x.p != null);
        return rows.Select(x => new CaseLine
        {
            Id = x.c.Id,
            Number = x.c.Number,
            PersonId = x.c.PersonId,
            Name = x.p!.Name,
            DocumentNumber = x.p!.DocumentNumber,
            Phone = x.p!.Phone,
            Class = x.c.Class,
            Status = x.c.Status,
            FoundBy = x.c.FoundBy,
            DistrictCode = x.c.DistrictCode,
            OnsetDate = x.c.OnsetDate,
            FirstPositiveSampledAtUtc = x.c.FirstPositiveSampledAtUtc,
            ReportedAtUtc = x.c.ReportedAtUtc,
            ConvertedAtUtc = x.c.ConvertedAtUtc,
            TreatedAt = x.c.TreatedAt,
            ConfirmedContacts = db.ContactProposals.Count(k => k.CaseId == x.c.Id && k.Status == ProposalStatus.Confirmed),
        });
    }

    /// <summary>The exported columns, in the order of <see cref="Cells"/>; ids and codes are identifiers (text cells), counts are quantities.</summary>
    private static readonly LineColumn[] Columns =
    [
        LineColumn.Identifier("Documents.Column.Case"),
        LineColumn.Text("Documents.Column.Name"),
        LineColumn.Identifier("Documents.Column.IdNumber"),
        LineColumn.Identifier("Documents.Column.Phone"),
        LineColumn.Text("Documents.Column.Classification"),
        LineColumn.Text("Documents.Column.Status"),
        LineColumn.Text("Documents.Column.FoundBy"),
        LineColumn.Identifier("Documents.Column.District"),
        LineColumn.Text("Documents.Column.Onset"),
        LineColumn.Text("Documents.Column.FirstPositive"),
        LineColumn.Text("Documents.Column.Reported"),
        LineColumn.Text("Documents.Column.Converted"),
        LineColumn.Text("Documents.Column.TreatedAt"),
        LineColumn.Quantity("Documents.Column.ConfirmedContacts"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    public static IReadOnlyList<object?> Cells(CaseLine r, CultureInfo culture, CityClock clock) =>
    [
        r.Number, r.Name, r.DocumentNumber, r.Phone, LineLabels.Of(r.Class, culture), LineLabels.Of(r.Status, culture), LineLabels.Of(r.FoundBy, culture),
        r.DistrictCode, r.OnsetDate, clock.ToLocal(r.FirstPositiveSampledAtUtc), clock.ToLocal(r.ReportedAtUtc),
        r.ConvertedAtUtc is { } c ? clock.ToLocal(c) : null, r.TreatedAt, r.ConfirmedContacts,
    ];
}

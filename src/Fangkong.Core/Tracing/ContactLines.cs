using System.Globalization;
using System.Linq.Expressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.People;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Tracing;

/// <summary>Which contacts a list holds before its other filters.</summary>
public enum ContactScope
{
    /// <summary>What needs someone's action: proposals awaiting a decision and confirmed contacts still under management.</summary>
    Open = 1,
    /// <summary>Every designation, dismissed and released ones too.</summary>
    All = 2,
}

/// <summary>Filters of the contact line list (all cases); dates are city dates of the first exposure, both ends included.</summary>
public sealed record ContactLineFilter
{
    /// <summary>
    /// Open unless given, or unless a status or release filter says which contacts are wanted: an outbreak leaves tens
    /// of thousands of dismissed proposals, and a list that opens on them hides the few that need a decision.
    /// </summary>
    public ContactScope? Scope { get; init; }
    public string? Q { get; init; }
    public ContactGrade? Grade { get; init; }
    public ProposalStatus? Status { get; init; }
    public ContactKind? Kind { get; init; }
    public long? CaseId { get; init; }
    /// <summary>True: released contacts only; false: those still under management.</summary>
    public bool? Released { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>City dates of the epidemiologist's decision (when a confirmed contact was traced), both ends included.</summary>
    public DateOnly? DecidedFrom { get; init; }
    public DateOnly? DecidedTo { get; init; }
    /// <summary>City dates of release, both ends included.</summary>
    public DateOnly? ReleasedFrom { get; init; }
    public DateOnly? ReleasedTo { get; init; }
    /// <summary>
    /// True: contacts since reported a case themselves (no longer under medical observation: the bulletin counts them as
    /// cases); false: contacts who are not cases. Suspected cases do not count, as in the bulletin.
    /// </summary>
    public bool? BecameCase { get; init; }
    /// <summary>
    /// True: of the rows the other filters keep, one per person and grade (the lowest id), so the count is of persons —
    /// as the bulletin and the dashboard count contacts — not of designations (a person close to four cases is one).
    /// </summary>
    public bool? OnePerPerson { get; init; }
}

/// <summary>One row of the contact line list, unmasked as read; <see cref="Masked"/> before showing it.</summary>
public sealed record ContactLine
{
    public long Id { get; init; }
    public long CaseId { get; init; }
    /// <summary>The number of the case the contact was exposed to ("C2026-0007").</summary>
    public string CaseNumber { get; init; } = "";
    public long PersonId { get; init; }
    public string Name { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string? Phone { get; init; }
    public ContactGrade Grade { get; init; }
    public ContactKind Kind { get; init; }
    public ProposalStatus Status { get; init; }
    public string? VenueName { get; init; }
    public int OverlapMinutes { get; init; }
    public DateTime FirstExposureUtc { get; init; }
    public DateTime? DecidedAtUtc { get; init; }
    public DateTime? ReleasedAtUtc { get; init; }

    public ContactLine Masked() => this with { Name = Masking.Name(Name), DocumentNumber = Masking.DocumentNumber(DocumentNumber), Phone = Masking.Phone(Phone) };
}

public static class ContactLines
{
    public static IQueryable<ContactLine> Query(FangkongDb db, ContactLineFilter f, CityClock clock)
    {
        LineFilters.CheckDates(f.From, f.To);
        LineFilters.CheckDates(f.DecidedFrom, f.DecidedTo, "decidedTo");
        LineFilters.CheckDates(f.ReleasedFrom, f.ReleasedTo, "releasedTo");
        LineFilters.Defined(f.Grade, "grade");
        LineFilters.Defined(f.Status, "status");
        LineFilters.Defined(f.Kind, "kind");
        LineFilters.Defined(f.Scope, "scope");
        if (f.CaseId is <= 0) throw new InputException("caseId", Messages.Get("Documents.Filter.CaseId"));
        var contacts = db.ContactProposals.AsQueryable();
        if (f.Grade is { } g) contacts = contacts.Where(c => c.Grade == g);
        if (f.Status is { } s) contacts = contacts.Where(c => c.Status == s);
        if (f.Kind is { } k) contacts = contacts.Where(c => c.Kind == k);
        if (f.CaseId is { } id) contacts = contacts.Where(c => c.CaseId == id);
        if (f.Released is { } r) contacts = r ? contacts.Where(c => c.ReleasedAtUtc != null) : contacts.Where(c => c.ReleasedAtUtc == null);
        if (Scope(f) == ContactScope.Open) contacts = contacts.Where(IsOpen);
        if (f.BecameCase is { } bc)
        {
            var cases = db.Cases.Where(k => k.Class != CaseClass.Suspected);
            contacts = bc ? contacts.Where(c => cases.Any(k => k.PersonId == c.PersonId)) : contacts.Where(c => !cases.Any(k => k.PersonId == c.PersonId));
        }
        if (f.From is { } from) { var t = clock.StartOfDayUtc(from); contacts = contacts.Where(c => c.FirstExposureUtc >= t); }
        if (f.To is { } to) { var t = clock.StartOfDayUtc(to.AddDays(1)); contacts = contacts.Where(c => c.FirstExposureUtc < t); }
        if (f.DecidedFrom is { } df) { var t = clock.StartOfDayUtc(df); contacts = contacts.Where(c => c.DecidedAtUtc >= t); }
        if (f.DecidedTo is { } dt) { var t = clock.StartOfDayUtc(dt.AddDays(1)); contacts = contacts.Where(c => c.DecidedAtUtc < t); }
        if (f.ReleasedFrom is { } rf) { var t = clock.StartOfDayUtc(rf); contacts = contacts.Where(c => c.ReleasedAtUtc >= t); }
        if (f.ReleasedTo is { } rt) { var t = clock.StartOfDayUtc(rt.AddDays(1)); contacts = contacts.Where(c => c.ReleasedAtUtc < t); }
        if (f.OnePerPerson == true)
        {
            // A row is kept unless a lower row of the same person and grade passes the same filters: an anti-join the
            // stores answer by the (PersonId, Status) index, before the person join and the keyset paging.
            var filtered = contacts;
            contacts = filtered.Where(x => !filtered.Any(y => y.PersonId == x.PersonId && y.Grade == x.Grade && y.Id < x.Id));
        }
        // An outer join to the person: every row has its person (persons are never deleted), so the rows are an inner
        // join's, but without a search both stores drop the join from the capped count (10,001 person lookups a page).
        // With a search, "person found" turns it back into an inner join led by the person index.
        // The search box takes a case's number: that case's contacts.
        var q = f.Q;
        if (LineFilters.IsRecordNumber(q))
        {
            var caseNumber = LineFilters.RecordNumber(q, RecordKind.Case);
            contacts = contacts.Where(c => db.Cases.Any(k => k.Id == c.CaseId && k.Number == caseNumber));
            q = null;
        }
        var rows = contacts.LeftJoin(PersonSearch.Apply(db.Persons, q), c => c.PersonId, p => p.Id, (c, p) => new { c, p });
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(x => x.p != null);
        return rows.Select(x => new ContactLine
        {
            Id = x.c.Id,
            CaseId = x.c.CaseId,
            CaseNumber = db.Cases.Where(k => k.Id == x.c.CaseId).Select(k => k.Number).FirstOrDefault() ?? "",
            PersonId = x.c.PersonId,
            Name = x.p!.Name,
            DocumentNumber = x.p!.DocumentNumber,
            Phone = x.p!.Phone,
            Grade = x.c.Grade,
            Kind = x.c.Kind,
            Status = x.c.Status,
            VenueName = db.Venues.Where(v => v.Id == x.c.VenueId).Select(v => v.Name).FirstOrDefault(),
            OverlapMinutes = x.c.OverlapMinutes,
            FirstExposureUtc = x.c.FirstExposureUtc,
            DecidedAtUtc = x.c.DecidedAtUtc,
            ReleasedAtUtc = x.c.ReleasedAtUtc,
        });
    }

    /// <summary>The scope a filter lists: as given, else open unless a status or release filter is given.</summary>
    public static ContactScope Scope(ContactLineFilter f) => f.Scope ?? (f.Status is null && f.Released is null ? ContactScope.Open : ContactScope.All);

    /// <summary>
    /// Open: proposed, or confirmed and not released, written as "not dismissed, and proposed or not released" (the same rows,
    /// there being three statuses) so that no status index serves it in two halves: SQLite read the proposed and the
    /// unreleased confirmed contacts by two index searches and sorted them all for a page; this way both stores read the
    /// open-contacts index (<see cref="OpenSql"/>) newest first.
    /// </summary>
    private static readonly Expression<Func<ContactProposal, bool>> IsOpen =
        c => c.Status != ProposalStatus.Dismissed && (c.Status == ProposalStatus.Proposed || c.ReleasedAtUtc == null);

    /// <summary>The SQL both stores generate for <see cref="IsOpen"/>: the filter of the index that serves it.</summary>
    internal static readonly string OpenSql = FormattableString.Invariant(
        $"\"Status\" <> {(int)ProposalStatus.Dismissed} AND (\"Status\" = {(int)ProposalStatus.Proposed} OR \"ReleasedAtUtc\" IS NULL)");

    /// <summary>The exported columns, in the order of <see cref="Cells"/>; ids and codes are identifiers (text cells), counts are quantities.</summary>
    private static readonly LineColumn[] Columns =
    [
        LineColumn.Identifier("Documents.Column.Contact"),
        LineColumn.Identifier("Documents.Column.Case"),
        LineColumn.Text("Documents.Column.Name"),
        LineColumn.Identifier("Documents.Column.IdNumber"),
        LineColumn.Identifier("Documents.Column.Phone"),
        LineColumn.Text("Documents.Column.Grade"),
        LineColumn.Text("Documents.Column.ContactKind"),
        LineColumn.Text("Documents.Column.Status"),
        LineColumn.Text("Documents.Column.Venue"),
        LineColumn.Quantity("Documents.Column.Overlap"),
        LineColumn.Text("Documents.Column.FirstExposure"),
        LineColumn.Text("Documents.Column.Decided"),
        LineColumn.Text("Documents.Column.Released"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    public static IReadOnlyList<object?> Cells(ContactLine r, CultureInfo culture, CityClock clock) =>
    [
        r.Id, r.CaseNumber, r.Name, r.DocumentNumber, r.Phone, LineLabels.Of(r.Grade, culture), LineLabels.Of(r.Kind, culture), LineLabels.Of(r.Status, culture),
        r.VenueName, r.OverlapMinutes, clock.ToLocal(r.FirstExposureUtc), r.DecidedAtUtc is { } d ? clock.ToLocal(d) : null,
        r.ReleasedAtUtc is { } x ? clock.ToLocal(x) : null,
    ];
}

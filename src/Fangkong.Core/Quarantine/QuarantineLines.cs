using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.People;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Quarantine;

/// <summary>Filters of the list of quarantined people; <see cref="ReleaseBy"/> finds those due for release by a date.</summary>
public sealed record QuarantineLineFilter
{
    public string? Q { get; init; }
    public QuarantineState? State { get; init; }
    public QuarantinePlace? Place { get; init; }
    public ContactRole? Role { get; init; }
    public long? SiteId { get; init; }
    public DateOnly? ReleaseBy { get; init; }
}

/// <summary>One quarantine stay as the list shows it, unmasked as read; <see cref="Masked"/> before showing it.</summary>
public sealed record QuarantineLine
{
    public long Id { get; init; }
    /// <summary>The stay's number people use ("Q2026-0042").</summary>
    public string Number { get; init; } = "";
    public long PersonId { get; init; }
    public long CaseId { get; init; }
    /// <summary>The number of the case the person was exposed to ("C2026-0007").</summary>
    public string CaseNumber { get; init; } = "";
    public string Name { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string? Phone { get; init; }
    public ContactRole Role { get; init; }
    public PolicyEdition Edition { get; init; }
    public QuarantinePlace Place { get; init; }
    public string? SiteName { get; init; }
    public string? RoomNumber { get; init; }
    public DateOnly Day1 { get; init; }
    public DateOnly ReleaseDate { get; init; }
    public QuarantineState State { get; init; }
    public DateTime? ReleasedAtUtc { get; init; }
    /// <summary>The city date the stay ended.</summary>
    public DateOnly? ReleasedOn { get; init; }
    /// <summary>The case the person became during the stay (reported from its start until it ended).</summary>
    public long? BecameCaseId { get; init; }
    /// <summary>Where the stay stands, or why it ended: became a case, released early or on schedule.</summary>
    public StayOutcome Outcome => StayOutcomes.Of(State, BecameCaseId, ReleasedOn, ReleaseDate);

    public QuarantineLine Masked() => this with { Name = Masking.Name(Name), DocumentNumber = Masking.DocumentNumber(DocumentNumber), Phone = Masking.Phone(Phone) };
}

public static class QuarantineLines
{
    public static IQueryable<QuarantineLine> Query(FangkongDb db, QuarantineLineFilter f, CityClock clock)
    {
        LineFilters.Defined(f.State, "state");
        LineFilters.Defined(f.Place, "place");
        LineFilters.Defined(f.Role, "role");
        if (f.SiteId is <= 0) throw new InputException("siteId", Messages.Get("Documents.Filter.QuarantineSiteId"));
        var stays = db.QuarantineStays.AsQueryable();
        if (f.State is { } s) stays = stays.Where(x => x.State == s);
        if (f.Place is { } place) stays = stays.Where(x => x.Place == place);
        if (f.Role is { } r) stays = stays.Where(x => x.Role == r);
        if (f.SiteId is { } site) stays = stays.Where(x => x.SiteId == site);
        if (f.ReleaseBy is { } by) stays = stays.Where(x => x.ReleaseDate <= by);
        // An outer join to the person: every row has its person (persons are never deleted), so the rows are an inner
        // join's, but without a search both stores drop the join from the capped count (10,001 person lookups a page).
        // With a search, "person found" turns it back into an inner join led by the person index.
        // The search box takes a stay's number, or a case's number for every stay its contacts serve.
        var q = f.Q;
        if (LineFilters.IsRecordNumber(q))
        {
            var stayNumber = LineFilters.RecordNumber(q, RecordKind.QuarantineStay);
            var caseNumber = LineFilters.RecordNumber(q, RecordKind.Case);
            stays = stayNumber is not null ? stays.Where(x => x.Number == stayNumber)
                : stays.Where(x => db.Cases.Any(c => c.Id == x.CaseId && c.Number == caseNumber));
            q = null;
        }
        var rows = stays.LeftJoin(PersonSearch.Apply(db.Persons, q), stay => stay.PersonId, p => p.Id, (stay, p) => new { stay, p });
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(x => x.p != null);
        return rows.Select(x => new QuarantineLine
        {
            Id = x.stay.Id,
            Number = x.stay.Number,
            PersonId = x.stay.PersonId,
            CaseId = x.stay.CaseId,
            CaseNumber = db.Cases.Where(c => c.Id == x.stay.CaseId).Select(c => c.Number).FirstOrDefault() ?? "",
            Name = x.p!.Name,
            DocumentNumber = x.p!.DocumentNumber,
            Phone = x.p!.Phone,
            Role = x.stay.Role,
            Edition = x.stay.Edition,
            Place = x.stay.Place,
            SiteName = db.QuarantineSites.Where(q => q.Id == x.stay.SiteId).Select(q => q.Name).FirstOrDefault(),
            RoomNumber = db.QuarantineRooms.Where(q => q.Id == x.stay.RoomId).Select(q => q.Number).FirstOrDefault(),
            Day1 = x.stay.Day1,
            ReleaseDate = x.stay.ReleaseDate,
            State = x.stay.State,
            ReleasedAtUtc = x.stay.ReleasedAtUtc,
            ReleasedOn = StayOutcomes.CityDate(x.stay.ReleasedAtUtc, clock.Offset),
            // A case of the person reported while the stay ran: the reason it ended, or why it should (cases by PersonId index).
            BecameCaseId = db.Cases.Where(c => c.PersonId == x.stay.PersonId && c.ReportedAtUtc >= x.stay.CreatedAtUtc
                    && (x.stay.ReleasedAtUtc == null || c.ReportedAtUtc <= x.stay.ReleasedAtUtc))
                .OrderBy(c => c.ReportedAtUtc).Select(c => (long?)c.Id).FirstOrDefault(),
        });
    }

    /// <summary>The exported columns, in the order of <see cref="Cells"/>; ids and codes are identifiers (text cells), counts are quantities.</summary>
    private static readonly LineColumn[] Columns =
    [
        LineColumn.Identifier("Documents.Column.Stay"),
        LineColumn.Identifier("Documents.Column.Case"),
        LineColumn.Text("Documents.Column.Name"),
        LineColumn.Identifier("Documents.Column.IdNumber"),
        LineColumn.Identifier("Documents.Column.Phone"),
        LineColumn.Text("Documents.Column.Role"),
        LineColumn.Text("Documents.Column.Policy"),
        LineColumn.Text("Documents.Column.Place"),
        LineColumn.Text("Documents.Column.QuarantineSite"),
        LineColumn.Identifier("Documents.Column.Room"),
        LineColumn.Text("Documents.Column.Day1"),
        LineColumn.Text("Documents.Column.ReleaseDate"),
        LineColumn.Text("Documents.Column.State"),
        LineColumn.Text("Documents.Column.Released"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    public static IReadOnlyList<object?> Cells(QuarantineLine r, CultureInfo culture, CityClock clock) =>
    [
        r.Number, r.CaseNumber, r.Name, r.DocumentNumber, r.Phone, LineLabels.Of(r.Role, culture), LineLabels.Of(r.Edition, culture), LineLabels.Of(r.Place, culture),
        r.SiteName, r.RoomNumber, r.Day1, r.ReleaseDate, LineLabels.Of(r.Outcome, culture), r.ReleasedAtUtc is { } x ? clock.ToLocal(x) : null,
    ];
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.Gate;
using Fangkong.Domain.Gate;
using Fangkong.Domain.People;

namespace Fangkong.Core.VenueCodes;

/// <summary>Filters of the venue-scan line list; every dashboard figure of venue-code scans is one of these (<see cref="VenueScanFigures"/>).</summary>
public sealed record VenueScanLineFilter
{
    public long? VenueId { get; init; }
    /// <summary>The venue's district.</summary>
    public string? District { get; init; }
    public GateDirection? Direction { get; init; }
    public GateOutcome? Outcome { get; init; }
    public EntryMethod? Method { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>One scan of a venue code as the line list shows it, unmasked as read; <see cref="Masked"/> before showing it.</summary>
public sealed record VenueScanLine
{
    public long Id { get; init; }
    public DateTime AtUtc { get; init; }
    public long VenueId { get; init; }
    public string VenueName { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public GateDirection Direction { get; init; }
    public GateOutcome Outcome { get; init; }
    public string Reasons { get; init; } = "";
    public EntryMethod Method { get; init; }
    public long PersonId { get; init; }
    public string Name { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string? Phone { get; init; }

    public VenueScanLine Masked() => this with { Name = Masking.Name(Name), DocumentNumber = Masking.DocumentNumber(DocumentNumber), Phone = Phone is null ? null : Masking.Phone(Phone) };
}

/// <summary>
/// The scans of venue codes (a phone's own, or for a household member): one row per scan, admitted or not, newest first.
/// Read through the persons (so an area-confined reader sees only their area's residents, ADR 0028).
/// </summary>
public static class VenueScanLines
{
    public static IQueryable<VenueScanLine> Query(FangkongDb db, VenueScanLineFilter f, CityClock clock)
    {
        LineFilters.Defined(f.Direction, "direction");
        LineFilters.Defined(f.Outcome, "outcome");
        LineFilters.Defined(f.Method, "method");
        if (f.Method is { } m && m is not (EntryMethod.VenueCode or EntryMethod.VenueCodeProxy))
            throw new InputException("method", Messages.Get("VenueCodes.Lines.Method"));
        LineFilters.CheckDates(f.From, f.To);
        var district = LineFilters.District(f.District);
        var q = db.GateEvents.Where(e => e.Method == EntryMethod.VenueCode || e.Method == EntryMethod.VenueCodeProxy);
        if (f.Method is { } method) q = q.Where(e => e.Method == method);
        if (f.VenueId is { } venue) q = q.Where(e => e.VenueId == venue);
        if (f.Direction is { } direction) q = q.Where(e => e.Direction == direction);
        if (f.Outcome is { } outcome) q = q.Where(e => e.Outcome == outcome);
        if (f.From is { } from) { var at = clock.StartOfDayUtc(from); q = q.Where(e => e.AtUtc >= at); }
        if (f.To is { } to) { var at = clock.StartOfDayUtc(to.AddDays(1)); q = q.Where(e => e.AtUtc < at); }
        var rows = from e in q
                   join p in db.Persons on e.PersonId equals p.Id
                   join v in db.Venues on e.VenueId equals v.Id
                   select new { e, p, v };
        if (district is not null) rows = rows.Where(x => x.v.DistrictCode == district);
        return rows.Select(x => new VenueScanLine
        {
            Id = x.e.Id,
            AtUtc = x.e.AtUtc,
            VenueId = x.v.Id,
            VenueName = x.v.Name,
            DistrictCode = x.v.DistrictCode,
            Direction = x.e.Direction,
            Outcome = x.e.Outcome,
            Reasons = x.e.Reasons,
            Method = x.e.Method,
            PersonId = x.p.Id,
            Name = x.p.Name,
            DocumentNumber = x.p.DocumentNumber,
            Phone = x.p.Phone,
        });
    }

    private static readonly LineColumn[] Columns =
    [
        LineColumn.Text("VenueCodes.Column.At"),
        LineColumn.Text("VenueCodes.Column.Venue"),
        LineColumn.Identifier("VenueCodes.Column.District"),
        LineColumn.Text("VenueCodes.Column.Direction"),
        LineColumn.Text("VenueCodes.Column.Outcome"),
        LineColumn.Text("VenueCodes.Column.Reasons"),
        LineColumn.Text("VenueCodes.Column.Method"),
        LineColumn.Text("VenueCodes.Column.Name"),
        LineColumn.Identifier("VenueCodes.Column.IdNumber"),
        LineColumn.Identifier("VenueCodes.Column.Phone"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    public static IReadOnlyList<object?> Cells(VenueScanLine r, CultureInfo culture, CityClock clock) =>
    [
        clock.ToLocal(r.AtUtc), r.VenueName, r.DistrictCode, Words(culture, "Direction." + r.Direction), Words(culture, "Outcome." + r.Outcome),
        string.Join(" / ", GateBatch.ParseReasons(r.Reasons).Select(x => Messages.Get(culture, $"VenueCodes.Reason.{x}"))),
        Words(culture, "Method." + r.Method), r.Name, r.DocumentNumber, r.Phone,
    ];

    /// <summary>A direction, outcome or method in the export's language.</summary>
    public static string Words(CultureInfo culture, string key) => Messages.Get(culture, $"VenueCodes.Words.{key}");
}

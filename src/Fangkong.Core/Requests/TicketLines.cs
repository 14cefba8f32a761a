using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Requests;

namespace Fangkong.Core.Requests;

/// <summary>Filters of the ticket line list; every dashboard figure of tickets is one of these (TicketFigures).</summary>
public sealed record TicketLineFilter
{
    /// <summary>A ticket's number ("T2026-0042").</summary>
    public string? Q { get; init; }
    public TicketState? State { get; init; }
    public RequestCategory? Category { get; init; }
    public RequestSource? Source { get; init; }
    public TicketUnit? Unit { get; init; }
    public string? District { get; init; }
    public bool? Open { get; init; }
    /// <summary>Open and past its deadline now.</summary>
    public bool? Overdue { get; init; }
    public DateOnly? ReceivedFrom { get; init; }
    public DateOnly? ReceivedTo { get; init; }
    public DateOnly? ResolvedFrom { get; init; }
    public DateOnly? ResolvedTo { get; init; }
}

/// <summary>A ticket as the line list shows it, unmasked as read; <see cref="Masked"/> before showing it.</summary>
public sealed record TicketLine
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public DateTime ReceivedAtUtc { get; init; }
    public RequestSource Source { get; init; }
    public string? Platform { get; init; }
    public RequestCategory Category { get; init; }
    public RequestUrgency Urgency { get; init; }
    public MedicalEmergency Emergency { get; init; }
    public bool SealedIn { get; init; }
    public bool SpecialGroup { get; init; }
    public string? DistrictCode { get; init; }
    public string? CallerName { get; init; }
    public string? CallerPhone { get; init; }
    public string Text { get; init; } = "";
    public TicketUnit Unit { get; init; }
    public TicketState State { get; init; }
    public DateTime DueAtUtc { get; init; }
    public DateTime? ResolvedAtUtc { get; init; }
    public string? Answer { get; init; }
    public int Reopened { get; init; }

    public TicketLine Masked() => this with { CallerName = CallerName is null ? null : Masking.Name(CallerName), CallerPhone = CallerPhone is null ? null : Masking.Phone(CallerPhone) };
}

public static class TicketLines
{
    public static IQueryable<TicketLine> Query(FangkongDb db, TicketLineFilter f, CityClock clock)
    {
        LineFilters.Defined(f.State, "state");
        LineFilters.Defined(f.Category, "category");
        LineFilters.Defined(f.Source, "source");
        LineFilters.Defined(f.Unit, "unit");
        LineFilters.CheckDates(f.ReceivedFrom, f.ReceivedTo, "receivedTo");
        LineFilters.CheckDates(f.ResolvedFrom, f.ResolvedTo, "resolvedTo");
        var district = LineFilters.District(f.District);
        var q = db.Tickets.AsQueryable();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var number = LineFilters.RecordNumber(f.Q, RecordKind.Ticket) ?? throw new InputException("q", Messages.Get("Requests.SearchNumber"));
            q = q.Where(t => t.Number == number);
        }
        if (f.State is { } s) q = q.Where(t => t.State == s);
        if (f.Category is { } c) q = q.Where(t => t.Category == c);
        if (f.Source is { } src) q = q.Where(t => t.Source == src);
        if (f.Unit is { } u) q = q.Where(t => t.Unit == u);
        if (district is not null) q = q.Where(t => t.DistrictCode == district);
        if (f.Open is { } open) q = q.Where(t => t.IsOpen == open);
        if (f.Overdue is { } overdue)
        {
            var now = clock.UtcNow;
            q = overdue ? q.Where(t => t.IsOpen && t.DueAtUtc < now) : q.Where(t => !(t.IsOpen && t.DueAtUtc < now));
        }
        if (f.ReceivedFrom is { } rf) { var at = clock.StartOfDayUtc(rf); q = q.Where(t => t.ReceivedAtUtc >= at); }
        if (f.ReceivedTo is { } rt) { var at = clock.StartOfDayUtc(rt.AddDays(1)); q = q.Where(t => t.ReceivedAtUtc < at); }
        if (f.ResolvedFrom is { } sf) { var at = clock.StartOfDayUtc(sf); q = q.Where(t => t.ResolvedAtUtc >= at); }
        if (f.ResolvedTo is { } st) { var at = clock.StartOfDayUtc(st.AddDays(1)); q = q.Where(t => t.ResolvedAtUtc < at); }
        return q.Select(t => new TicketLine
        {
            Id = t.Id,
            Number = t.Number,
            ReceivedAtUtc = t.ReceivedAtUtc,
            Source = t.Source,
            Platform = t.Platform,
            Category = t.Category,
            Urgency = t.Urgency,
            Emergency = t.Emergency,
            SealedIn = t.SealedIn,
            SpecialGroup = t.SpecialGroup,
            DistrictCode = t.DistrictCode,
            CallerName = t.CallerName,
            CallerPhone = t.CallerPhone,
            Text = t.Text,
            Unit = t.Unit,
            State = t.State,
            DueAtUtc = t.DueAtUtc,
            ResolvedAtUtc = t.ResolvedAtUtc,
            Answer = t.Answer,
            Reopened = t.Reopened,
        });
    }

    private static readonly LineColumn[] Columns =
    [
        LineColumn.Identifier("Requests.Column.Number"),
        LineColumn.Text("Requests.Column.Received"),
        LineColumn.Text("Requests.Column.Source"),
        LineColumn.Text("Requests.Column.Category"),
        LineColumn.Text("Requests.Column.Urgency"),
        LineColumn.Text("Requests.Column.Emergency"),
        LineColumn.Text("Requests.Column.SealedIn"),
        LineColumn.Text("Requests.Column.SpecialGroup"),
        LineColumn.Identifier("Requests.Column.District"),
        LineColumn.Text("Requests.Column.Caller"),
        LineColumn.Identifier("Requests.Column.Phone"),
        LineColumn.Text("Requests.Column.Text"),
        LineColumn.Text("Requests.Column.Unit"),
        LineColumn.Text("Requests.Column.State"),
        LineColumn.Text("Requests.Column.Due"),
        LineColumn.Text("Requests.Column.Resolved"),
        LineColumn.Text("Requests.Column.Answer"),
        LineColumn.Quantity("Requests.Column.Reopened"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    public static IReadOnlyList<object?> Cells(TicketLine r, CultureInfo culture, CityClock clock) =>
    [
        r.Number, clock.ToLocal(r.ReceivedAtUtc), TicketWords.Of(r.Source, culture) + (r.Platform is { } p ? " · " + p : ""), TicketWords.Of(r.Category, culture),
        TicketWords.Of(r.Urgency, culture), r.Emergency == MedicalEmergency.None ? null : TicketWords.Of(r.Emergency, culture),
        TicketWords.YesNo(r.SealedIn, culture), TicketWords.YesNo(r.SpecialGroup, culture), r.DistrictCode, r.CallerName, r.CallerPhone, r.Text,
        TicketWords.Of(r.Unit, culture), TicketWords.Of(r.State, culture), clock.ToLocal(r.DueAtUtc), r.ResolvedAtUtc is { } at ? clock.ToLocal(at) : null, r.Answer, r.Reopened,
    ];
}

/// <summary>The words for the ticket enums, from Requests' catalogue ("Requests.Category.Medicine").</summary>
public static class TicketWords
{
    public static string Of<TEnum>(TEnum value, CultureInfo culture) where TEnum : struct, Enum => Messages.Get(culture, $"Requests.{typeof(TEnum).Name}.{value}");

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value, CultureInfo.CurrentUICulture);

    public static string YesNo(bool value, CultureInfo culture) => Messages.Get(culture, value ? "Requests.Yes" : "Requests.No");
}

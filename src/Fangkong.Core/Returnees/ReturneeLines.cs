using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.Testing;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Returnees;

/// <summary>Filters of the returnee line list; every dashboard figure of returnees is one of these (ReturneeFigures).</summary>
public sealed record ReturneeLineFilter
{
    /// <summary>A registration's number ("F2026-0042").</summary>
    public string? Q { get; init; }
    public ReturneeState? State { get; init; }
    public TravellerMeasure? Measure { get; init; }
    /// <summary>The origin's level; "None" for an origin in no risk area is <see cref="NoRiskArea"/>.</summary>
    public RiskLevel? Level { get; init; }
    public bool? NoRiskArea { get; init; }
    public ReturneeSource? Source { get; init; }
    public TravelMode? Travel { get; init; }
    public string? District { get; init; }
    public long? Community { get; init; }
    /// <summary>Under a measure and overdue now: yesterday's check-in missing, or a test day passed without a sample.</summary>
    public bool? Overdue { get; init; }
    public DateOnly? ArrivedFrom { get; init; }
    public DateOnly? ArrivedTo { get; init; }
    public DateOnly? EndedFrom { get; init; }
    public DateOnly? EndedTo { get; init; }
}

/// <summary>A returnee as the line list shows them, unmasked as read; <see cref="Masked"/> before showing it.</summary>
public sealed record ReturneeLine
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Name { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string? Phone { get; init; }
    public string Origin { get; init; } = "";
    public ZoneLevel? Level { get; init; }
    public DateOnly LeftOn { get; init; }
    public DateOnly ArrivedOn { get; init; }
    public TravelMode Travel { get; init; }
    public string? TravelNumber { get; init; }
    public ReturneeSource Source { get; init; }
    public TravellerMeasure Measure { get; init; }
    public DateOnly? EndsOn { get; init; }
    public string PolicyVersion { get; init; } = "";
    public ReturneeState State { get; init; }
    public bool PlacementPending { get; init; }
    public string? DistrictCode { get; init; }
    public string? Community { get; init; }
    public string? Worker { get; init; }
    public bool OverdueCheckIn { get; init; }
    public bool OverdueTest { get; init; }
    public DateTime RegisteredAtUtc { get; init; }
    public DateTime? EndedAtUtc { get; init; }

    public ReturneeLine Masked() => this with { Name = Masking.Name(Name), DocumentNumber = Masking.DocumentNumber(DocumentNumber), Phone = Phone is null ? null : Masking.Phone(Phone) };
}

/// <summary>
/// The returnee line list (pages, searches, exports): filters as query parameters, read in key order. "Overdue" is the
/// store's own test, so the list behind the dashboard's figure and the worker's overdue list agree: under a measure, and
/// yesterday's check-in of the stay missing, or a scheduled test before today not sampled.
/// </summary>
public static class ReturneeLines
{
    public static IQueryable<ReturneeLine> Query(FangkongDb db, ReturneeLineFilter f, CityClock clock)
    {
        LineFilters.Defined(f.State, "state");
        LineFilters.Defined(f.Measure, "measure");
        LineFilters.Defined(f.Level, "level");
        LineFilters.Defined(f.Source, "source");
        LineFilters.Defined(f.Travel, "travel");
        LineFilters.CheckDates(f.ArrivedFrom, f.ArrivedTo, "arrivedTo");
        LineFilters.CheckDates(f.EndedFrom, f.EndedTo, "endedTo");
        var district = LineFilters.District(f.District);
        var q = db.Returnees.AsQueryable();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var number = LineFilters.RecordNumber(f.Q, RecordKind.Returnee) ?? throw new InputException("q", Messages.Get("Returnees.SearchNumber"));
            q = q.Where(r => r.Number == number);
        }
        if (f.State is { } s) q = q.Where(r => r.State == s);
        if (f.Measure is { } m) q = q.Where(r => r.Measure == m);
        if (f.Level is { } l) { var z = RiskAreas.ZoneLevelOf(l); q = q.Where(r => r.OriginLevel == z); }
        if (f.NoRiskArea is { } none) q = none ? q.Where(r => r.OriginLevel == null) : q.Where(r => r.OriginLevel != null);
        if (f.Source is { } src) q = q.Where(r => r.Source == src);
        if (f.Travel is { } t) q = q.Where(r => r.Travel == t);
        if (district is not null) q = q.Where(r => r.DistrictCode == district);
        if (f.Community is { } c) q = q.Where(r => r.CommunityId == c);
        if (f.ArrivedFrom is { } af) q = q.Where(r => r.ArrivedOn >= af);
        if (f.ArrivedTo is { } at) q = q.Where(r => r.ArrivedOn <= at);
        if (f.EndedFrom is { } ef) { var from = clock.StartOfDayUtc(ef); q = q.Where(r => r.EndedAtUtc >= from); }
        if (f.EndedTo is { } et) { var to = clock.StartOfDayUtc(et.AddDays(1)); q = q.Where(r => r.EndedAtUtc < to); }
        var today = clock.Today;
        var yesterday = today.AddDays(-1);
        var rows = from r in q
                   join p in db.Persons on r.PersonId equals p.Id
                   join cm in db.Communities on r.CommunityId equals (long?)cm.Id into cms
                   from cm in cms.DefaultIfEmpty()
                   select new
                   {
                       r,
                       p.Name,
                       p.DocumentNumber,
                       p.Phone,
                       Community = cm == null ? null : cm.Name,
                       OverdueCheckIn = r.State == ReturneeState.UnderMeasure && r.StayId != null && r.ArrivedOn <= yesterday
                           && db.QuarantineStays.Any(s => s.Id == r.StayId && s.State == QuarantineState.InQuarantine)
                           && !db.QuarantineCheckIns.Any(k => k.StayId == r.StayId && k.Day == yesterday),
                       OverdueTest = r.State == ReturneeState.UnderMeasure && db.ResampleTasks.Any(t => t.DueDate < today && t.DoneAtUtc == null
                           && ((r.StayId != null && t.StayId == r.StayId) || (t.Reason == SingleTubeReason.ReturneeSchedule && t.PersonId == r.PersonId && t.DueDate >= r.ArrivedOn))),
                   };
        if (f.Overdue is { } overdue) rows = overdue ? rows.Where(x => x.OverdueCheckIn || x.OverdueTest) : rows.Where(x => !(x.OverdueCheckIn || x.OverdueTest));
        return rows.Select(x => new ReturneeLine
        {
            Id = x.r.Id,
            Number = x.r.Number,
            Name = x.Name,
            DocumentNumber = x.DocumentNumber,
            Phone = x.Phone,
            Origin = x.r.Origin,
            Level = x.r.OriginLevel,
            LeftOn = x.r.LeftOn,
            ArrivedOn = x.r.ArrivedOn,
            Travel = x.r.Travel,
            TravelNumber = x.r.TravelNumber,
            Source = x.r.Source,
            Measure = x.r.Measure,
            EndsOn = x.r.EndsOn,
            PolicyVersion = x.r.PolicyVersion,
            State = x.r.State,
            PlacementPending = x.r.PlacementPending,
            DistrictCode = x.r.DistrictCode,
            Community = x.Community,
            Worker = x.r.WorkerName,
            OverdueCheckIn = x.OverdueCheckIn,
            OverdueTest = x.OverdueTest,
            RegisteredAtUtc = x.r.RegisteredAtUtc,
            EndedAtUtc = x.r.EndedAtUtc,
        });
    }

    private static readonly LineColumn[] Columns =
    [
        LineColumn.Identifier("Returnees.Column.Number"),
        LineColumn.Text("Returnees.Column.Name"),
        LineColumn.Identifier("Returnees.Column.DocumentNumber"),
        LineColumn.Identifier("Returnees.Column.Phone"),
        LineColumn.Text("Returnees.Column.Origin"),
        LineColumn.Text("Returnees.Column.Level"),
        LineColumn.Text("Returnees.Column.LeftOn"),
        LineColumn.Text("Returnees.Column.ArrivedOn"),
        LineColumn.Text("Returnees.Column.Travel"),
        LineColumn.Identifier("Returnees.Column.TravelNumber"),
        LineColumn.Text("Returnees.Column.Source"),
        LineColumn.Text("Returnees.Column.Measure"),
        LineColumn.Text("Returnees.Column.EndsOn"),
        LineColumn.Identifier("Returnees.Column.PolicyVersion"),
        LineColumn.Text("Returnees.Column.State"),
        LineColumn.Identifier("Returnees.Column.District"),
        LineColumn.Text("Returnees.Column.Community"),
        LineColumn.Text("Returnees.Column.Worker"),
        LineColumn.Text("Returnees.Column.Overdue"),
        LineColumn.Text("Returnees.Column.Registered"),
        LineColumn.Text("Returnees.Column.Ended"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    public static IReadOnlyList<object?> Cells(ReturneeLine r, CultureInfo culture, CityClock clock) =>
    [
        r.Number, r.Name, r.DocumentNumber, r.Phone, r.Origin, ReturneeWords.Level(r.Level, culture), r.LeftOn, r.ArrivedOn, ReturneeWords.Of(r.Travel, culture),
        r.TravelNumber, ReturneeWords.Of(r.Source, culture), ReturneeWords.Of(r.Measure, culture), r.EndsOn, r.PolicyVersion, ReturneeWords.Of(r.State, culture),
        r.DistrictCode, r.Community, r.Worker, ReturneeWords.Overdue(r.OverdueCheckIn, r.OverdueTest, culture), clock.ToLocal(r.RegisteredAtUtc),
        r.EndedAtUtc is { } e ? clock.ToLocal(e) : null,
    ];
}

/// <summary>The words for returnees' enums, from Returnees' catalogue ("Returnees.TravelMode.Train").</summary>
public static class ReturneeWords
{
    public static string Of<TEnum>(TEnum value, CultureInfo culture) where TEnum : struct, Enum => Messages.Get(culture, $"Returnees.{typeof(TEnum).Name}.{value}");

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value, CultureInfo.CurrentUICulture);

    public static string Level(ZoneLevel? level, CultureInfo culture) => level is { } l ? RiskAreas.Word(RiskAreas.LevelOf(l), culture) : Messages.Get(culture, "Returnees.RiskLevel.None");

    public static string Level(RiskLevel? level) => level is { } l ? RiskAreas.Word(l, CultureInfo.CurrentUICulture) : Messages.Get("Returnees.RiskLevel.None");

    public static string Overdue(bool checkIn, bool test, CultureInfo culture) => (checkIn, test) switch
    {
        (true, true) => Messages.Get(culture, "Returnees.Overdue.Both"),
        (true, false) => Messages.Get(culture, "Returnees.Overdue.CheckIn"),
        (false, true) => Messages.Get(culture, "Returnees.Overdue.Test"),
        _ => "",
    };
}

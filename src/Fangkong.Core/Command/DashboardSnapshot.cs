using Fangkong.Domain.Command;

namespace Fangkong.Core.Command;

/// <summary>Where a figure clicks through to: a line list (cases, contacts, quarantine) with its filter, or another page.</summary>
/// <param name="List">cases, contacts or quarantine for a line list; null for a page link.</param>
/// <param name="Path">The page's path (for a list, its page; the API is /api/lists/{List}).</param>
/// <param name="Query">The filter, as the list's query parameters.</param>
public sealed record FigureLink(string? List, string Path, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    public string Href => Query.Count == 0 ? Path : Path + "?" + string.Join('&', Query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
}

/// <summary>One number on the dashboard, keyed (e.g. "cases.newConfirmed"), with the line list behind it.</summary>
public sealed record DashboardFigure(string Key, int Value, FigureLink? Link);

/// <summary>One place (district, or city on a province dashboard) with its case figures.</summary>
public sealed record DashboardPlace(string Code, string Name, string EnglishName, PlaceCases Cases);

/// <summary>A quarantine site's occupancy against its capacity.</summary>
public sealed record SiteOccupancy(long Id, string Name, string DistrictCode, int Rooms, int Beds, int OccupiedRooms, int Persons)
{
    public double Load => Beds == 0 ? 0 : (double)Persons / Beds;
}

/// <summary>The running (or last) mass-testing round: coverage, turnaround and the tubes stuck in the chain.</summary>
public sealed record RoundProgress(long Id, string Name, string Status, int Residents, int Sampled, int ResultsOut, int Missed,
    TimeSpan? MedianSamplingToResult, double? WithinTarget, int StuckTubes);

/// <summary>A venue at or over its capacity, from its open visits.</summary>
public sealed record FullVenue(long Id, string Name, int Inside, int Capacity);

/// <summary>
/// Everything the command center's dashboard shows, computed at once (see <see cref="DashboardBuilder"/>) and served from
/// memory until the next refresh, so no panel waits on the store.
/// </summary>
public sealed record DashboardSnapshot
{
    public required DateTime AtUtc { get; init; }
    public required TimeSpan BuildTime { get; init; }
    public required DateOnly Today { get; init; }
    public required BulletinLevel Level { get; init; }
    public required string AreaCode { get; init; }
    public required PlaceCount Area { get; init; }
    /// <summary>Today's bulletin figures so far (0 h until now).</summary>
    public required BulletinFigures TodayFigures { get; init; }
    public required IReadOnlyList<DayTrend> Trend { get; init; }
    public required IReadOnlyList<CurveBar> CurveByOnset { get; init; }
    public required IReadOnlyList<CurveBar> CurveByReport { get; init; }
    public required IReadOnlyList<DashboardPlace> Places { get; init; }
    public required IReadOnlyList<SiteOccupancy> Sites { get; init; }
    public required int HomeIsolation { get; init; }
    public required RoundProgress? Round { get; init; }
    public required IReadOnlyList<FullVenue> FullVenues { get; init; }
    /// <summary>Zones in force by district and level, and those set and lifted today (null on a snapshot built before zones existed).</summary>
    public Zones.ZoneDay? Zones { get; init; }
    /// <summary>Cases in beds against beds, per hospital (null on a snapshot built before hospitals existed).</summary>
    public IReadOnlyList<HospitalOccupancy>? Hospitals { get; init; }
    /// <summary>Every number shown, with its click-through; the panels read their values from here.</summary>
    public required IReadOnlyList<DashboardFigure> Figures { get; init; }

    public DashboardFigure Figure(string key) => Figures.FirstOrDefault(f => f.Key == key) ?? new DashboardFigure(key, 0, null);

    /// <summary>The name of a place key of <see cref="CurveBar.ByPlace"/>, in the viewer's language.</summary>
    public string PlaceName(string code, bool english) =>
        Places.FirstOrDefault(p => p.Code == code) is { } p ? (english ? p.EnglishName : p.Name)
        : code == "" ? (english ? BulletinFacts.Unknown.EnglishName : BulletinFacts.Unknown.Name) : code;
}

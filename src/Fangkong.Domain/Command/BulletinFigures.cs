namespace Fangkong.Domain.Command;

/// <summary>The area a bulletin speaks for; its places are one level down (cities of a province, districts of a city).</summary>
public enum BulletinLevel { Province = 1, City = 2, District = 3 }

/// <summary>
/// The official style a bulletin is written in (domain.md §9): the province style of 2022 (cases and asymptomatic
/// infections by city, a discharge paragraph, cumulative contacts) or the city style of 2020 (confirmed and suspected
/// accounting, a reminder, signed by the city's leading group office).
/// </summary>
public enum BulletinStyle { Province = 1, City = 2 }

/// <summary>
/// A count in one place, named in both languages; <see cref="Order"/> is the place's position in the office's own list
/// (places are listed in that order, not by count; equal positions by name).
/// </summary>
public sealed record PlaceCount(string Name, string EnglishName, int Count, int Order = 0);

/// <summary>New confirmed cases of a day by clinical type (domain.md §5; suspected cases are not reported).</summary>
public sealed record ClinicalTypes(int Mild, int Common, int Severe, int Critical)
{
    public int Total => Mild + Common + Severe + Critical;
}

/// <summary>
/// Everything one day's bulletin states (domain.md §9), for one area, 0–24 h of <see cref="Day"/> in city time.
/// Confirmed counts include asymptomatic infections confirmed that day; <see cref="Conversions"/> says how many.
/// </summary>
public sealed record BulletinFigures
{
    public required DateOnly Day { get; init; }
    public required BulletinLevel Level { get; init; }
    public required string AreaName { get; init; }
    public required string AreaEnglishName { get; init; }

    public ClinicalTypes NewConfirmed { get; init; } = new(0, 0, 0, 0);
    public IReadOnlyList<PlaceCount> ConfirmedByPlace { get; init; } = [];
    public int NewAsymptomatic { get; init; }
    public IReadOnlyList<PlaceCount> AsymptomaticByPlace { get; init; } = [];
    public int Conversions { get; init; }
    public IReadOnlyList<PlaceCount> ConversionsByPlace { get; init; } = [];
    public int Discharged { get; init; }
    public IReadOnlyList<PlaceCount> DischargedByPlace { get; init; } = [];
    public int ReleasedAsymptomatic { get; init; }
    public IReadOnlyList<PlaceCount> ReleasedAsymptomaticByPlace { get; init; } = [];

    public int CumulativeConfirmed { get; init; }
    public int CumulativeDischarged { get; init; }
    public int CumulativeDeaths { get; init; }
    public int CumulativeAsymptomatic { get; init; }
    public int AsymptomaticUnderObservation { get; init; }

    /// <summary>Suspected cases reported that day, and their course to the end of the day (cumulative).</summary>
    public int NewSuspected { get; init; }
    public int CumulativeSuspected { get; init; }
    public int SuspectedExcluded { get; init; }
    public int SuspectedConverted { get; init; }

    public int NewCloseContacts { get; init; }
    public int NewSecondaryContacts { get; init; }
    public int ReleasedContacts { get; init; }
    public int CloseContactsUnderObservation { get; init; }
    public int SecondaryContactsUnderObservation { get; init; }
    public int CumulativeCloseContacts { get; init; }
    public int CumulativeCloseContactsReleased { get; init; }
    public int CumulativeSecondaryContacts { get; init; }
    public int CumulativeSecondaryContactsReleased { get; init; }

    /// <summary>People under isolation at the end of the day: at a centralized site and at home.</summary>
    public int InCentralizedIsolation { get; init; }
    public int InHomeIsolation { get; init; }

    /// <summary>People screened (sampled) that day and across all rounds to its end, counted per sampling (人次).</summary>
    public int ScreenedToday { get; init; }
    public int ScreenedCumulative { get; init; }

    /// <summary>Citizens' requests (群众诉求) received and resolved that day and to its end: the press conference's "2,088 received, 1,994 resolved".</summary>
    public int RequestsReceivedToday { get; init; }
    public int RequestsResolvedToday { get; init; }
    public int RequestsReceived { get; init; }
    public int RequestsResolved { get; init; }
    /// <summary>Requests still open past their deadline when the bulletin is drafted.</summary>
    public int RequestsOverdue { get; init; }

    /// <summary>Supply orders to sealed and controlled homes (保供) placed that day and to its end.</summary>
    public int SupplyOrdersToday { get; init; }
    public int SupplyOrders { get; init; }
    /// <summary>Households that received at least one order by the end of the day, and the packs and kilograms delivered to them.</summary>
    public int SupplyHouseholdsServed { get; init; }
    public int SupplyPacksDelivered { get; init; }
    public decimal SupplyKgDelivered { get; init; }
    /// <summary>Orders still on their way past the promised hours when the bulletin is drafted.</summary>
    public int SupplyOrdersOverdue { get; init; }

    /// <summary>Confirmed cases still under treatment at the end of the day.</summary>
    public int CurrentConfirmed => CumulativeConfirmed - CumulativeDischarged - CumulativeDeaths;

    /// <summary>Suspected cases neither excluded nor confirmed at the end of the day.</summary>
    public int CurrentSuspected => CumulativeSuspected - SuspectedExcluded - SuspectedConverted;
}

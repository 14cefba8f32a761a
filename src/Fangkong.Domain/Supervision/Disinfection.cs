using Fangkong.Domain.Places;

namespace Fangkong.Domain.Supervision;

/// <summary>
/// How often each venue type must disinfect, a day (issue 24 part 4: "three times a day at an enterprise"); configurable
/// under <c>Policy:Supervision:Disinfection</c>. A type not listed needs none.
/// </summary>
public sealed record DisinfectionPolicy
{
    public Dictionary<VenueType, int> TimesPerDay { get; init; } = new()
    {
        [VenueType.ServiceHall] = 2,
        [VenueType.Market] = 2,
        [VenueType.Supermarket] = 2,
        [VenueType.Bus] = 3,
        [VenueType.School] = 2,
        [VenueType.Hospital] = 3,
        [VenueType.Enterprise] = 3,
        [VenueType.ConstructionProject] = 1,
    };
    public string Version { get; init; } = "disinfection-2026.1";

    public int Required(VenueType t) => TimesPerDay.TryGetValue(t, out var n) ? Math.Max(0, n) : 0;
}

/// <summary>The disinfection rule: the day's required records spread over the opening hours, and how many are due by now.</summary>
public static class DisinfectionDue
{
    /// <summary>
    /// Records due by <paramref name="nowLocal"/>: the n-th of the day's <c>required</c> falls due at the end of the n-th
    /// equal part of the day's opening hours, so a venue that has disinfected once by mid-morning is not yet behind.
    /// </summary>
    public static int DueBy(int required, OpeningHours hours, DateTime nowLocal)
    {
        if (required <= 0) return 0;
        var opened = GateWatch.OpenedAt(hours, nowLocal);
        var length = hours.IsAllDay ? TimeSpan.FromDays(1) : hours.ClosingAfter(opened) - opened;
        var elapsed = nowLocal - opened;
        if (elapsed >= length) return required;
        return (int)Math.Floor(elapsed / length * required);
    }

    /// <summary>How many records the venue is short by now (0 when on schedule).</summary>
    public static int Missing(int required, OpeningHours hours, DateTime nowLocal, int recordedSinceOpening) =>
        Math.Max(0, DueBy(required, hours, nowLocal) - recordedSinceOpening);
}

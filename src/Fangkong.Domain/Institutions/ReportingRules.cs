namespace Fangkong.Domain.Institutions;

/// <summary>How one temperature reads against the policy.</summary>
public enum ReadingKind { Normal, Fever, Implausible }

/// <summary>
/// The daily report's rules (日检日报): a reading is a fever at the threshold; a unit's day is missing once the deadline has
/// passed without a report; rates are reported units (or institutions) over those due, in percent to one decimal.
/// </summary>
public static class ReportingRules
{
    public static ReadingKind Read(decimal celsius, InstitutionPolicy policy) =>
        celsius < policy.MinCelsius || celsius > policy.MaxCelsius ? ReadingKind.Implausible
        : celsius >= policy.FeverCelsius ? ReadingKind.Fever : ReadingKind.Normal;

    /// <summary>Whether a day's report not yet in is missing at <paramref name="now"/> (city time): past days always, today after the deadline.</summary>
    public static bool IsMissing(DateOnly day, DateTime now, InstitutionPolicy policy)
    {
        var today = DateOnly.FromDateTime(now);
        if (day > today) return false;
        if (day < today) return true;
        return TimeOnly.FromDateTime(now) >= policy.ReportDeadline;
    }

    /// <summary>The deadline of a day's report in city time.</summary>
    public static DateTime DeadlineOf(DateOnly day, InstitutionPolicy policy) => day.ToDateTime(policy.ReportDeadline);

    /// <summary>Reported over due, in percent to one decimal; nothing due is 100 %.</summary>
    public static decimal Rate(int reported, int due) =>
        due <= 0 ? 100m : Math.Round(100m * Math.Min(reported, due) / due, 1, MidpointRounding.AwayFromZero);
}

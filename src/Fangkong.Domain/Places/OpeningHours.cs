namespace Fangkong.Domain.Places;

/// <summary>Daily opening hours in city-local time. A venue open all day has Opens == Closes == 00:00.</summary>
public readonly record struct OpeningHours(TimeOnly Opens, TimeOnly Closes)
{
    public static readonly OpeningHours AllDay = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool IsAllDay => Opens == Closes;

    /// <summary>
    /// The closing instant (local) that ends a visit that began at <paramref name="enteredLocal"/>:
    /// the first closing time after entry. For an all-day venue, the end of the entry day.
    /// </summary>
    public DateTime ClosingAfter(DateTime enteredLocal)
    {
        var day = enteredLocal.Date;
        if (IsAllDay) return day.AddDays(1);
        var close = day + Closes.ToTimeSpan();
        if (Closes <= Opens) close = close.AddDays(1); // closes after midnight
        while (close <= enteredLocal) close = close.AddDays(1);
        return close;
    }

    public bool IsOpenAt(TimeOnly local)
    {
        if (IsAllDay) return true;
        return Opens < Closes ? local >= Opens && local < Closes : local >= Opens || local < Closes;
    }
}

namespace Fangkong.Core.Common;

/// <summary>
/// City-local time. Chinese cities all keep UTC+8 with no daylight saving, so a fixed offset is exact
/// and needs no time-zone database.
/// </summary>
public sealed class CityClock(TimeProvider time, TimeSpan? offset = null)
{
    /// <summary>China Standard Time, the offset of every city the platform serves.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public TimeSpan Offset { get; } = offset ?? ChinaOffset;
    public TimeProvider Time => time;
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
    public DateTime LocalNow => UtcNow + Offset;
    public DateTime ToLocal(DateTime utc) => utc + Offset;
    public DateTime ToUtc(DateTime local)
    {
        // A backstop for dates a page or a caller passes on unchecked: year 1 would overflow here, a 500 instead of a 400.
        PlausibleDates.Check(local, "date");
        return DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
    }

    /// <summary>An instant from a caller: UTC and offset-bearing times are exact; a bare local time is city time.</summary>
    public DateTime AsUtc(DateTime t)
    {
        PlausibleDates.Check(t, "date");
        return t.Kind switch
        {
            DateTimeKind.Utc => t,
            DateTimeKind.Local => t.ToUniversalTime(),
            _ => ToUtc(t),
        };
    }
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);
    /// <summary>UTC instant of local midnight starting <paramref name="day"/>.</summary>
    public DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));
}

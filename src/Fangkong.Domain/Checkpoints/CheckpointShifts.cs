namespace Fangkong.Domain.Checkpoints;

/// <summary>A shift of a checkpoint's day: the day it started on (city time) and its number, 1 to the shifts per day.</summary>
public readonly record struct ShiftSlot(DateOnly Day, int Number);

/// <summary>
/// A checkpoint's day is cut into equal shifts (three of eight hours by default, as Dongliao's 300 staff a day worked),
/// the first starting at <c>firstStarts</c>. A time before the first shift's start belongs to the previous day's last shift.
/// </summary>
public static class CheckpointShifts
{
    public const int MinPerDay = 1, MaxPerDay = 6;

    public static ShiftSlot Of(DateTime cityLocal, int perDay, TimeOnly firstStarts)
    {
        if (perDay is < MinPerDay or > MaxPerDay) throw new ArgumentOutOfRangeException(nameof(perDay));
        var sinceFirst = cityLocal - cityLocal.Date.Add(firstStarts.ToTimeSpan());
        var day = DateOnly.FromDateTime(cityLocal);
        if (sinceFirst < TimeSpan.Zero)
        {
            sinceFirst += TimeSpan.FromDays(1);
            day = day.AddDays(-1);
        }
        var length = TimeSpan.FromDays(1) / perDay;
        return new ShiftSlot(day, Math.Min(perDay, (int)(sinceFirst / length) + 1));
    }

    /// <summary>When a shift starts and ends, city time.</summary>
    public static (DateTime Starts, DateTime Ends) Span(ShiftSlot slot, int perDay, TimeOnly firstStarts)
    {
        var length = TimeSpan.FromDays(1) / perDay;
        var starts = slot.Day.ToDateTime(firstStarts) + length * (slot.Number - 1);
        return (starts, starts + length);
    }
}

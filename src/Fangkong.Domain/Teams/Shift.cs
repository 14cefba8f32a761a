namespace Fangkong.Domain.Teams;

/// <summary>
/// One duty shift on a day of the roster: from <see cref="Starts"/> to <see cref="Ends"/> city time. A shift that ends
/// at or before it starts runs past midnight into the next day (the night shift of a checkpoint's three).
/// </summary>
public readonly record struct Shift(DateOnly Day, TimeOnly Starts, TimeOnly Ends)
{
    /// <summary>The longest shift a roster takes: longer than this is a typing mistake, not a shift.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(16);

    public DateTime StartLocal => Day.ToDateTime(Starts);

    public DateTime EndLocal => Ends > Starts ? Day.ToDateTime(Ends) : Day.AddDays(1).ToDateTime(Ends);

    public TimeSpan Length => EndLocal - StartLocal;

    public bool IsValid => Length > TimeSpan.Zero && Length <= Longest;

    public bool Covers(DateTime local) => local >= StartLocal && local < EndLocal;

    public bool Overlaps(Shift other) => StartLocal < other.EndLocal && other.StartLocal < EndLocal;
}

namespace Fangkong.Domain.Zones;

/// <summary>A round that sampled a whole zone: when, how many of its residents were not sampled, how many positive.</summary>
public sealed record ZoneRound(DateOnly Day, int Residents, int NotSampled, int Positive, int Pending)
{
    /// <summary>Everyone in the zone sampled, every result out, none positive.</summary>
    public bool AllNegative => NotSampled == 0 && Positive == 0 && Pending == 0;
}

/// <summary>
/// What the platform knows about one zone on one day, as the lifting rules need it (domain.md §7). Days are city days.
/// </summary>
/// <param name="Level">The zone's level now.</param>
/// <param name="LevelSince">The day the zone took this level (set, upgraded or downgraded).</param>
/// <param name="DowngradedFromSealed">Under edition 9 a medium-risk area that was high: it becomes low 3 days later.</param>
/// <param name="LastInfection">The day of the zone's latest case or asymptomatic infection (found or first positive
/// sampling), or null when none was found inside it after it was set.</param>
/// <param name="LastCloseContactOut">The day the zone's last close contact was transferred out, or null when none was.</param>
/// <param name="LastCloseContactNegative">Whether that contact has tested negative since.</param>
/// <param name="LatestRound">The latest round that sampled everyone in the zone (its tallies), or null.</param>
public sealed record ZoneFacts(
    ZoneLevel Level,
    DateOnly LevelSince,
    bool DowngradedFromSealed,
    DateOnly? LastInfection,
    DateOnly? LastCloseContactOut,
    bool LastCloseContactNegative,
    ZoneRound? LatestRound)
{
    /// <summary>Whole days since the zone's last infection (or since it took its level, when none): day 14 means 14 clear days.</summary>
    public int DaysWithoutInfection(DateOnly today)
    {
        var from = LastInfection is { } last && last > LevelSince ? last : LevelSince;
        return Math.Max(0, today.DayNumber - from.DayNumber);
    }
}

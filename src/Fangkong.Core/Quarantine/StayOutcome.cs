namespace Fangkong.Core.Quarantine;

/// <summary>
/// Where a quarantine stay stands, or why it ended. Not stored: a stay keeps only "released" and when; the reason
/// follows from the stay and the person's cases (<see cref="StayOutcomes.Of"/>), so the lists say it for every stay,
/// also those ended before it was shown.
/// </summary>
public enum StayOutcome
{
    InQuarantine = 1,
    /// <summary>Still in quarantine, but reported a case since it began: to be moved to treatment.</summary>
    CaseInQuarantine = 2,
    /// <summary>Ended because the person became a case (moved to hospital or a makeshift hospital).</summary>
    BecameCase = 3,
    /// <summary>Released before the release date: a secondary contact whose close contact's first two tests were negative.</summary>
    ReleasedEarly = 4,
    /// <summary>Released on or after the release date, the time served and the scheduled tests negative.</summary>
    ReleasedOnSchedule = 5,
}

public static class StayOutcomes
{
    /// <param name="state">The stay's state.</param>
    /// <param name="caseId">A case of the person reported from the stay's start until it ended (or now, while it runs).</param>
    /// <param name="releasedOn">The city date the stay ended.</param>
    /// <param name="releaseDate">The city date it was planned to end.</param>
    public static StayOutcome Of(QuarantineState state, long? caseId, DateOnly? releasedOn, DateOnly releaseDate) =>
        (state, caseId, releasedOn) switch
        {
            (QuarantineState.InQuarantine, null, _) => StayOutcome.InQuarantine,
            (QuarantineState.InQuarantine, _, _) => StayOutcome.CaseInQuarantine,
            (_, not null, _) => StayOutcome.BecameCase,
            (_, _, { } on) when on < releaseDate => StayOutcome.ReleasedEarly,
            _ => StayOutcome.ReleasedOnSchedule,
        };

    /// <summary>The city date of an instant (evaluated as rows are read: a UTC instant's city day is not portable SQL).</summary>
    public static DateOnly? CityDate(DateTime? utc, TimeSpan cityOffset) => utc is { } t ? DateOnly.FromDateTime(t + cityOffset) : null;
}

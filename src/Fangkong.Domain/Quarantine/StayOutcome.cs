namespace Fangkong.Domain.Quarantine;

/// <summary>
/// Where a quarantine stay stands, or why it ended. Not stored: a stay keeps only "released" and when; the reason
/// follows from the stay and the person's cases (Core's StayOutcomes.Of), so the lists say it for every stay,
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

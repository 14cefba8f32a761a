using Fangkong.Domain.Quarantine;

namespace Fangkong.Core.Quarantine;

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

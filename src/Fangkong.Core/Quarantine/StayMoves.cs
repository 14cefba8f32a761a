using Fangkong.Domain.Quarantine;

namespace Fangkong.Core.Quarantine;

/// <summary>One move a placement will request: from a site (null: home) to a site (null: home), on its due day.</summary>
public sealed record PlannedMove(long? FromSiteId, long? ToSiteId, DateOnly Due);

/// <summary>
/// The moves a stay's schedule calls for from its day 1, for a placement and a restart alike: to the site from wherever
/// the person is, and — where a home stage follows the centralized days — home on its first day.
/// </summary>
public static class StayMoves
{
    public static IReadOnlyList<PlannedMove> For(long? fromSiteId, long? toSiteId, QuarantineSchedule schedule, DateOnly day1)
    {
        var moves = new List<PlannedMove>();
        if (fromSiteId != toSiteId) moves.Add(new(fromSiteId, toSiteId, day1));
        if (toSiteId is not null && schedule.Stages.FirstOrDefault(s => s.Place == QuarantinePlace.Home) is { From: var home } && home > day1)
            moves.Add(new(toSiteId, null, home));
        return moves;
    }
}

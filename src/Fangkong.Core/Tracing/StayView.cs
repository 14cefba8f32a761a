using Fangkong.Core.Data;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// One search's look at the <see cref="StayIndex"/>: the stays a person had, or that anyone had at some venues, as the store
/// would answer now — entered in [earliest, to), leaving after from, a stay still open lasting until now. The open stays it
/// touches are re-read by id, so an exit recorded anywhere (another instance, an inferred exit) is seen.
/// </summary>
public sealed class StayView
{
    private readonly PresenceIndex _stays;
    private readonly RecentStays _recent;

    internal StayView(PresenceIndex stays, RecentStays recent) => (_stays, _recent) = (stays, recent);

    public Task<List<Presence>> OwnAsync(FangkongDb db, long personId, long earliestTicks, long fromTicks, long toTicks, DateTime now, CancellationToken ct)
    {
        var positions = new List<int>();
        _stays.ForPerson(personId, fromTicks, toTicks, positions);
        return WithRecentAsync(db, positions, personId, null, earliestTicks, fromTicks, toTicks, now, ct);
    }

    public Task<List<Presence>> AtAsync(FangkongDb db, IReadOnlyCollection<long> venueIds, long earliestTicks, long fromTicks, long toTicks, DateTime now,
        CancellationToken ct)
    {
        var positions = new List<int>();
        foreach (var v in venueIds) _stays.Overlapping(v, fromTicks, toTicks, positions);
        return WithRecentAsync(db, positions, null, venueIds, earliestTicks, fromTicks, toTicks, now, ct);
    }

    private async Task<List<Presence>> WithRecentAsync(FangkongDb db, List<int> positions, long? personId, IReadOnlyCollection<long>? venueIds,
        long earliestTicks, long fromTicks, long toTicks, DateTime now, CancellationToken ct)
    {
        var result = new List<Presence>(positions.Count + 16);
        foreach (var i in positions)
            if (_stays[i].InTicks >= earliestTicks) result.Add(_stays[i]);
        var recent = new List<(long Id, Presence Stay)>();
        _recent.Collect(personId, venueIds, toTicks, recent);
        var open = recent.Where(r => r.Stay.OutTicks == RecentStays.Open).Select(r => r.Id).ToList();
        Dictionary<long, DateTime?> current = [];
        if (open.Count > 0)
        {
            current = await db.Visits.AsNoTracking().Where(v => open.Contains(v.Id)).Select(v => new { v.Id, v.ExitedAtUtc }).ToDictionaryAsync(v => v.Id, v => v.ExitedAtUtc, ct);
            foreach (var id in open)
            {
                if (!current.TryGetValue(id, out var exit)) _recent.Remove(id);
                else if (exit is { } e) _recent.Close(id, e);
            }
        }
        foreach (var (id, s) in recent)
        {
            var stay = s;
            if (s.OutTicks == RecentStays.Open)
            {
                if (!current.TryGetValue(id, out var exit)) continue;
                stay = s with { OutTicks = (exit ?? now).Ticks };
            }
            if (stay.InTicks >= earliestTicks && stay.OutTicks > fromTicks) result.Add(stay);
        }
        return result;
    }
}

using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Tracing;

/// <summary>
/// The stays a <see cref="StayIndex"/>'s sorted base does not hold: visits written after it was read, and visits still open then.
/// Keyed by visit id, so a catch-up read, the gate's hook and a re-read of an open stay all land on the same entry; open stays
/// have <see cref="Open"/> as their exit until their exit is seen. Small (hours of visits), so a dictionary, under a lock.
/// </summary>
internal sealed class RecentStays
{
    public const long Open = long.MaxValue;

    private readonly Dictionary<long, Presence> _byId = [];
    private readonly Dictionary<long, List<long>> _byVenue = [];
    private readonly Dictionary<long, List<long>> _byPerson = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _byId.Count; }
    }

    public bool Contains(long id)
    {
        lock (_lock) return _byId.ContainsKey(id);
    }

    /// <summary>Adds a visit or updates its exit. A visit once closed stays closed: a stale read of it open changes nothing.</summary>
    public void Upsert(long id, long personId, long venueId, DateTime enteredAtUtc, DateTime? exitedAtUtc)
    {
        var stay = new Presence(personId, venueId, enteredAtUtc.Ticks, exitedAtUtc?.Ticks ?? Open);
        lock (_lock)
        {
            if (_byId.TryGetValue(id, out var known))
            {
                if (known.OutTicks == Open) _byId[id] = stay;
                return;
            }
            _byId[id] = stay;
            Add(_byVenue, venueId, id);
            Add(_byPerson, personId, id);
        }
    }

    public void Close(long id, DateTime exitedAtUtc)
    {
        lock (_lock)
            if (_byId.TryGetValue(id, out var s) && s.OutTicks == Open) _byId[id] = s with { OutTicks = exitedAtUtc.Ticks };
    }

    public void Remove(long id)
    {
        lock (_lock)
        {
            if (!_byId.Remove(id, out var s)) return;
            _byVenue[s.VenueId].Remove(id);
            _byPerson[s.PersonId].Remove(id);
        }
    }

    /// <summary>Closed stays with an id below <paramref name="bound"/>: what the entries' retention purge deletes.</summary>
    public void RemoveClosedBelow(long bound)
    {
        List<long> gone;
        lock (_lock) gone = _byId.Where(x => x.Key < bound && x.Value.OutTicks != Open).Select(x => x.Key).ToList();
        foreach (var id in gone) Remove(id);
    }

    /// <summary>The stays (with their ids) of a person, or at any of some venues, entered before <paramref name="toTicks"/>.</summary>
    public void Collect(long? personId, IReadOnlyCollection<long>? venueIds, long toTicks, List<(long Id, Presence Stay)> into)
    {
        lock (_lock)
        {
            if (personId is { } p && _byPerson.TryGetValue(p, out var mine)) Take(mine, toTicks, into);
            foreach (var v in venueIds ?? [])
                if (_byVenue.TryGetValue(v, out var there)) Take(there, toTicks, into);
        }
    }

    private void Take(List<long> ids, long toTicks, List<(long, Presence)> into)
    {
        foreach (var id in ids)
        {
            var s = _byId[id];
            if (s.InTicks < toTicks) into.Add((id, s));
        }
    }

    private static void Add(Dictionary<long, List<long>> map, long key, long id)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(id);
    }
}

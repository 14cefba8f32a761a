using System.Runtime.InteropServices;

namespace Fangkong.Domain.Tracing;

/// <summary>One person's presence at a venue, [In, Out) in UTC ticks; a visit still open is passed with Out = now.</summary>
public readonly record struct Presence(long PersonId, long VenueId, long InTicks, long OutTicks)
{
    public TimeSpan Duration => new(OutTicks - InTicks);
}

/// <summary>
/// Presences held in memory sorted by (venue, entry time), for sort-and-sweep co-presence queries: who was at a venue
/// overlapping a time range is a binary search plus a short scan, instead of a time-windowed self-join in SQL.
/// The scan starts at (from − longest presence at that venue), so it never misses a long presence that began earlier.
/// A second view orders the same presences by (person, entry time) — positions only, 4 bytes a presence — so that a case's
/// own presences come from memory too, not from a read of the store per search.
/// </summary>
public sealed class PresenceIndex
{
    private readonly Presence[] _presences;
    private readonly Dictionary<long, (int Start, int Count, long MaxDuration)> _venues = [];

    // Positions in _presences by (person, entry time); a person's presences are the run _runs[_persons[person]] of it.
    private readonly int[] _byPerson;
    private readonly Dictionary<long, int> _persons = [];
    private readonly List<(int Start, int Count, long MaxDuration)> _runs = [];

    public PresenceIndex(IEnumerable<Presence> presences)
    {
        ArgumentNullException.ThrowIfNull(presences);
        _presences = WithLength(presences);
        Array.Sort(_presences, static (a, b) => a.VenueId != b.VenueId ? a.VenueId.CompareTo(b.VenueId) : a.InTicks.CompareTo(b.InTicks));
        var i = 0;
        while (i < _presences.Length)
        {
            var venue = _presences[i].VenueId;
            var start = i;
            long max = 0;
            for (; i < _presences.Length && _presences[i].VenueId == venue; i++) max = Math.Max(max, _presences[i].OutTicks - _presences[i].InTicks);
            _venues[venue] = (start, i - start, max);
        }
        _byPerson = SortByPerson();
    }

    public int Count => _presences.Length;

    public IEnumerable<long> Venues => _venues.Keys;

    /// <summary>How many distinct persons have presences in the index.</summary>
    public int PersonCount => _persons.Count;

    public ref readonly Presence this[int i] => ref _presences[i];

    /// <summary>Adds to <paramref name="into"/> the positions of presences at <paramref name="venueId"/> overlapping [from, to) by more than zero.</summary>
    public void Overlapping(long venueId, long fromTicks, long toTicks, List<int> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (toTicks <= fromTicks || !_venues.TryGetValue(venueId, out var v)) return;
        var end = v.Start + v.Count;
        for (var i = LowerBound(v.Start, end, fromTicks - v.MaxDuration); i < end && _presences[i].InTicks < toTicks; i++)
            if (_presences[i].OutTicks > fromTicks) into.Add(i);
    }

    /// <summary>
    /// Adds to <paramref name="into"/>, in entry order, the positions of <paramref name="personId"/>'s presences overlapping
    /// [from, to) by more than zero — the same edges as <see cref="Overlapping"/>.
    /// </summary>
    public void ForPerson(long personId, long fromTicks, long toTicks, List<int> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (toTicks <= fromTicks || !_persons.TryGetValue(personId, out var r)) return;
        var p = _runs[r];
        var end = p.Start + p.Count;
        for (var i = PersonLowerBound(p.Start, end, fromTicks - p.MaxDuration); i < end && _presences[_byPerson[i]].InTicks < toTicks; i++)
            if (_presences[_byPerson[i]].OutTicks > fromTicks) into.Add(_byPerson[i]);
    }

    /// <summary>The presences at one venue, in entry order.</summary>
    public ReadOnlySpan<Presence> AtVenue(long venueId) =>
        _venues.TryGetValue(venueId, out var v) ? _presences.AsSpan(v.Start, v.Count) : [];

    /// <summary>
    /// The presences of more than zero length, copied at their exact size. Where().ToArray() builds the copy in buffers
    /// rented from the shared array pool, which keeps them afterwards: about as much memory again as the copy.
    /// </summary>
    private static Presence[] WithLength(IEnumerable<Presence> presences)
    {
        ReadOnlySpan<Presence> all = presences switch
        {
            Presence[] array => array,
            List<Presence> list => CollectionsMarshal.AsSpan(list),
            _ => CollectionsMarshal.AsSpan(new List<Presence>(presences)),
        };
        var count = 0;
        foreach (ref readonly var s in all)
            if (s.OutTicks > s.InTicks) count++;
        var result = new Presence[count];
        count = 0;
        foreach (ref readonly var s in all)
            if (s.OutTicks > s.InTicks) result[count++] = s;
        return result;
    }

    private int[] SortByPerson()
    {
        // A counting sort into one run per person, then each short run by entry time: faster than one comparison sort
        // of every presence, with 12 bytes a presence of scratch (the presence's run and entry time) dropped afterwards.
        var n = _presences.Length;
        var run = new int[n];
        for (var i = 0; i < n; i++)
        {
            ref var r = ref CollectionsMarshal.GetValueRefOrAddDefault(_persons, _presences[i].PersonId, out var seen);
            if (!seen)
            {
                r = _runs.Count;
                _runs.Add(default);
            }
            run[i] = r;
            ref var p = ref CollectionsMarshal.AsSpan(_runs)[r];
            p.Count++;
            p.MaxDuration = Math.Max(p.MaxDuration, _presences[i].OutTicks - _presences[i].InTicks);
        }
        var runs = CollectionsMarshal.AsSpan(_runs);
        var next = 0;
        foreach (ref var p in runs)
        {
            p.Start = next;
            next += p.Count;
        }
        var positions = new int[n];
        var entries = new long[n];
        var filled = new int[runs.Length];
        for (var i = 0; i < n; i++)
        {
            var at = runs[run[i]].Start + filled[run[i]]++;
            positions[at] = i;
            entries[at] = _presences[i].InTicks;
        }
        foreach (var p in runs) Array.Sort(entries, positions, p.Start, p.Count);
        return positions;
    }

    private int LowerBound(int lo, int hi, long inTicks)
    {
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (_presences[mid].InTicks < inTicks) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int PersonLowerBound(int lo, int hi, long inTicks)
    {
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (_presences[_byPerson[mid]].InTicks < inTicks) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

namespace Fangkong.Domain.Tracing;

/// <summary>One person's stay at a venue, [In, Out) in UTC ticks; a visit still open is passed with Out = now.</summary>
public readonly record struct Stay(long PersonId, long VenueId, long InTicks, long OutTicks)
{
    public TimeSpan Duration => new(OutTicks - InTicks);
}

/// <summary>
/// Stays held in memory sorted by (venue, entry time), for sort-and-sweep co-presence queries: who was at a venue
/// overlapping a time range is a binary search plus a short scan, instead of a time-windowed self-join in SQL.
/// The scan starts at (from − longest stay at that venue), so it never misses a long stay that began earlier.
/// </summary>
public sealed class StayIndex
{
    private readonly Stay[] _stays;
    private readonly Dictionary<long, (int Start, int Count, long MaxDuration)> _venues = [];

    public StayIndex(IEnumerable<Stay> stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        _stays = stays.Where(s => s.OutTicks > s.InTicks).ToArray();
        Array.Sort(_stays, static (a, b) => a.VenueId != b.VenueId ? a.VenueId.CompareTo(b.VenueId) : a.InTicks.CompareTo(b.InTicks));
        var i = 0;
        while (i < _stays.Length)
        {
            var venue = _stays[i].VenueId;
            var start = i;
            long max = 0;
            for (; i < _stays.Length && _stays[i].VenueId == venue; i++) max = Math.Max(max, _stays[i].OutTicks - _stays[i].InTicks);
            _venues[venue] = (start, i - start, max);
        }
    }

    public int Count => _stays.Length;

    public IEnumerable<long> Venues => _venues.Keys;

    public ref readonly Stay this[int i] => ref _stays[i];

    /// <summary>Adds to <paramref name="into"/> the positions of stays at <paramref name="venueId"/> overlapping [from, to) by more than zero.</summary>
    public void Overlapping(long venueId, long fromTicks, long toTicks, List<int> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (toTicks <= fromTicks || !_venues.TryGetValue(venueId, out var v)) return;
        var end = v.Start + v.Count;
        for (var i = LowerBound(v.Start, end, fromTicks - v.MaxDuration); i < end && _stays[i].InTicks < toTicks; i++)
            if (_stays[i].OutTicks > fromTicks) into.Add(i);
    }

    /// <summary>The stays at one venue, in entry order.</summary>
    public ReadOnlySpan<Stay> AtVenue(long venueId) =>
        _venues.TryGetValue(venueId, out var v) ? _stays.AsSpan(v.Start, v.Count) : [];

    private int LowerBound(int lo, int hi, long inTicks)
    {
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (_stays[mid].InTicks < inTicks) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

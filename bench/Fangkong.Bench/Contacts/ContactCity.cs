using Fangkong.Core.Data;
using Fangkong.Domain.Places;

namespace Fangkong.Bench.Contacts;

/// <summary>One generated visit: a stay [In, Out) in UTC ticks, whole seconds.</summary>
internal readonly record struct VisitRow(long Id, long PersonId, long VenueId, long InTicks, long OutTicks);

/// <summary>
/// A deterministic city for contact tracing: districts of 10,000 residents (compounds of 1,000), each with its own
/// venues of every type, and residents who repeat the same places day after day — a compound gate, a workplace
/// (enterprise or construction site) or a school, buses near home and near work, favourite supermarkets and a
/// market near home, now and then a hospital, service hall or road checkpoint. Stays last from a minute (gates) to ten
/// hours (work); one person's stays never overlap. Any day can be generated alone (seeded by person and day), so a
/// load can resume at the first day missing.
/// </summary>
internal sealed class ContactCity
{
    public static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);
    public static readonly DateOnly FirstDay = new(2022, 4, 4);
    /// <summary>No generated stay is longer than this (a long working day).</summary>
    public static readonly TimeSpan LongestStay = TimeSpan.FromHours(10);

    private const int ResidentsPerDistrict = 10_000;
    private const int ResidentsPerCompound = 1_000;

    // Venues of each district by type, laid out in this order: ids are 1 + district * PerDistrict + offset.
    private static readonly (VenueType Type, int Count)[] Layout =
    [
        (VenueType.CompoundGate, ResidentsPerDistrict / ResidentsPerCompound),
        (VenueType.Enterprise, 100),
        (VenueType.ConstructionProject, 5),
        (VenueType.School, 3),
        (VenueType.Supermarket, 8),
        (VenueType.Market, 3),
        (VenueType.Bus, 100),
        (VenueType.Hospital, 1),
        (VenueType.ServiceHall, 1),
        (VenueType.RoadCheckpoint, 1),
    ];

    private static readonly int PerDistrict = Layout.Sum(l => l.Count);

    public ContactCity(int residents, int days, int visitsPerDay)
    {
        if (residents < 1 || days < 1 || visitsPerDay < 1) throw new ArgumentOutOfRangeException(nameof(residents), "residents, days and visits per day must be positive");
        Residents = residents;
        Days = days;
        VisitsPerDay = visitsPerDay;
        Districts = (residents + ResidentsPerDistrict - 1) / ResidentsPerDistrict;
    }

    public int Residents { get; }
    public int Days { get; }
    public int VisitsPerDay { get; }
    public int Districts { get; }

    /// <summary>The end of the last day: "now" for every search.</summary>
    public DateTime NowUtc => DayStartUtc(Days);

    public static DateTime DayStartUtc(int day) => DateTime.SpecifyKind(FirstDay.AddDays(day).ToDateTime(TimeOnly.MinValue) - CityOffset, DateTimeKind.Utc);

    public DateOnly Date(int day) => FirstDay.AddDays(day);

    public IEnumerable<(long Id, VenueType Type, int District)> Venues()
    {
        for (var d = 0; d < Districts; d++)
        {
            var id = 1L + (long)d * PerDistrict;
            foreach (var (type, count) in Layout)
                for (var k = 0; k < count; k++) yield return (id++, type, d);
        }
    }

    private static long Venue(int district, VenueType type, int k)
    {
        var offset = 0;
        foreach (var (t, count) in Layout)
        {
            if (t == type) return 1L + (long)district * PerDistrict + offset + k % count;
            offset += count;
        }
        throw new ArgumentOutOfRangeException(nameof(type));
    }

    private static int Count(VenueType type) => Layout.First(l => l.Type == type).Count;

    /// <summary>The visits entered on <paramref name="day"/>, in entry order, with time-ordered ids.</summary>
    public VisitRow[] Day(int day)
    {
        var rows = new List<VisitRow>(Residents * (VisitsPerDay + 1));
        var stops = new List<(long Venue, int MinSeconds, int MaxSeconds)>(VisitsPerDay + 8);
        var midnight = DayStartUtc(day).Ticks;
        for (long p = 1; p <= Residents; p++) Plan(p, day, midnight, stops, rows);
        var sorted = rows.ToArray();
        Array.Sort(sorted, static (a, b) => a.InTicks != b.InTicks ? a.InTicks.CompareTo(b.InTicks) : a.PersonId.CompareTo(b.PersonId));
        // Ids as the gate issues them: by entry time, a sequence number within each millisecond.
        long seq = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            seq = i > 0 && sorted[i].InTicks == sorted[i - 1].InTicks ? seq + 1 : 0;
            sorted[i] = sorted[i] with { Id = TimeOrderedIds.Compose(new DateTime(sorted[i].InTicks, DateTimeKind.Utc), TimeOrderedIds.SeedInstance, seq) };
        }
        return sorted;
    }

    private void Plan(long person, int day, long midnightTicks, List<(long, int, int)> stops, List<VisitRow> into)
    {
        var who = Mix((ulong)person);
        var rng = new SplitMix(Mix((ulong)person * 1_000_003UL + (ulong)day));
        var home = (int)((person - 1) / ResidentsPerDistrict);
        var compound = (int)((person - 1) % ResidentsPerDistrict / ResidentsPerCompound);
        var role = (int)(who % 100);
        var byBus = (who >> 8) % 2 == 0;
        var near = Math.Clamp(home + (int)((who >> 12) % 5) - 2, 0, Districts - 1);
        var gate = Venue(home, VenueType.CompoundGate, compound);
        stops.Clear();
        int start;
        var main = -1;
        if (role < 55)
        {
            // Workers: one in ten on a construction site; workplaces skew towards a few large employers.
            var site = (who >> 16) % 10 == 0
                ? Venue(near, VenueType.ConstructionProject, (int)((who >> 20) % (ulong)Count(VenueType.ConstructionProject)))
                : Venue(near, VenueType.Enterprise, (int)(Count(VenueType.Enterprise) * Math.Pow(((who >> 24) % 1000) / 1000.0, 1.5)));
            start = rng.Next(6 * 3600 + 1800, 8 * 3600 + 1800);
            stops.Add((gate, 30, 180));
            if (byBus) stops.Add((Venue(home, VenueType.Bus, (int)((who >> 34) % 100)), 900, 2400));
            main = stops.Count;
            stops.Add((site, 7 * 3600, (int)LongestStay.TotalSeconds));
            if (byBus) stops.Add((Venue(near, VenueType.Bus, (int)((who >> 42) % 100)), 900, 2400));
        }
        else if (role < 70)
        {
            start = rng.Next(6 * 3600 + 2400, 7 * 3600 + 2400);
            stops.Add((gate, 30, 120));
            main = stops.Count;
            stops.Add((Venue(home, VenueType.School, (int)((who >> 20) % (ulong)Count(VenueType.School))), 6 * 3600, 8 * 3600));
        }
        else
        {
            start = rng.Next(7 * 3600, 10 * 3600);
            stops.Add((gate, 30, 180));
            stops.Add((Venue(home, VenueType.Market, (int)((who >> 20) % (ulong)Count(VenueType.Market))), 1200, 5400));
        }
        var target = Math.Max(1, VisitsPerDay - 1 + rng.Next(0, 3));
        while (stops.Count + 1 < target) stops.Add(Errand(who, home, ref rng));
        // Fewer visits than the routine: drop stops from the end, but never the workplace or school.
        while (stops.Count + 1 > target && stops.Count > 1 && stops.Count - 1 != main) stops.RemoveAt(stops.Count - 1);
        if (stops.Count + 1 <= target) stops.Add((gate, 30, 180));
        if (stops.Count > target) stops.RemoveAt(0);

        long t = start;
        foreach (var (venue, min, max) in stops)
        {
            var stay = rng.Next(min, max + 1);
            if (t + stay > 23 * 3600 + 55 * 60) break;
            into.Add(new VisitRow(0, person, venue, midnightTicks + t * TimeSpan.TicksPerSecond, midnightTicks + (t + stay) * TimeSpan.TicksPerSecond));
            t += stay + rng.Next(60, 1200);
        }
    }

    /// <summary>An errand near home: mostly the two favourite supermarkets and the market, sometimes a bus ride, rarely elsewhere.</summary>
    private (long, int, int) Errand(ulong who, int home, ref SplitMix rng)
    {
        var r = rng.Next(0, 100);
        return r switch
        {
            < 30 => (Venue(home, VenueType.Supermarket, (int)((who >> 28) % 8)), 600, 2400),
            < 50 => (Venue(home, VenueType.Supermarket, (int)((who >> 32) % 8)), 600, 2400),
            < 65 => (Venue(home, VenueType.Market, (int)((who >> 36) % 3)), 900, 3600),
            < 88 => (Venue(home, VenueType.Bus, (int)((who >> 40) % 100 + (ulong)r) % 100), 600, 1800),
            < 93 => (Venue(home, VenueType.Hospital, 0), 1800, 3 * 3600),
            < 97 => (Venue(home, VenueType.ServiceHall, 0), 900, 3600),
            _ => (Venue(Math.Clamp(home + rng.Next(-1, 2), 0, Districts - 1), VenueType.RoadCheckpoint, 0), 60, 300),
        };
    }

    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A tiny deterministic generator (SplitMix64): one per person and day, no allocation.</summary>
    internal struct SplitMix(ulong state)
    {
        private ulong _state = state;

        /// <summary>A value in [min, max).</summary>
        public int Next(int min, int max)
        {
            _state += 0x9E3779B97F4A7C15UL;
            return min + (int)(Mix(_state) % (ulong)(max - min));
        }
    }
}

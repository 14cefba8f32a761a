using System.Diagnostics;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Bench.Contacts;

/// <summary>
/// The product's way: every stay of the store in one <see cref="PresenceIndex"/> — the long-lived index an API instance
/// keeps in memory (ADR 0011), loaded once — and the searches as <see cref="ContactFinder"/> runs them. A search takes
/// its sources' own stays from the index's by-person view (<see cref="OwnStays"/>), timed with the search; reading
/// them from the store by person instead, as <c>ContactSearch</c> does today, is kept to check that view against
/// and to show what it saves (<see cref="SourceStaysAsync"/>).
/// </summary>
internal sealed class SweepContacts
{
    private readonly ContactStore _store;
    private readonly Dictionary<long, VenueType> _types;

    private SweepContacts(ContactStore store, PresenceIndex index, Dictionary<long, VenueType> types, TimeSpan longest, TimeSpan read, TimeSpan build)
    {
        _store = store;
        Index = index;
        _types = types;
        Longest = longest;
        (Read, Build) = (read, build);
    }

    public PresenceIndex Index { get; }

    /// <summary>Reading every visit of the store into memory.</summary>
    public TimeSpan Read { get; }

    /// <summary>Building the <see cref="PresenceIndex"/> from the stays read: the sort by venue and the by-person view.</summary>
    public TimeSpan Build { get; }

    /// <summary>The longest stay in the data (the index keeps it per venue; the SQL baseline gets it as a constant).</summary>
    public TimeSpan Longest { get; }

    public static async Task<SweepContacts> LoadAsync(ContactStore store)
    {
        var clock = Stopwatch.StartNew();
        await using var c = await store.ConnectAsync();
        var types = new Dictionary<long, VenueType>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Id\", \"Type\" FROM venues";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) types[r.GetInt64(0)] = (VenueType)r.GetInt32(1);
        }
        long count;
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT COUNT(*) FROM visits";
            count = Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var stays = new Presence[count];
        var n = 0;
        long longest = 0;
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandTimeout = 0;
            cmd.CommandText = "SELECT \"PersonId\", \"VenueId\", \"EnteredAtUtc\", \"ExitedAtUtc\" FROM visits WHERE \"ExitedAtUtc\" IS NOT NULL";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var s = new Presence(r.GetInt64(0), r.GetInt64(1), SqlContacts.Ticks(r, 2), SqlContacts.Ticks(r, 3));
                stays[n++] = s;
                longest = Math.Max(longest, s.OutTicks - s.InTicks);
                if (n % 10_000_000 == 0) Console.WriteLine($"    {n:N0} of {count:N0} stays read");
            }
        }
        if (n != stays.Length) stays = stays[..n];
        var read = clock.Elapsed;
        clock.Restart();
        var index = new PresenceIndex(stays);
        // The input is as large as the index, and this method's state outlived it on PostgreSQL (the heap held both).
        stays = [];
        return new SweepContacts(store, index, types, new TimeSpan(longest), read, clock.Elapsed);
    }

    /// <summary>
    /// The sources' own stays overlapping their windows [start, end), by person, from the index's by-person view: what
    /// <see cref="Find"/> keeps of <see cref="SourceStaysAsync"/>'s read, without the store.
    /// </summary>
    public Dictionary<long, List<Presence>> OwnStays(IReadOnlyList<Source> sources, DateTime endUtc)
    {
        var byPerson = new Dictionary<long, List<Presence>>();
        var positions = new List<int>();
        foreach (var (person, start) in Earliest(sources))
        {
            positions.Clear();
            Index.ForPerson(person, start.Ticks, endUtc.Ticks, positions);
            if (positions.Count == 0) continue;
            var list = new List<Presence>(positions.Count);
            foreach (var i in positions) list.Add(Index[i]);
            byPerson[person] = list;
        }
        return byPerson;
    }

    /// <summary>Fails unless the by-person view gave, for every source, exactly the stays the store's read gives for its window.</summary>
    public static void CheckSame(IReadOnlyList<Source> sources, Dictionary<long, List<Presence>> fromView, Dictionary<long, List<Presence>> fromStore, DateTime endUtc)
    {
        foreach (var (person, start) in Earliest(sources))
        {
            var stored = fromStore.GetValueOrDefault(person, []).Where(s => s.InTicks < endUtc.Ticks && s.OutTicks > start.Ticks).OrderBy(s => (s.InTicks, s.VenueId, s.OutTicks));
            var viewed = fromView.GetValueOrDefault(person, []).OrderBy(s => (s.InTicks, s.VenueId, s.OutTicks));
            if (!stored.SequenceEqual(viewed))
                throw new InvalidOperationException($"person {person}: the by-person view gave {fromView.GetValueOrDefault(person, []).Count} stays, the store's read a different set");
        }
    }

    private static IEnumerable<(long Person, DateTime Start)> Earliest(IReadOnlyList<Source> sources) =>
        sources.GroupBy(s => s.Person).Select(g => (g.Key, g.Min(s => s.StartUtc)));

    /// <summary>The sources' own stays entered in [earliest start − longest stay, end), by person: one indexed read.</summary>
    public async Task<Dictionary<long, List<Presence>>> SourceStaysAsync(IReadOnlyList<Source> sources, DateTime endUtc)
    {
        var byPerson = new Dictionary<long, List<Presence>>();
        if (sources.Count == 0) return byPerson;
        var from = sources.Min(s => s.StartUtc) - Longest;
        var persons = sources.Select(s => s.Person).Distinct().ToArray();
        await using var c = await _store.ConnectAsync();
        await using var cmd = c.CreateCommand();
        const string Columns = "SELECT \"PersonId\", \"VenueId\", \"EnteredAtUtc\", \"ExitedAtUtc\" FROM visits";
        if (_store.IsPostgres)
        {
            cmd.CommandText = $"{Columns} WHERE \"PersonId\" = ANY(@p) AND \"EnteredAtUtc\" >= @from AND \"EnteredAtUtc\" < @to";
            var n = (NpgsqlCommand)cmd;
            n.Parameters.AddWithValue("p", persons);
            n.Parameters.AddWithValue("from", from);
            n.Parameters.AddWithValue("to", endUtc);
        }
        else
        {
            cmd.CommandText = $"{Columns} WHERE \"PersonId\" IN ({string.Join(",", persons)}) AND \"EnteredAtUtc\" >= $from AND \"EnteredAtUtc\" < $to";
            var s = (SqliteCommand)cmd;
            s.Parameters.AddWithValue("$from", ContactStore.SqliteTime(from.Ticks));
            s.Parameters.AddWithValue("$to", ContactStore.SqliteTime(endUtc.Ticks));
        }
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var stay = new Presence(r.GetInt64(0), r.GetInt64(1), SqlContacts.Ticks(r, 2), SqlContacts.Ticks(r, 3));
            if (!byPerson.TryGetValue(stay.PersonId, out var list)) byPerson[stay.PersonId] = list = [];
            list.Add(stay);
        }
        return byPerson;
    }

    /// <summary>
    /// <see cref="ContactFinder.Find"/> for each source over its window [start, end), excluding the source itself and
    /// <paramref name="exclude"/>; the stays outside a source's window are dropped as <c>ContactSearch</c> drops them.
    /// </summary>
    public List<Contact> Find(IReadOnlyList<Source> sources, Dictionary<long, List<Presence>> stays, DateTime endUtc, IReadOnlySet<long>? exclude = null)
    {
        var result = new List<Contact>();
        foreach (var source in sources)
        {
            if (!stays.TryGetValue(source.Person, out var own)) continue;
            var window = new ExposureWindow(source.StartUtc, endUtc);
            var earliest = (source.StartUtc - Longest).Ticks;
            var inWindow = own.Where(s => s.InTicks >= earliest && s.InTicks < endUtc.Ticks && s.OutTicks > source.StartUtc.Ticks);
            var excluded = new HashSet<long>(exclude ?? new HashSet<long>()) { source.Person };
            var found = ContactFinder.Find(Index, inWindow, window, v => _types.TryGetValue(v, out var t) ? t : null, ContactThresholds.Default, excluded);
            result.AddRange(found.Select(e => new Contact(source.Person, e.PersonId, e.VenueId, e.FirstTogetherUtc.Ticks)));
        }
        return result;
    }

    /// <summary><see cref="ContactFinder.Pairs"/> at each venue within [from, to), with the venue type's threshold.</summary>
    public List<CoPresence> Pairs(IReadOnlyList<long> venues, DateTime fromUtc, DateTime toUtc)
    {
        var result = new List<CoPresence>();
        foreach (var v in venues)
        {
            if (ContactThresholds.Default.MinimumOverlap(_types[v]) is { } min) ContactFinder.Pairs(Index, v, fromUtc.Ticks, toUtc.Ticks, min, result);
        }
        return result;
    }

    public bool IsCloseContactGrade(long venue) => _types.TryGetValue(venue, out var t) && ContactThresholds.Default.IsCloseContactGrade(t);
}

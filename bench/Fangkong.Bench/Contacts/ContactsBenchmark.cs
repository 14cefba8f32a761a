using System.Diagnostics;
using Fangkong.Domain.Tracing;

namespace Fangkong.Bench.Contacts;

/// <summary>
/// Contact tracing over N days of visits in a city of R residents, two ways in the same run on the same store: the
/// plain indexed SQL self-join (<see cref="SqlContacts"/>, the baseline) and the product's sort-and-sweep over an
/// in-memory <see cref="PresenceIndex"/> loaded once (<see cref="SweepContacts"/>). Measured: (a) one case's close contacts,
/// then the secondary contacts of all of them; (b) the close contacts of a day's batch of new cases, and every
/// co-presence pair at that day's risk venues (the close-contact-grade venues the batch visited that day). Both ways
/// must return the same contacts and pairs, or the run fails. The sweep takes the sources' own stays from the index's
/// by-person view; reading them from the store instead is timed beside it and must give the same stays.
/// </summary>
public static class ContactsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var city = new ContactCity(a.Int("residents", 1_000_000), a.Int("days", 14), a.Int("visits-per-day", 7));
        var batch = a.Int("cases", 1000);
        var runs = a.Int("runs", 2);
        var keep = args.Contains("--keep");
        Console.WriteLine($"Contacts benchmark: {city.Residents:N0} residents, {city.Days} days, ~{city.VisitsPerDay} visits per resident a day " +
            $"(~{(long)city.Residents * city.Days * city.VisitsPerDay:N0} visits), a batch of {batch:N0} cases, best of {runs} runs, {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            Console.WriteLine();
            Console.WriteLine($"## {provider}");
            await using var store = await ContactStore.OpenAsync(provider, a.PostgresServer, city, keep);
            await store.FillAsync(city);
            await RunOnAsync(store, city, batch, runs, provider.ToString());
        }
        return 0;
    }

    private static async Task RunOnAsync(ContactStore store, ContactCity city, int batch, int runs, string label)
    {
        GC.Collect();
        var load = Stopwatch.StartNew();
        var sweep = await SweepContacts.LoadAsync(store);
        load.Stop();
        GC.Collect();
        var index = sweep.Index;
        Console.WriteLine($"  in-memory index: {index.Count:N0} stays of {index.PersonCount:N0} persons loaded and sorted in {load.Elapsed.TotalSeconds:F1} s " +
            $"(once, not per query): read {sweep.Read.TotalSeconds:F1} s, built {sweep.Build.TotalSeconds:F1} s (both views); " +
            $"{GC.GetTotalMemory(true) / 1e9:F2} GB managed heap, of which the by-person view " +
            $"{index.Count * 4L / 1e6:F0} MB of positions and one run per person; longest stay {sweep.Longest}");
        var sql = new SqlContacts(store, sweep.Longest);
        var now = city.NowUtc;
        var onset = city.Days - 1;
        var policy = TracingPolicy.For(PolicyEdition.Edition9);
        var start = ExposureWindow.ForCase(city.Date(onset), null, now, policy, ContactCity.CityOffset).StartUtc;
        var cases = Cases(city, batch).Select(p => new Source(p, start)).ToList();
        Console.WriteLine($"  cases: onset {city.Date(onset):yyyy-MM-dd}, not yet isolated; window {start:yyyy-MM-dd HH:mm} to {now:yyyy-MM-dd HH:mm} UTC ({policy.Edition}: {policy.DaysBeforeOnset} days before onset)");
        var rows = new List<string>();

        // (a) One case: close contacts, then the secondary contacts of each of them from their first exposure on.
        var one = cases.Take(1).ToList();
        var (_, closeSweep) = await BothAsync(rows, "(a) close contacts of one case", runs, Key,
            () => sql.ContactsAsync(one, now), () => Sweep(() => sweep.OwnStays(one, now), s => sweep.Find(one, s, now)), () => StoreReadAsync(sweep, one, now));
        var close = closeSweep.Select(c => new Source(c.Person, ExposureWindow.ForCloseContact(new DateTime(c.TogetherTicks, DateTimeKind.Utc), null, now).StartUtc)).ToList();
        var known = close.Select(c => c.Person).Append(one[0].Person).ToHashSet();
        await BothAsync(rows, $"(a) secondary contacts via its {close.Count:N0} close contacts", runs, Key,
            async () => Earliest(await sql.ContactsAsync(close, now), known),
            () => Sweep(() => sweep.OwnStays(close, now), s => Earliest(sweep.Find(close, s, now, known), known)), () => StoreReadAsync(sweep, close, now));

        // (b) A day's batch: the close contacts of every case; every pair at the day's risk venues.
        await BothAsync(rows, $"(b) close contacts of {cases.Count:N0} cases", runs, Key,
            () => sql.ContactsAsync(cases, now), () => Sweep(() => sweep.OwnStays(cases, now), s => sweep.Find(cases, s, now)), () => StoreReadAsync(sweep, cases, now));
        var (dayFrom, dayTo) = (ContactCity.DayStartUtc(onset), ContactCity.DayStartUtc(onset + 1));
        var risk = sweep.OwnStays(cases, now).Values.SelectMany(s => s)
            .Where(s => s.InTicks < dayTo.Ticks && s.OutTicks > dayFrom.Ticks && sweep.IsCloseContactGrade(s.VenueId)).Select(s => s.VenueId).Distinct().Order().ToList();
        await BothAsync(rows, $"(b) co-presence pairs at the day's {risk.Count:N0} risk venues", runs, p => (p.PersonA, p.PersonB, p.VenueId, p.FromTicks, p.ToTicks),
            () => sql.PairsAsync(risk, dayFrom, dayTo), () => Task.FromResult((sweep.Pairs(risk, dayFrom, dayTo), TimeSpan.Zero)), null);

        // The product's own index (ADR 0033), after the benchmark's: the SQL answers are the same, so they are the check.
        var productRows = new List<string>();
        await ProductContacts.RunAsync(store, city, one, cases, sql, now, productRows);

        Console.WriteLine();
        Console.WriteLine($"### {label}: {index.Count:N0} visits, index load {load.Elapsed.TotalSeconds:F1} s (separate, once)");
        Console.WriteLine("| query | found | SQL self-join ms | sweep ms (of which the sources' own stays from the by-person view) | SQL / sweep | " +
            "own stays read from the store instead, ms | SQL / sweep with that read |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("| product path (Core StayIndex + view + ContactFinder, as ContactSearch with a ready index) | found | time | vs SQL |");
        Console.WriteLine("|---|---:|---|---|");
        productRows.ForEach(Console.WriteLine);
        Console.WriteLine($"  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:F1} GB");
    }

    private static (long, long, long, long, long) Key(Contact c) => (c.Source, c.Person, c.Venue, c.TogetherTicks, 0);

    /// <summary>The product's way, timed in two parts: taking the sources' own stays from the by-person view, then the sweep.</summary>
    private static Task<(List<T> Found, TimeSpan Own)> Sweep<T>(Func<Dictionary<long, List<Presence>>> own, Func<Dictionary<long, List<Presence>>, List<T>> find)
    {
        var clock = Stopwatch.StartNew();
        var stays = own();
        var taking = clock.Elapsed;
        return Task.FromResult((find(stays), taking));
    }

    /// <summary>
    /// The way before the by-person view: the sources' own stays read from the store by person. Timed on its own, and
    /// checked to give exactly the stays the view gives.
    /// </summary>
    private static async Task<TimeSpan> StoreReadAsync(SweepContacts sweep, IReadOnlyList<Source> sources, DateTime now)
    {
        var clock = Stopwatch.StartNew();
        var stored = await sweep.SourceStaysAsync(sources, now);
        var reading = clock.Elapsed;
        SweepContacts.CheckSame(sources, sweep.OwnStays(sources, now), stored, now);
        return reading;
    }

    /// <summary>
    /// Runs the baseline and the sweep <paramref name="runs"/> times each, keeps the fastest of each, and fails unless
    /// they found the same rows. <paramref name="storeRead"/>, if any, times reading the sources' own stays from the
    /// store (the fastest kept), for the ratio the sweep would have with that read in place of the by-person view.
    /// </summary>
    private static async Task<(List<T> Sql, List<T> Sweep)> BothAsync<T>(List<string> rows, string what, int runs, Func<T, (long, long, long, long, long)> key,
        Func<Task<List<T>>> baseline, Func<Task<(List<T> Found, TimeSpan Own)>> product, Func<Task<TimeSpan>>? storeRead)
    {
        Console.WriteLine($"  {what}:");
        List<T> bySql = [], bySweep = [];
        TimeSpan sqlBest = TimeSpan.MaxValue, sweepBest = TimeSpan.MaxValue, ownOfBest = TimeSpan.Zero, readBest = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            bySql = await baseline();
            var sqlTime = clock.Elapsed;
            sqlBest = sqlTime < sqlBest ? sqlTime : sqlBest;
            GC.Collect();
            clock.Restart();
            (bySweep, var own) = await product();
            var sweepTime = clock.Elapsed;
            if (sweepTime < sweepBest) (sweepBest, ownOfBest) = (sweepTime, own);
            var read = storeRead is null ? TimeSpan.Zero : await storeRead();
            if (read < readBest) readBest = read;
            Console.WriteLine($"    run {i + 1}: SQL {sqlTime.TotalMilliseconds:F1} ms, sweep {sweepTime.TotalMilliseconds:F1} ms (own stays {own.TotalMilliseconds:F1} ms)" +
                (storeRead is null ? "" : $"; own stays read from the store {read.TotalMilliseconds:F1} ms, same stays: yes"));
        }
        Compare(what, bySql, bySweep, key);
        var withRead = storeRead is null ? "–" : $"{readBest.TotalMilliseconds:F1}";
        var ratioWithRead = storeRead is null ? "–" : $"{sqlBest / (sweepBest - ownOfBest + readBest):F0}×";
        rows.Add($"| {what} | {bySweep.Count:N0} | {sqlBest.TotalMilliseconds:F1} | {sweepBest.TotalMilliseconds:F1} ({ownOfBest.TotalMilliseconds:F1}) | **{sqlBest / sweepBest:F0}×** | {withRead} | {ratioWithRead} |");
        return (bySql, bySweep);
    }

    /// <summary>Sorts both lists in place by <paramref name="key"/> (no copies: tens of millions of pairs at full size) and fails loudly unless equal.</summary>
    private static void Compare<T>(string what, List<T> bySql, List<T> bySweep, Func<T, (long, long, long, long, long)> key)
    {
        bySql.Sort((x, y) => key(x).CompareTo(key(y)));
        bySweep.Sort((x, y) => key(x).CompareTo(key(y)));
        var same = bySql.Count == bySweep.Count;
        for (var i = 0; same && i < bySql.Count; i++) same = key(bySql[i]) == key(bySweep[i]);
        if (!same)
        {
            var s = bySql.Select(key).ToHashSet();
            var w = bySweep.Select(key).ToHashSet();
            throw new InvalidOperationException($"{what}: NOT IDENTICAL — the SQL self-join found {bySql.Count:N0} rows, the sweep {bySweep.Count:N0}; only by SQL: " +
                $"{string.Join("; ", s.Except(w).Take(3))}; only by sweep: {string.Join("; ", w.Except(s).Take(3))}");
        }
        Console.WriteLine($"    identical: yes ({bySql.Count:N0} rows)");
    }

    /// <summary>Secondary contacts: the known persons out, each person once at their earliest shared visit with any close contact.</summary>
    private static List<Contact> Earliest(List<Contact> found, HashSet<long> known) =>
        found.Where(c => !known.Contains(c.Person)).GroupBy(c => c.Person).Select(g => g.MinBy(c => c.TogetherTicks) with { Source = 0 }).ToList();

    /// <summary>A day's new cases: distinct residents picked by a fixed seed.</summary>
    private static List<long> Cases(ContactCity city, int count)
    {
        var picked = new HashSet<long>();
        var list = new List<long>();
        for (ulong i = 0; list.Count < Math.Min(count, city.Residents); i++)
        {
            var p = (long)(ContactCity.Mix(i ^ 0xC0FFEEUL) % (ulong)city.Residents) + 1;
            if (picked.Add(p)) list.Add(p);
        }
        return list;
    }
}

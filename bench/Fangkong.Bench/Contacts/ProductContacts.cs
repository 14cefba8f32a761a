using System.Diagnostics;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Contacts;

/// <summary>
/// The product's own index (Core's <see cref="StayIndex"/>, ADR 0033) over the benchmark's store: built as the web host builds it
/// (timed, memory reported), then each source searched the way <c>ContactSearch</c> does — a view caught up with the store, the
/// source's own stays and the stays at its close-contact-grade venues from it, <see cref="ContactFinder.Find"/> — and checked
/// against the SQL self-join's answer.
/// </summary>
internal static class ProductContacts
{
    private sealed class Factory(StorageOptions options) : IDbContextFactory<FangkongDb>
    {
        public FangkongDb CreateDbContext() => new(options.BuildOptions());
    }

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    public static async Task RunAsync(ContactStore store, ContactCity city, IReadOnlyList<Source> one, IReadOnlyList<Source> batch, SqlContacts sql, DateTime now, List<string> rows)
    {
        var index = new StayIndex(new Factory(store.Options), new CityClock(new FixedTime(now)), new GatePolicy(), new StayIndexOptions(city.Days + 1));
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        await index.BuildAsync(s => Console.WriteLine($"    product index: {s.Read:N0} of {s.Expected:N0} stays read"), CancellationToken.None);
        var built = clock.Elapsed;
        var heap = GC.GetTotalMemory(true) - before;
        var status = index.Status;
        Console.WriteLine($"  product StayIndex: {status.Stays:N0} stays of {status.Persons:N0} persons built in {built.TotalSeconds:F1} s; " +
            $"{heap / 1e9:F2} GB of managed heap (its own estimate {status.Bytes / 1e9:F2} GB); peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:F1} GB");
        Dictionary<long, VenueType> types;
        await using (var db = new FangkongDb(store.Options.BuildOptions())) types = await db.Venues.ToDictionaryAsync(v => v.Id, v => v.Type);
        foreach (var (what, sources) in new[] { ("(a) one case", one), ($"(b) {batch.Count:N0} cases", batch) })
        {
            var expected = await sql.ContactsAsync(sources, now);
            var times = new List<double>();
            List<Contact> found = [];
            for (var run = 0; run < 3; run++)
            {
                found = [];
                foreach (var s in sources)
                {
                    var t = Stopwatch.StartNew();
                    await using var db = new FangkongDb(store.Options.BuildOptions());
                    found.AddRange(await SearchAsync(index, db, s, types, now));
                    times.Add(t.Elapsed.TotalMilliseconds);
                }
            }
            Compare(what, expected, found);
            times.Sort();
            var p = (double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
            rows.Add($"| product StayIndex, {what} | {found.Count:N0} | per case p50 {p(0.5):F1} ms, p99 {p(0.99):F1} ms, max {times[^1]:F1} ms | identical: yes |");
            Console.WriteLine($"  product StayIndex {what}: {found.Count:N0} contacts, per case p50 {p(0.5):F2} ms p99 {p(0.99):F2} ms; identical to the SQL self-join");
        }
    }

    /// <summary>What <c>ContactSearch</c> does with a ready index, minus the household and the proposals' write.</summary>
    private static async Task<IEnumerable<Contact>> SearchAsync(StayIndex index, FangkongDb db, Source s, Dictionary<long, VenueType> types, DateTime now)
    {
        var window = new ExposureWindow(s.StartUtc, now);
        var earliest = s.StartUtc - TimeSpan.FromDays(1);
        var view = await index.ViewAsync(db, earliest, CancellationToken.None) ?? throw new InvalidOperationException("the product index is not ready");
        var own = await view.OwnAsync(db, s.Person, earliest.Ticks, window.StartUtc.Ticks, window.EndUtc.Ticks, now, CancellationToken.None);
        var grade = own.Select(x => x.VenueId).Distinct().Where(v => types.TryGetValue(v, out var t) && ContactThresholds.Default.IsCloseContactGrade(t)).ToList();
        var others = grade.Count == 0 ? [] : await view.AtAsync(db, grade, earliest.Ticks, window.StartUtc.Ticks, window.EndUtc.Ticks, now, CancellationToken.None);
        own.Sort(static (x, y) => x.InTicks != y.InTicks ? x.InTicks.CompareTo(y.InTicks) : x.VenueId.CompareTo(y.VenueId));
        var found = ContactFinder.Find(new PresenceIndex(others), own, window, v => types.TryGetValue(v, out var t) ? t : null, ContactThresholds.Default,
            new HashSet<long> { s.Person });
        return found.Select(e => new Contact(s.Person, e.PersonId, e.VenueId, e.FirstTogetherUtc.Ticks));
    }

    private static void Compare(string what, List<Contact> bySql, List<Contact> byProduct)
    {
        var a = bySql.Select(c => (c.Source, c.Person, c.TogetherTicks)).Order().ToList();
        var b = byProduct.Select(c => (c.Source, c.Person, c.TogetherTicks)).Order().ToList();
        if (!a.SequenceEqual(b))
            throw new InvalidOperationException($"product StayIndex {what}: NOT IDENTICAL — SQL {a.Count:N0} rows, product {b.Count:N0}; only by SQL: " +
                $"{string.Join("; ", a.Except(b).Take(3))}; only by the product: {string.Join("; ", b.Except(a).Take(3))}");
    }
}

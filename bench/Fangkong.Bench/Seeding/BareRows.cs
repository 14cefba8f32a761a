using System.Globalization;
using Fangkong.Core.Data;

namespace Fangkong.Bench.Seeding;

/// <summary>
/// Bare rows of the persons and visits tables' shape, made before the clock starts, in two orders:
/// <b>sequential</b> — every indexed key ascending, so each index insert lands on the rightmost page: the
/// cheapest load there is, an upper bound; and <b>scattered</b> — keys scrambled by a multiplicative hash (a
/// bijection, so still unique), as real ID numbers, tokens, phones and visitors arrive.
/// </summary>
internal static class BareRows
{
    private static readonly string[] Names = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄强", "周芳", "吴军", "徐杰", "孙艳"];

    public sealed record Person(long Id, string DocumentNumber, string Name, int Sex, DateOnly BirthDate, string Phone, long HouseholdId, string Token);

    public sealed record Visit(long Id, long PersonId, long VenueId, long DeviceId, DateTime EnteredUtc, DateTime ExitedUtc, int Method, decimal Temperature);

    public static Person[] Persons(int n, bool scattered)
    {
        var rows = new Person[n];
        for (var i = 0; i < n; i++)
        {
            var k = scattered ? Scramble((ulong)i) : (ulong)i;
            var birth = new DateOnly(1930, 1, 1).AddDays((int)((ulong)i % 34_000));
            rows[i] = new Person(i + 1, "2204" + ((uint)k).ToString("D14", CultureInfo.InvariantCulture), scattered ? Names[k % (ulong)Names.Length] : Names[0],
                i % 2 + 1, birth, "13" + (k % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture), (long)(i / 2.45) + 1,
                k.ToString("D22", CultureInfo.InvariantCulture));
        }
        return rows;
    }

    /// <summary>Visits in entry-time order over <paramref name="days"/> days (ids ascending either way).</summary>
    public static Visit[] Visits(long n, int persons, int venues, DateTime fromUtc, int days, bool scattered)
    {
        var rows = new Visit[n];
        var stepMs = days * 86_400_000.0 / Math.Max(1, n);
        for (long i = 0; i < n; i++)
        {
            var at = fromUtc.AddMilliseconds((long)(i * stepMs));
            var (person, venue) = scattered
                ? ((long)(Scramble((ulong)i) % (ulong)persons), (long)(Scramble((ulong)i + 1) % (ulong)venues))
                : (i * persons / n, i * venues / n);
            rows[i] = new Visit(TimeOrderedIds.Compose(at, TimeOrderedIds.SeedInstance, i % 8192), person + 1, venue + 1, venue + 1, at, at.AddMinutes(30), (int)(i % 2) + 1, 36.5m);
        }
        return rows;
    }

    // Odd multiplier: a bijection on 64-bit values (and on their low 32 bits), so keys stay unique.
    private static ulong Scramble(ulong x) => unchecked(x * 0x9E3779B97F4A7C15UL);
}

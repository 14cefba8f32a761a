using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;

namespace Fangkong.Bench.Seeding;

/// <summary>
/// Seeding speed (residents/s, visits/s) of the demo city generator against the fastest plain load of the
/// same number of rows of the same shape into the same store (COPY on PostgreSQL, one prepared INSERT in
/// large transactions on SQLite), measured in the same run.
/// </summary>
public static class SeedBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var options = new SeedOptions { Residents = a.Int("residents", 100_000), Days = a.Int("days", 3), Seed = 1 };
        Console.WriteLine($"Seeding benchmark: {options.Residents:N0} residents, {options.Days} days of visits, {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "seed");
            var summary = await DemoCitySeeder.SeedAsync(storage, options, null, TimeProvider.System, default);

            var scratch = await a.FreshStoreAsync(provider, "copy");
            await using (var db = new FangkongDb(scratch.BuildOptions())) await Database.MigrateAsync(db);
            await using var loader = await BulkLoader.OpenAsync(scratch, default);
            var sw = Stopwatch.StartNew();
            await using (var db = new FangkongDb(scratch.BuildOptions()))
            {
                var (pt, pc) = BulkLoader.Mapping<Fangkong.Core.People.Person>(db, "Id", "DocumentType", "DocumentNumber", "Name", "Sex", "BirthDate", "Phone", "HouseholdId", "Token", "CreatedAtUtc");
                await loader.WriteAsync(pt, pc, PlainPersons(summary.Residents), null, default);
            }
            var personsCopy = sw.Elapsed;
            sw.Restart();
            await using (var db = new FangkongDb(scratch.BuildOptions()))
            {
                var (vt, vc) = BulkLoader.Mapping<Fangkong.Core.Gate.Visit>(db, "Id", "PersonId", "VenueId", "EntryDeviceId", "EnteredAtUtc", "ExitedAtUtc", "ExitInferred", "Method", "Temperature");
                await loader.WriteAsync(vt, vc, PlainVisits(summary.Visits), null, default);
            }
            var visitsCopy = sw.Elapsed;
            var copyResidents = summary.Residents / personsCopy.TotalSeconds;
            var copyVisits = summary.Visits / visitsCopy.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine($"### {provider}");
            Console.WriteLine("| rows | seeder rows/s | plain bulk load rows/s | seeder / plain |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| residents ({summary.Residents:N0}) | {summary.ResidentsPerSecond:N0} | {copyResidents:N0} | {summary.ResidentsPerSecond / copyResidents:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| visits ({summary.Visits:N0}) | {summary.VisitsPerSecond:N0} | {copyVisits:N0} | {summary.VisitsPerSecond / copyVisits:F2} |"));
        }
        return 0;
    }

    private static IEnumerable<object?[]> PlainPersons(int n)
    {
        var created = DateTime.UtcNow;
        for (var i = 1; i <= n; i++)
            yield return [(long)i, 1, $"2204021980010{i:D5}", "张小明", 1, new DateOnly(1980, 1, 1), "13800000000", (long)i, $"tok{i:D19}", created];
    }

    private static IEnumerable<object?[]> PlainVisits(long n)
    {
        var t = DateTime.UtcNow.AddDays(-3);
        for (long i = 0; i < n; i++)
        {
            var at = t.AddMilliseconds(i * 7);
            yield return [TimeOrderedIds.Compose(at, 255, i & 0xFFF), i % 100_000 + 1, i % 300 + 1, null, at, at.AddMinutes(30), false, 1, 36.5m];
        }
    }
}

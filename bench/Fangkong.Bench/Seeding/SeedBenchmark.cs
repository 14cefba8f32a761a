using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;

namespace Fangkong.Bench.Seeding;

/// <summary>
/// `seed`: the demo city generator's residents/s and visits/s (generation and loading together, as a user
/// waits for them) against a plain bulk load of the same number of bare rows into tables of the same shape,
/// measured in the same run on the same store, one store at a time.
/// </summary>
public static class SeedBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var options = new SeedOptions { Residents = a.Int("residents", 100_000), Days = a.Int("days", 3), Seed = a.Int("seed", 20220101) };
        options.Validate();
        // --postgres alone is enough to include PostgreSQL; --provider chooses explicitly.
        var provider = a.Get("provider", args.Contains("--postgres") || Environment.GetEnvironmentVariable("FANGKONG_TEST_POSTGRES") is not null ? "both" : "sqlite");
        var providers = provider switch
        {
            "sqlite" => [StorageProvider.Sqlite],
            "postgres" => [StorageProvider.Postgres],
            "both" => new[] { StorageProvider.Sqlite, StorageProvider.Postgres },
            _ => throw new ArgumentException($"--provider {provider}: sqlite, postgres or both"),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeding benchmark: {options.Residents:N0} residents, {options.Days} days of visits, seed {options.Seed}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine();
        Console.WriteLine("| store | rows | seeder rows/s | plain load, sequential keys | plain load, scattered keys | seeder / sequential | seeder / scattered |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var p in providers)
        {
            SeedSummary summary;
            await using (var seeded = await ScratchStore.CreateAsync(p, a.PostgresServer, "seed", migrate: false))
                summary = await DemoCitySeeder.SeedAsync(seeded.Options, options, null, TimeProvider.System, default);

            var plain = new Dictionary<bool, (double Persons, double Visits)>();
            foreach (var scattered in new[] { false, true })
            {
                var persons = BareRows.Persons(summary.Residents, scattered);
                var visits = BareRows.Visits(summary.Visits, summary.Residents, summary.Venues, DateTime.UtcNow.AddDays(-options.Days), Math.Max(1, options.Days), scattered);
                await using var scratch = await ScratchStore.CreateAsync(p, a.PostgresServer, "plain", migrate: true);
                var personsTime = await PlainLoad.PersonsAsync(scratch.Options, persons);
                var visitsTime = await PlainLoad.VisitsAsync(scratch.Options, visits);
                plain[scattered] = (summary.Residents / personsTime.TotalSeconds, summary.Visits / visitsTime.TotalSeconds);
            }
            Row(p, $"residents ({summary.Residents:N0})", summary.ResidentsPerSecond, plain[false].Persons, plain[true].Persons);
            Row(p, $"visits ({summary.Visits:N0})", summary.VisitsPerSecond, plain[false].Visits, plain[true].Visits);
        }
        return 0;
    }

    private static void Row(StorageProvider store, string rows, double seeder, double sequential, double scattered) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {rows} | {seeder:N0} | {sequential:N0} | {scattered:N0} | {seeder / sequential:F2} | {seeder / scattered:F2} |"));
}

using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;

namespace Fangkong.Bench.Seeding;

/// <summary>
/// `seed`: the demo city generator's residents/s and visits/s (generation and loading together, as a user
/// waits for them) against a plain bulk load of the same number of bare rows into tables of the same shape
/// (<see cref="PlainLoad"/>), with sequential keys (the cheapest load there is) and with scattered keys.
/// Each run measures the seeder and both baselines back to back on fresh stores, and ratios are taken within
/// a run; the machine is shared and noisy, so several runs are made and medians reported.
/// </summary>
public static class SeedBenchmark
{
    private sealed record Run(double Residents, double Visits, double PlainResidents, double PlainVisits, double ScatteredResidents, double ScatteredVisits);

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var options = new SeedOptions { Residents = a.Int("residents", 100_000), Days = a.Int("days", 3), Seed = a.Int("seed", 20220101) };
        options.Validate();
        var runs = Math.Max(1, a.Int("runs", 3));
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
            $"Seeding benchmark: {options.Residents:N0} residents, {options.Days} days of visits, seed {options.Seed}, {runs} runs per store, " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start: {LoadAverage()}"));

        var results = new Dictionary<StorageProvider, (List<Run> Runs, long Visits)>();
        foreach (var p in providers)
        {
            var list = new List<Run>();
            long visits = 0;
            for (var r = 1; r <= runs; r++)
            {
                SeedSummary summary;
                await using (var seeded = await ScratchStore.CreateAsync(p, a.PostgresServer, "seed", migrate: false))
                    summary = await DemoCitySeeder.SeedAsync(seeded.Options, options, null, TimeProvider.System, default);
                visits = summary.Visits;
                var sequential = await PlainAsync(p, a.PostgresServer, summary, options.Days, scattered: false);
                var scattered = await PlainAsync(p, a.PostgresServer, summary, options.Days, scattered: true);
                var run = new Run(summary.ResidentsPerSecond, summary.VisitsPerSecond, sequential.Persons, sequential.Visits, scattered.Persons, scattered.Visits);
                list.Add(run);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p} run {r}: residents/s {run.Residents:N0} (plain {run.PlainResidents:N0} / {run.ScatteredResidents:N0}), visits/s {run.Visits:N0} (plain {run.PlainVisits:N0} / {run.ScatteredVisits:N0})"));
            }
            results[p] = (list, visits);
        }

        Console.WriteLine();
        Console.WriteLine($"Medians of {runs} runs (ratios are taken within each run, then the median):");
        Console.WriteLine();
        Console.WriteLine("| store | rows | seeder rows/s | plain load, sequential keys | plain load, scattered keys | seeder / sequential | seeder / scattered |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (p, (list, visits)) in results)
        {
            Row(p, $"residents ({options.Residents:N0})", list.Select(r => (r.Residents, r.PlainResidents, r.ScatteredResidents)).ToList());
            Row(p, $"visits (~{visits:N0})", list.Select(r => (r.Visits, r.PlainVisits, r.ScatteredVisits)).ToList());
        }
        return 0;
    }

    private static async Task<(double Persons, double Visits)> PlainAsync(StorageProvider p, string server, SeedSummary summary, int days, bool scattered)
    {
        var persons = BareRows.Persons(summary.Residents, scattered);
        var visits = BareRows.Visits(summary.Visits, summary.Residents, summary.Venues, DateTime.UtcNow.AddDays(-days), Math.Max(1, days), scattered);
        await using var scratch = await ScratchStore.CreateAsync(p, server, "plain", migrate: true);
        var personsTime = await PlainLoad.PersonsAsync(scratch.Options, persons);
        var visitsTime = await PlainLoad.VisitsAsync(scratch.Options, visits);
        return (summary.Residents / personsTime.TotalSeconds, summary.Visits / visitsTime.TotalSeconds);
    }

    private static void Row(StorageProvider store, string rows, List<(double Seeder, double Sequential, double Scattered)> runs) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {rows} | {Median(runs.Select(r => r.Seeder)):N0} | {Median(runs.Select(r => r.Sequential)):N0} | {Median(runs.Select(r => r.Scattered)):N0} " +
            $"| {Median(runs.Select(r => r.Seeder / r.Sequential)):F2} | {Median(runs.Select(r => r.Seeder / r.Scattered)):F2} |"));

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

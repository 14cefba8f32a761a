using System.CommandLine;
using System.Globalization;
using Fangkong.Core;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Simulation;

/// <summary>`fangkong simulate round`: a complete mass-testing round over a generated city, with progress and throughput.</summary>
internal static class SimulateVerb
{
    public static Command Create()
    {
        var residents = new Option<int>("--residents") { Description = "Residents of the city to generate when the store is empty, 1,000–1,000,000", DefaultValueFactory = _ => 50_000 };
        var prevalence = new Option<double>("--prevalence") { Description = "Share of residents infected (0–0.2)", DefaultValueFactory = _ => 0.002 };
        var samplers = new Option<int>("--samplers") { Description = "Sampling tables working in parallel (1–64)", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Random seed for who is infected and who is away", DefaultValueFactory = _ => 20220405 };
        var round = new Command("round", "Plan, sample, ship, test, re-sample and close one round over the whole city")
        {
            residents, prevalence, samplers, seed, StoreOptions.Provider, StoreOptions.Connection, StoreOptions.SettingsFile,
        };
        round.SetAction(async (parse, ct) =>
        {
            var o = new SimulationOptions(parse.GetValue(residents), parse.GetValue(prevalence), parse.GetValue(samplers), parse.GetValue(seed));
            if (o.Prevalence is < 0 or > 0.2 || o.Samplers is < 1 or > 64)
            {
                await Console.Error.WriteLineAsync("--prevalence must be 0–0.2 and --samplers 1–64");
                return 2;
            }
            var storage = StoreOptions.From(parse);
            if (storage.Provider == StorageProvider.Sqlite) Directory.CreateDirectory("data");
            await using var services = new ServiceCollection().AddFangkongCore(storage, StoreOptions.Settings(parse)).BuildServiceProvider();
            await using (var db = new FangkongDb(storage.BuildOptions()))
            {
                await Database.MigrateAsync(db, ct);
                if (!await db.Persons.AnyAsync(ct))
                {
                    Console.WriteLine($"Generating a city of {o.Residents:N0} residents first…");
                    await DemoCitySeeder.SeedAsync(storage, new SeedOptions { Residents = o.Residents, Days = 0 }, new ConsoleProgress(), TimeProvider.System, ct);
                    Console.WriteLine();
                }
            }
            var report = await services.GetRequiredService<RoundSimulation>().RunAsync(o, new ConsoleProgress(), ct);
            Console.WriteLine();
            Print(report);
            return 0;
        });
        return new Command("simulate", "Simulations for demos and capacity planning") { round, OutbreakVerb.Create() };
    }

    private static void Print(SimulationReport r)
    {
        var e = r.Efficiency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Round {r.RoundId}: {r.Residents:N0} residents, {r.Sampled:N0} sampled, {r.Missed:N0} missed at close."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Tubes {r.Tubes:N0} (pools {e.PoolTubes:N0}, single {e.SingleTubes:N0}, re-sample {e.ResampleTubes:N0}); tests {r.Tests:N0}; positive pools {r.PositivePools:N0}; cases {r.Cases:N0}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Tests per person {e.TestsPerPerson:0.000} against Dorfman {e.DorfmanTestsPerPerson:0.000} at the observed prevalence {e.ObservedPrevalence:0.0000} (pool size {e.PoolSize})."));
        Console.WriteLine($"{"phase",-36} {"items",12} {"seconds",9} {"per second",12}");
        foreach (var p in r.Phases)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Name,-36} {p.Items,12:N0} {p.Elapsed.TotalSeconds,9:0.0} {p.PerSecond,12:N0}"));
    }

    private sealed class ConsoleProgress : IProgress<SeedProgress>
    {
        private string? _phase;
        private DateTime _last;

        public void Report(SeedProgress v)
        {
            if (_phase == v.Phase && DateTime.UtcNow - _last < TimeSpan.FromMilliseconds(250) && v.Done < v.Total) return;
            if (_phase is not null && _phase != v.Phase) Console.WriteLine();
            _phase = v.Phase;
            _last = DateTime.UtcNow;
            var pct = v.Total == 0 ? 100 : 100.0 * v.Done / v.Total;
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r{v.Phase,-10} {v.Done,12:N0} / {v.Total:N0}  {Math.Min(pct, 100),5:F1}%   "));
        }
    }
}

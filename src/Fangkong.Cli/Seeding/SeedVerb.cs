using System.CommandLine;
using System.Globalization;
using Fangkong.Core.Seeding;

namespace Fangkong.Cli.Seeding;

/// <summary>`fangkong seed`: generate the demo city.</summary>
internal static class SeedVerb
{
    public static Command Create()
    {
        var residents = new Option<int>("--residents") { Description = "Residents, 1,000–1,000,000", DefaultValueFactory = _ => 50_000 };
        var days = new Option<int>("--days") { Description = "Days of visits, 0–31", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same city", DefaultValueFactory = _ => 20220101 };
        var reset = new Option<bool>("--reset") { Description = "Delete all existing data first" };
        var command = new Command("seed", "Generate a demo city modelled on Liaoyuan, with residents, venues and days of visits")
        {
            residents, days, seed, reset, StoreOptions.Provider, StoreOptions.Connection,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new SeedOptions { Residents = parse.GetValue(residents), Days = parse.GetValue(days), Seed = parse.GetValue(seed), Reset = parse.GetValue(reset) };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            var storage = StoreOptions.From(parse);
            SeedSummary summary;
            try
            {
                summary = await DemoCitySeeder.SeedAsync(storage, options, new ConsoleProgress(), TimeProvider.System, ct);
            }
            catch (CityAlreadySeededException e)
            {
                // A database that already holds a city: say so, without a stack trace.
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {summary.Residents:N0} residents in {summary.Households:N0} households, {summary.Venues:N0} venues, {summary.Visits:N0} visits."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Residents: {summary.ResidentsPerSecond:N0}/s   Visits: {summary.VisitsPerSecond:N0}/s"));
            PrintAccounts(summary.Accounts);
            return 0;
        });
        return command;
    }

    public static void PrintAccounts(IReadOnlyList<DemoAccount> accounts)
    {
        Console.WriteLine("Demo accounts:");
        foreach (var a in accounts) Console.WriteLine($"  {a.UserName,-10} password {a.Password,-10} {a.Role,-16} {a.Description}");
    }

    /// <summary>One rewritten console line per phase.</summary>
    private sealed class ConsoleProgress : IProgress<SeedProgress>
    {
        private string? _phase;

        public void Report(SeedProgress value)
        {
            if (_phase is not null && _phase != value.Phase) Console.WriteLine();
            _phase = value.Phase;
            var pct = value.Total == 0 ? 100 : 100.0 * value.Done / value.Total;
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r{value.Phase,-10} {value.Done,12:N0} / {value.Total:N0}  {Math.Min(pct, 100),5:F1}%   "));
        }
    }
}

using System.CommandLine;
using System.Globalization;
using Fangkong.Core;
using Fangkong.Core.Common;
using Fangkong.Core.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Simulation;

/// <summary>`fangkong simulate outbreak`: infections spread along the stored city's visits, and the platform's response, day by day.</summary>
internal static class OutbreakVerb
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Days to simulate, ending yesterday (1–30; the store needs visits on each)", DefaultValueFactory = _ => 14 };
        var seeds = new Option<int>("--seeds") { Description = "Index infections among residents", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed on the same city gives the same outbreak", DefaultValueFactory = _ => 20220311 };
        var attack = new Option<double>("--attack") { Description = "Scales every chance of transmission (household, venue), 0–20", DefaultValueFactory = _ => 1.0 };
        var cap = new Option<int>("--cap") { Description = "Infections at which spreading stops (0: one resident in 400)", DefaultValueFactory = _ => 0 };
        var secondary = new Option<bool>("--secondary") { Description = "Also trace and isolate secondary contacts (many more persons to test)" };
        var reset = new Option<bool>("--reset") { Description = "Clear an earlier outbreak's cases, contacts, quarantine, zones and tests first instead of refusing" };
        var noZones = new Option<bool>("--no-zones") { Description = "Leave the zones the platform proposes to the officers: none is confirmed, tested or lifted" };
        var outbreak = new Command("outbreak", "Seed infections, spread them along real co-presence in the stored visits, and drive tests, tracing and quarantine day by day")
        {
            days, seeds, seed, attack, cap, secondary, reset, noZones, StoreOptions.Provider, StoreOptions.Connection, StoreOptions.SettingsFile,
        };
        outbreak.SetAction(async (parse, ct) =>
        {
            var o = new OutbreakOptions
            {
                Days = parse.GetValue(days),
                Seeds = parse.GetValue(seeds),
                Seed = parse.GetValue(seed),
                Attack = parse.GetValue(attack),
                Cap = parse.GetValue(cap),
                Secondary = parse.GetValue(secondary),
                Reset = parse.GetValue(reset),
                Zones = !parse.GetValue(noZones),
            };
            var storage = StoreOptions.From(parse);
            await using var services = new ServiceCollection().AddFangkongCore(storage, StoreOptions.Settings(parse)).BuildServiceProvider();
            try
            {
                var report = await services.GetRequiredService<OutbreakSimulation>().RunAsync(o, new LineProgress(), ct);
                Print(report);
                return 0;
            }
            catch (Exception e) when (e is OutbreakRefusedException or InputException)
            {
                await Console.Error.WriteLineAsync("simulate outbreak: " + e.Message);
                return 2;
            }
        });
        return outbreak;
    }

    private static void Print(OutbreakReport r)
    {
        var found = r.Infections.Count(i => i.CaseId is not null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Outbreak {r.From:yyyy-MM-dd} – {r.To:yyyy-MM-dd} over {r.Residents:N0} residents: {r.Infections.Count:N0} infections, {found:N0} found as cases ({r.Cases:N0} cases in the store)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Contacts confirmed {r.ContactsConfirmed:N0}, released {r.ContactsReleased:N0}; quarantine sites {r.QuarantineSites:N0}; zones put in force {r.ZonesSet:N0}, lifted {r.ZonesLifted:N0}; {r.Elapsed.TotalSeconds:0.0} s, {r.Elapsed.TotalSeconds / Math.Max(1, r.Days.Count):0.0} s a simulated day."));
        Console.WriteLine($"{"phase",-40} {"items",10} {"seconds",9} {"per second",12}");
        foreach (var p in r.Phases)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Name,-40} {p.Items,10:N0} {p.Elapsed.TotalSeconds,9:0.0} {p.PerSecond,12:N0}"));
    }

    private sealed class LineProgress : IProgress<OutbreakDay>
    {
        private bool _header;

        public void Report(OutbreakDay d)
        {
            if (!_header)
                Console.WriteLine($"{"date",-10} {"infected",8} {"clinic",6} {"chkpt",5} {"in-q",5} {"conv",4} {"susp",4} {"excl",4} {"contacts",8} {"in quar.",8} {"released",8} {"closed",6} {"check-ins",9} {"alerts",6} {"tests",6} {"z-tests",7} {"zones",5} {"seconds",7}");
            _header = true;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{d.Date:yyyy-MM-dd} {d.NewInfections,8:N0} {d.FeverClinic,6:N0} {d.Checkpoint,5:N0} {d.InQuarantineFound,5:N0} {d.Conversions,4:N0} {d.Suspected,4:N0} {d.SuspectedExcluded,4:N0} {d.ContactsConfirmed,8:N0} {d.InQuarantine,8:N0} {d.Released,8:N0} {d.CasesClosed,6:N0} {d.CheckIns,9:N0} {d.Alerts,6:N0} {d.Tests,6:N0} {d.ZoneTests,7:N0} {d.Zones.InForce.Sum(t => t.Zones),5:N0} {d.Elapsed.TotalSeconds,7:0.0}"));
            foreach (var line in OutbreakZoneLines.Of(d)) Console.WriteLine("           " + line);
        }
    }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Simulation;
using Fangkong.Core.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Hosting;

/// <summary>
/// First start of `./run.sh`: when the store has no persons, generate the demo city so a newcomer sees a
/// living system at once — with `Demo:Outbreak` days of a simulated outbreak over it, so the dashboard and the
/// bulletins have something true to show —; then print where to go and how to sign in.
/// </summary>
public static class DemoStartup
{
    /// <summary>
    /// Decides whether this start generates the demo city and, if so, marks it started and puts the progress in the
    /// generating state, so the host serves the progress page from its first request. Quick: the work is <see cref="GenerateInBackground"/>.
    /// </summary>
    public static async Task<SeedOptions?> PrepareAsync(WebApplication app)
    {
        var config = app.Configuration.GetSection("Demo");
        if (!config.GetValue("SeedOnStart", false)) return null;
        var storage = app.Services.GetRequiredService<StorageOptions>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        bool again;
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            var mark = await DemoCityMark.ReadAsync(db, default);
            again = mark is { ReadyAtUtc: null };
            // A finished demo city, or a city an operator loaded with `fangkong seed` (no mark): leave it.
            if (!again && await db.Persons.AnyAsync()) return null;
            if (again) Console.WriteLine("The demo city of an earlier first start was not finished (the server was stopped while generating it): generating it again…");
            await DemoCityMark.StartedAsync(db, time.GetUtcNow().UtcDateTime, default);
        }
        app.Services.GetRequiredService<DemoCityProgress>().Begin();
        return new SeedOptions
        {
            Residents = config.GetValue("Residents", 50_000),
            Days = config.GetValue("Days", 14),
            Seed = config.GetValue("Seed", 20220101),
            Reset = again,
        };
    }

    /// <summary>Generates the city once the host listens (issue 19: the first page in seconds, not after the whole city).</summary>
    public static void GenerateInBackground(WebApplication app, SeedOptions options)
    {
        var progress = app.Services.GetRequiredService<DemoCityProgress>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoStartup));
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await GenerateAsync(app, options, progress);
                progress.Finished();
                Console.WriteLine("The demo city is ready: sign in.");
            }
            catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Stopped while generating: the mark stays unfinished and the next start generates the city again.
            }
            catch (Exception e)
            {
                log.LogError(e, "Generating the demo city failed");
                progress.Failed(e.Message);
            }
        }));
    }

    private static async Task GenerateAsync(WebApplication app, SeedOptions options, DemoCityProgress progress)
    {
        var config = app.Configuration.GetSection("Demo");
        var storage = app.Services.GetRequiredService<StorageOptions>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating the demo city: {options.Residents:N0} residents, {options.Days} days of visits (first start only)…"));
        var summary = await DemoCitySeeder.SeedAsync(storage, options, new LineProgress(progress), time, app.Lifetime.ApplicationStopping);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Demo city ready: {summary.Residents:N0} residents, {summary.Venues:N0} venues, {summary.Visits:N0} visits."));
        if (config.GetValue("Outbreak", 0) is > 0 and var days) await RunOutbreakAsync(app, days, options.Days, progress);
        progress.Report("round", 0, 1);
        if (config.GetValue("OpenRound", true)) await OpenDemoRoundAsync(app);
        await using (var db = new FangkongDb(storage.BuildOptions()))
            await DemoCityMark.ReadyAsync(db, time.GetUtcNow().UtcDateTime, default);
    }

    /// <summary>
    /// A simulated outbreak over the days of visits just generated, ending yesterday: the seeder's last day is today and
    /// partial, so at most one day fewer than it generated.
    /// </summary>
    private static async Task RunOutbreakAsync(WebApplication app, int wanted, int visitDays, DemoCityProgress progress)
    {
        var days = Math.Min(wanted, visitDays - 1);
        if (days < 1)
        {
            Console.WriteLine($"No simulated outbreak: the demo city has {visitDays} days of visits (Demo:Days), it needs two at least.");
            return;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Simulating an outbreak over the last {days} days (Demo:Outbreak; first start only)…"));
        var report = await app.Services.GetRequiredService<OutbreakSimulation>().RunAsync(new OutbreakOptions { Days = days }, new DayProgress(progress, days), app.Lifetime.ApplicationStopping);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Outbreak ready: {report.Infections.Count:N0} infections, {report.Cases:N0} cases, {report.ContactsConfirmed:N0} contacts confirmed, {report.QuarantineSites} quarantine sites, {report.ZonesSet} zones put in force and {report.ZonesLifted} lifted ({report.Elapsed.TotalSeconds:0} s)."));
    }

    /// <summary>A city-wide testing round that started an hour ago, open, so samplers, the lab and the command see one at once.</summary>
    private static async Task OpenDemoRoundAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var planner = scope.ServiceProvider.GetRequiredService<RoundPlanner>();
        var clock = scope.ServiceProvider.GetRequiredService<CityClock>();
        var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).FirstAsync();
        var start = clock.UtcNow.AddHours(-1);
        var local = clock.ToLocal(start);
        var round = await planner.CreateAsync(db, new RoundRequest($"{local.Month}月{local.Day}日全员核酸检测", RoundScope.City, null, start), admin, app.Lifetime.ApplicationStopping);
        await planner.OpenAsync(db, round.Id, app.Lifetime.ApplicationStopping);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Demo testing round open: {round.Name}, {round.Residents:N0} residents."));
    }

    /// <summary>Prints the URL and the demo accounts once Kestrel is listening.</summary>
    public static void AnnounceWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
            Console.WriteLine();
            Console.WriteLine($"Fangkong 防控 is running: {url}   (API reference: {url}/api/docs)");
            if (!app.Services.GetRequiredService<DemoCityProgress>().IsReady)
                Console.WriteLine("The demo city is being generated: the pages show its progress until it is ready.");
            if (app.Configuration.GetValue("Demo:SeedOnStart", false))
            {
                Console.WriteLine($"Demo accounts, password \"{SeedOptions.DemoPassword}\":");
                Console.WriteLine("  gate      门岗 gate operator   → /gate");
                Console.WriteLine("  manager   场所负责人 venue manager → /monitor");
                Console.WriteLine("  epi       流调员 epidemiologist → /search");
                Console.WriteLine("  admin     管理员 administrator (admin2: second approver)");
                Console.WriteLine("  resident  居民 resident        → /code, /me/testing");
                Console.WriteLine("  sampler   采样员 sampler         → /testing/sample (sampler2: a second table)");
                Console.WriteLine("  lab       检测员 lab technician  → /testing/lab");
                Console.WriteLine("  command   指挥部 command center  → /command (dashboard; epi and admin have it too)");
            }
        });
    }

    private sealed class DayProgress(DemoCityProgress progress, int days) : IProgress<OutbreakDay>
    {
        private int _done;

        public void Report(OutbreakDay d)
        {
            progress.Report("outbreak", ++_done, days);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {d.Date:yyyy-MM-dd}  infected {d.NewInfections,4}  cases {d.FeverClinic + d.Checkpoint + d.InQuarantineFound,4}  suspected {d.Suspected,3} (excluded {d.SuspectedExcluded,3})  contacts {d.ContactsConfirmed,5}  in quarantine {d.InQuarantine,6}  released {d.Released,5}  zones {d.Zones.InForce.Sum(t => t.Zones),3}"));
            foreach (var line in OutbreakZoneLines.Of(d)) Console.WriteLine("              " + line);
        }
    }

    private sealed class LineProgress(DemoCityProgress progress) : IProgress<SeedProgress>
    {
        private string? _phase;
        private int _lastPercent = -1;

        public void Report(SeedProgress p)
        {
            progress.Report(p.Phase, p.Done, p.Total);
            var percent = p.Total == 0 ? 100 : (int)(100 * p.Done / p.Total);
            if (p.Phase == _phase && percent / 10 == _lastPercent / 10) return;
            _phase = p.Phase;
            _lastPercent = percent;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Phase,-10} {p.Done,12:N0} / {p.Total:N0} ({Math.Min(percent, 100)}%)"));
        }
    }
}

using System.Globalization;
using Fangkong.Bench.Gate;
using Fangkong.Bench.Rounds;
using Fangkong.Core.Command;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Seeding;
using Fangkong.Domain.Command;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Dashboard;

/// <summary>
/// The command center after a simulated outbreak (<see cref="OutbreakCity"/>): building the dashboard at city, district
/// and province level (and each of its parts), the cached <c>GET /api/dashboard</c> beside a bare Kestrel request, a
/// rebuild over HTTP, and drafting the daily bulletin of the outbreak's last day — each beside the plain SQL GROUP BY
/// queries for the same figures, measured in the same run, whose counts must equal the product's.
/// </summary>
public static class DashboardBenchmark
{
    private static readonly List<string> Rows = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var residents = a.Int("residents", 100_000);
        var scale = new OutbreakScale(residents, a.Int("days", 30), a.Int("seeds", Math.Max(5, residents / 20_000)),
            double.Parse(a.Get("attack", "1"), CultureInfo.InvariantCulture), a.Int("cap", 0));
        var runs = a.Int("runs", 20);
        var prepareOnly = args.Contains("--prepare-only");
        var keep = prepareOnly || args.Contains("--keep");
        Console.WriteLine($"Dashboard benchmark: {scale.Residents:N0} residents, a {scale.Days}-day outbreak from {scale.Seeds} index infections " +
                          $"(attack {scale.Attack}, cap {scale.Cap}); {runs} runs after 2 warm-up, {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            Console.WriteLine();
            Console.WriteLine($"## {provider}");
            await using var city = await OutbreakCity.OpenAsync(provider, a.PostgresServer, scale, keep);
            var size = await city.PrepareAsync(scale);
            Console.WriteLine(Inv($"  store: outbreak {size.From:yyyy-MM-dd} – {size.To:yyyy-MM-dd}; {size.Cases:N0} cases, {size.ContactsConfirmed:N0} confirmed contacts, ") +
                              Inv($"{size.Stays:N0} quarantine stays, {size.Tubes:N0} tubes, {size.CheckIns:N0} check-ins, {size.Visits:N0} visits"));
            if (prepareOnly) continue;
            await MeasureAsync(provider.ToString(), city, size, runs);
        }
        if (Rows.Count == 0) return 0;
        Console.WriteLine();
        Console.WriteLine("| store | what | p50 ms | p90 ms | baseline p50 ms | p50 / baseline |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        Rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task MeasureAsync(string label, OutbreakCity city, OutbreakSize size, int runs)
    {
        await using var host = await BenchHost.StartAsync(city.Options);
        var services = host.Services;
        var clock = services.GetRequiredService<CityClock>();
        var builder = services.GetRequiredService<DashboardBuilder>();
        var bulletins = services.GetRequiredService<Bulletins>();
        var dbs = services.GetRequiredService<IDbContextFactory<FangkongDb>>();
        await using var sql = await city.ConnectAsync();

        // The areas: the city (the dashboard's default), its district with the most cases, and the province.
        await using var probe = await dbs.CreateDbContextAsync();
        var (_, cityCode) = await DashboardBuilder.DefaultAreaAsync(probe, default);
        var districts = await probe.Districts.AsNoTracking().Select(d => new { d.Code, d.CityCode }).ToListAsync();
        var busiest = await probe.Cases.AsNoTracking().Where(c => c.DistrictCode != null).GroupBy(c => c.DistrictCode!)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var onlyCity = districts.All(d => d.CityCode == cityCode);
        string[]? InCity() => onlyCity ? null : districts.Where(d => d.CityCode == cityCode).Select(d => d.Code).ToArray();
        string[]? InProvince() => districts.All(d => Regions.ProvinceOf(d.Code) == Regions.ProvinceOf(cityCode)) ? null
            : districts.Where(d => Regions.ProvinceOf(d.Code) == Regions.ProvinceOf(cityCode)).Select(d => d.Code).ToArray();
        var areas = new (string Name, BulletinLevel Level, string Code, string[]? Districts, bool Unknown)[]
        {
            ("city", BulletinLevel.City, cityCode, InCity(), true),
            ("district (most cases)", BulletinLevel.District, busiest, [busiest], false),
            ("province", BulletinLevel.Province, Regions.ProvinceOf(cityCode), InProvince(), true),
        };

        var today = clock.Today;
        var from = today.AddDays(1 - DashboardBuilder.TrendDays);
        foreach (var (name, level, code, inArea, unknown) in areas)
        {
            DashboardSnapshot? snapshot = null;
            var build = await RoundCity.TimeAsync(2, runs, async () =>
            {
                await using var db = await dbs.CreateDbContextAsync();
                snapshot = await builder.BuildAsync(db, level, code, default);
            });
            SqlCounts? counts = null;
            var baseline = await RoundCity.TimeAsync(2, runs, async () => counts = await DashboardSql.DashboardAsync(sql, today, from, inArea, unknown));
            CheckDashboard(name, snapshot!, counts!);
            Row(label, $"dashboard build, {name}", build, baseline);
        }

        // Each part of the city's build on its own, to show where the time goes.
        var parts = new DashboardParts(builder, clock, services.GetRequiredService<CheckIns>());
        foreach (var (name, run) in parts.All(BulletinLevel.City, cityCode))
        {
            var times = await RoundCity.TimeAsync(2, runs, async () =>
            {
                await using var db = await dbs.CreateDbContextAsync();
                await run(db);
            });
            Rows.Add(Inv($"| {label} | · {name} | {RoundCity.Q(times, 0.5):F2} | {RoundCity.Q(times, 0.9):F2} | | |"));
        }

        await HttpAsync(label, host, runs);

        // The daily bulletin of the outbreak's last day: a draft (facts, counting, both languages' text, one row written).
        var admin = await probe.Users.AsNoTracking().Where(u => u.UserName == "admin").Select(u => u.Id).FirstAsync();
        foreach (var (name, level, code, inArea, unknown) in areas)
        {
            Bulletin? draft = null;
            var times = await RoundCity.TimeAsync(2, runs, async () =>
            {
                await using var db = await dbs.CreateDbContextAsync();
                draft = await bulletins.DraftAsync(db, new BulletinRequest(size.To, level, code), admin, default);
            });
            SqlCounts? counts = null;
            var baseline = await RoundCity.TimeAsync(2, runs, async () => counts = await DashboardSql.BulletinAsync(sql, size.To, inArea, unknown));
            var figures = System.Text.Json.JsonSerializer.Deserialize<BulletinFigures>(draft!.FiguresJson)!;
            CheckBulletin(name, figures, counts!);
            Row(label, $"bulletin draft {size.To:MM-dd}, {name}", times, baseline);
            if (name == "city") Console.WriteLine($"  {draft.TextZh}");
        }
    }

    // The cached dashboard as the command center's screens poll it, and a rebuild on request, beside a bare Kestrel request.
    private static async Task HttpAsync(string label, BenchHost host, int runs)
    {
        var bareStore = await Seeding.ScratchStore.CreateAsync(StorageProvider.Sqlite, "", "bare", migrate: false);
        try
        {
            var (bareApp, bareUrl) = await Baselines.StartAsync(bareStore.Options);
            await using var _ = bareApp;
            using var plain = BenchHost.Client(bareUrl);
            using var command = await host.LoginAsync("command", SeedOptions.DemoPassword);
            using var epi = await host.LoginAsync("epi", SeedOptions.DemoPassword);
            var bare = await RoundCity.TimeAsync(5, runs * 5, async () => (await plain.GetAsync("/bare")).EnsureSuccessStatusCode());
            Rows.Add(Inv($"| {label} | bare Kestrel GET (HTTP baseline) | {RoundCity.Q(bare, 0.5):F2} | {RoundCity.Q(bare, 0.9):F2} | | |"));
            foreach (var (name, client, url, n) in new[]
                     {
                         ("GET /api/dashboard (cached, commander)", command, "/api/dashboard", runs * 5),
                         ("GET /api/dashboard/charts/trend.svg (cached)", command, "/api/dashboard/charts/trend.svg", runs * 5),
                         ("GET /api/dashboard?fresh=true (rebuilt, epidemiologist)", epi, "/api/dashboard?fresh=true", runs),
                     })
            {
                var times = await RoundCity.TimeAsync(2, n, async () => (await client.GetAsync(url)).EnsureSuccessStatusCode());
                Row(label, name, times, bare);
            }
        }
        finally
        {
            await bareStore.DisposeAsync();
        }
    }

    private static void CheckDashboard(string area, DashboardSnapshot s, SqlCounts sql)
    {
        var trend = s.Trend.ToDictionary(d => d.Day, d => d.NewConfirmed);
        foreach (var day in trend.Keys.Union(sql.ConfirmedByDay.Keys))
            Same(area, $"new confirmed on {day:yyyy-MM-dd}", trend.GetValueOrDefault(day), sql.ConfirmedByDay.GetValueOrDefault(day));
        Same(area, "cumulative confirmed", s.TodayFigures.CumulativeConfirmed, sql.CumulativeConfirmed);
        Same(area, "new asymptomatic today", s.TodayFigures.NewAsymptomatic, sql.NewAsymptomatic);
        Same(area, "close contacts under observation", s.TodayFigures.CloseContactsUnderObservation, sql.CloseUnderObservation);
        Same(area, "secondary contacts under observation", s.TodayFigures.SecondaryContactsUnderObservation, sql.SecondaryUnderObservation);
        Same(area, "in quarantine", s.Sites.Sum(x => x.Persons) + s.HomeIsolation, sql.InQuarantine);
    }

    private static void CheckBulletin(string area, BulletinFigures f, SqlCounts sql)
    {
        Same(area, "bulletin new confirmed", f.NewConfirmed.Total, sql.NewConfirmed);
        Same(area, "bulletin new asymptomatic", f.NewAsymptomatic, sql.NewAsymptomatic);
        Same(area, "bulletin cumulative confirmed", f.CumulativeConfirmed, sql.CumulativeConfirmed);
        Same(area, "bulletin close contacts under observation", f.CloseContactsUnderObservation, sql.CloseUnderObservation);
        Same(area, "bulletin secondary contacts under observation", f.SecondaryContactsUnderObservation, sql.SecondaryUnderObservation);
    }

    private static void Same(string area, string what, int product, int sql)
    {
        if (product != sql) throw new InvalidOperationException($"CHECK FAILED: {area}: {what}: the product says {product:N0}, the SQL {sql:N0}");
    }

    private static void Row(string label, string what, double[] times, double[] baseline)
    {
        var (p50, b50) = (RoundCity.Q(times, 0.5), RoundCity.Q(baseline, 0.5));
        Rows.Add(Inv($"| {label} | {what} | {p50:F2} | {RoundCity.Q(times, 0.9):F2} | {b50:F2} | {p50 / b50:F1}× |"));
        Console.WriteLine(Inv($"  {what}: p50 {p50:F2} ms, baseline {b50:F2} ms ({p50 / b50:F1}×)"));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

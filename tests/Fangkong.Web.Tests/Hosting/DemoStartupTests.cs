using System.Diagnostics;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Testing;
using Fangkong.Testing;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Hosting;

/// <summary>What `./run.sh` does on a fresh machine: generate the demo city and open a testing round over it.</summary>
public sealed class DemoStartupTests
{
    [Fact]
    public async Task A_first_start_generates_the_city_and_opens_a_round_over_every_resident()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using var factory = FirstStart(store, ("Demo:Residents", "1000"), ("Demo:Days", "0"));
        var client = await ReadyClientAsync(factory);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);

        await using var db = store.NewDb();
        var round = await db.TestingRounds.SingleAsync();
        Assert.Equal(RoundStatus.Open, round.Status);
        Assert.Equal(1000, round.Residents);
        Assert.Equal(await db.Persons.CountAsync(), await db.RoundResidents.CountAsync(x => x.RoundId == round.Id));
        Assert.True(await db.SamplingSites.AnyAsync(s => s.RoundId == round.Id));
        Assert.EndsWith("全员核酸检测", round.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Demo_Outbreak_a_first_start_also_simulates_an_outbreak_over_the_days_of_visits()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        // An outbreak of more days than the visits hold: six days, ending yesterday.
        await using var factory = FirstStart(store, ("Demo:Residents", "1000"), ("Demo:Days", "7"), ("Demo:Outbreak", "14"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await (await ReadyClientAsync(factory)).GetAsync("/login")).StatusCode);

        await using var db = store.NewDb();
        Assert.True(await db.Cases.AnyAsync());
        var first = await db.Cases.MinAsync(c => c.ReportedAtUtc);
        Assert.True(first < DateTime.UtcNow.AddDays(-1) && first > DateTime.UtcNow.AddDays(-8), $"first case reported {first:O}");
        Assert.Equal(RoundStatus.Open, (await db.TestingRounds.Where(r => r.Scope == RoundScope.City).SingleAsync()).Status);
    }

    [Fact]
    public async Task A_first_start_killed_while_generating_the_city_is_generated_again_by_the_next_start()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        // The real server, as ./run.sh starts it, killed (as by Ctrl-C or a closed terminal) once it is loading visits.
        var server = Path.Combine(AppContext.BaseDirectory, "Fangkong.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { server, "--urls", "http://127.0.0.1:0", "--Storage:Provider", "Sqlite", "--Storage:ConnectionString", store.Options.ConnectionString,
            "--Demo:SeedOnStart", "true", "--Demo:Residents", "20000", "--Demo:Days", "3", "--Housekeeping", "false" })
            start.ArgumentList.Add(a);
        using (var first = Process.Start(start)!)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            // It serves at once (issue 19): while the city is generated, pages show the progress and the API answers 503.
            string? line;
            const string running = "is running: ";
            while ((line = await first.StandardOutput.ReadLineAsync(patience.Token)) is not null && !line.Contains(running, StringComparison.Ordinal)) { }
            Assert.NotNull(line);
            using (var http = new HttpClient { BaseAddress = new Uri(line[(line.IndexOf(running, StringComparison.Ordinal) + running.Length)..].Split(' ')[0]) })
            {
                var page = await http.GetAsync("/login", patience.Token);
                Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.Contains("正在生成示例城市", await page.Content.ReadAsStringAsync(patience.Token), StringComparison.Ordinal);
                var api = await http.GetAsync("/api/cases", patience.Token);
                Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, api.StatusCode);
                Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(api.Headers.RetryAfter);
            }
            while ((line = await first.StandardOutput.ReadLineAsync(patience.Token)) is not null && !line.TrimStart().StartsWith("visits", StringComparison.Ordinal)) { }
            Assert.NotNull(line);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(patience.Token);
        }
        await using (var db = store.NewDb())
        {
            Assert.True(await db.Persons.AnyAsync(), "the killed start had loaded residents");
            Assert.Null((await DemoCityMark.ReadAsync(db, default))!.ReadyAtUtc);
        }

        await using var factory = FirstStart(store, ("Demo:Residents", "1000"), ("Demo:Days", "0"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await (await ReadyClientAsync(factory)).GetAsync("/login")).StatusCode);
        await using (var db = store.NewDb())
        {
            Assert.Equal(1000, await db.Persons.CountAsync());
            Assert.Equal(1000, (await db.TestingRounds.SingleAsync()).Residents);
            Assert.NotNull((await DemoCityMark.ReadAsync(db, default))!.ReadyAtUtc);
        }
    }

    [Fact]
    public async Task A_city_loaded_by_the_operator_is_left_as_it_is()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await DemoCitySeeder.SeedAsync(store.Options, new SeedOptions { Residents = 1000, Days = 0, Seed = 3, PasswordIterations = PasswordHasher.RandomSecretIterations }, null, TimeProvider.System, default);
        await using var factory = FirstStart(store, ("Demo:Residents", "2000"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await (await ReadyClientAsync(factory)).GetAsync("/login")).StatusCode);
        await using var db = store.NewDb();
        Assert.Equal(1000, await db.Persons.CountAsync());
        Assert.False(await db.TestingRounds.AnyAsync());
    }

    /// <summary>A client of the started host once the demo city it generates in the background is ready.</summary>
    private static async Task<HttpClient> ReadyClientAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        await factory.Services.GetRequiredService<DemoCityProgress>().WhenReadyAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        return client;
    }

    /// <summary>The web app as ./run.sh starts it on the test's store, with the demo settings given.</summary>
    private static WebApplicationFactory<Program> FirstStart(TestStore store, params (string Key, string Value)[] demo) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Provider", "Sqlite");
            b.UseSetting("Storage:ConnectionString", store.Options.ConnectionString);
            b.UseSetting("Demo:SeedOnStart", "true");
            b.UseSetting("Housekeeping", "false");
            foreach (var (key, value) in demo) b.UseSetting(key, value);
        });
}

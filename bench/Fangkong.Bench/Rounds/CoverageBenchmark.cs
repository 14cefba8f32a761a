using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Fangkong.Bench.Gate;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Rounds;

/// <summary>
/// Response times of the coverage API at each level (city → district → community → compound) and of the not-yet-sampled
/// list, on a large city with a round about 60 % sampled; beside a bare Kestrel request and the plain SQL GROUP BY
/// over the roster that the district level amounts to, measured in the same run.
/// </summary>
public static class CoverageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var residents = a.Int("residents", 1_000_000);
        var runs = a.Int("runs", 50);
        Console.WriteLine($"Coverage benchmark: {residents:N0} residents, {runs} requests per level after 5 warm-up, {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "coverage");
            long roundId = 0;
            await using var host = await BenchHost.StartAsync(storage, async sp =>
            {
                roundId = await RoundCity.PrepareAsync(sp, storage, residents, 0);
                await using var db = new FangkongDb(storage.BuildOptions());
                var at = DateTime.UtcNow.AddHours(-1);
                // About 60 % sampled, 40 % with results: spread over every place by person id.
                await db.RoundResidents.Where(x => x.RoundId == roundId && x.PersonId % 10 < 6).ExecuteUpdateAsync(u => u.SetProperty(x => x.SampledAtUtc, at));
                await db.RoundResidents.Where(x => x.RoundId == roundId && x.PersonId % 10 < 4).ExecuteUpdateAsync(u => u.SetProperty(x => x.ResultAtUtc, at));
            });
            var (baseline, baseUrl) = await Baselines.StartAsync(await a.FreshStoreAsync(provider, "bare"));
            await using var _ = baseline;
            using var plain = BenchHost.Client(baseUrl);
            var admin = await host.LoginAsync("admin", SeedOptions.DemoPassword);

            async Task<JsonElement> Get(string url)
            {
                var r = await admin.GetAsync(url);
                r.EnsureSuccessStatusCode();
                return await r.Content.ReadFromJsonAsync<JsonElement>();
            }
            var root = $"/api/testing/rounds/{roundId}";
            static string First(JsonElement view) => view.GetProperty("rows")[0].GetProperty("id").GetString()!;
            var district = First(await Get($"{root}/coverage"));
            var community = First(await Get($"{root}/coverage?level=Community&parent={district}"));
            var compound = First(await Get($"{root}/coverage?level=Compound&parent={community}"));
            var total = (await Get($"{root}/coverage")).GetProperty("total");

            var rows = new List<string>
            {
                RoundCity.Row("bare Kestrel (baseline)", await RoundCity.TimeAsync(5, runs, async () => (await plain.PostAsJsonAsync("/bare", new { idNumber = "x" })).EnsureSuccessStatusCode())),
            };
            await using (var db = new FangkongDb(storage.BuildOptions()))
            {
                var c = db.Database.GetDbConnection();
                await c.OpenAsync();
                rows.Add(RoundCity.Row("plain SQL GROUP BY district (baseline)", await RoundCity.TimeAsync(5, runs, () => GroupByAsync(c, roundId))));
            }
            rows.Add(RoundCity.Row("coverage: districts of the city", await RoundCity.TimeAsync(5, runs, () => Get($"{root}/coverage"))));
            rows.Add(RoundCity.Row("coverage: communities of a district", await RoundCity.TimeAsync(5, runs, () => Get($"{root}/coverage?level=Community&parent={district}"))));
            rows.Add(RoundCity.Row("coverage: compounds of a community", await RoundCity.TimeAsync(5, runs, () => Get($"{root}/coverage?level=Compound&parent={community}"))));
            rows.Add(RoundCity.Row("coverage: buildings of a compound", await RoundCity.TimeAsync(5, runs, () => Get($"{root}/coverage?level=Building&parent={compound}"))));
            rows.Add(RoundCity.Row("not yet sampled: a compound, page 1", await RoundCity.TimeAsync(5, runs, () => Get($"{root}/missing?compoundId={compound}"))));
            Console.WriteLine();
            Console.WriteLine($"### {provider}: {total.GetProperty("residents").GetInt32():N0} residents, {total.GetProperty("sampled").GetInt32():N0} sampled");
            Console.WriteLine(RoundCity.TimeHeader);
            rows.ForEach(Console.WriteLine);
        }
        return 0;
    }

    private static async Task GroupByAsync(DbConnection c, long roundId)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT \"DistrictCode\", COUNT(*), COUNT(\"SampledAtUtc\"), COUNT(\"ResultAtUtc\") FROM round_residents WHERE \"RoundId\" = "
                          + roundId.ToString(CultureInfo.InvariantCulture) + " GROUP BY \"DistrictCode\"";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }
}

using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Rounds;

/// <summary>
/// Fan-out of a lab's results to persons: N pooled tubes of ten (1 in 500 positive) imported as one CSV through
/// <see cref="TubeResults.ImportAsync"/> — result per person, positive-pool control, re-sampling tasks, colours — against
/// the bare minimum in the same run on the same data: one INSERT … SELECT writing a result row per swab.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var tubeCount = a.Int("tubes", 100_000);
        Console.WriteLine($"Fan-out benchmark: {tubeCount:N0} tubes of 10 ({tubeCount * 10:N0} persons), {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "fanout");
            long roundId = 0;
            await using var host = await BenchHost.StartAsync(storage, async sp => roundId = await RoundCity.PrepareAsync(sp, storage, tubeCount * 10, 1));
            var barcodes = await SampleEveryoneAsync(storage, roundId, tubeCount);

            await using var db = new FangkongDb(storage.BuildOptions());
            var baseline = Stopwatch.StartNew();
            var plainRows = await PlainFanOutAsync(db, roundId);
            baseline.Stop();

            var csv = new StringBuilder("barcode,result\n");
            for (var i = 0; i < barcodes.Count; i++) csv.Append(barcodes[i]).Append(i % 500 == 7 ? ",阳性\n" : ",阴性\n");
            var lab = await db.Users.Where(u => u.UserName == "lab").Select(u => u.Id).FirstAsync();
            var results = host.Services.GetRequiredService<TubeResults>();
            await using var scoped = new FangkongDb(storage.BuildOptions());
            var watch = Stopwatch.StartNew();
            var report = await results.ImportAsync(scoped, new StringReader(csv.ToString()), lab, default);
            watch.Stop();
            var f = report.FanOut!;
            var persons = f.NegativePersons + f.PoolPositivePersons + f.PositivePersons;
            Console.WriteLine();
            Console.WriteLine($"### {provider}");
            Console.WriteLine("| path | tubes | persons | seconds | tubes/s | persons/s |\n|---|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| plain INSERT … SELECT (baseline) | {tubeCount:N0} | {plainRows:N0} | {baseline.Elapsed.TotalSeconds:F2} | {tubeCount / baseline.Elapsed.TotalSeconds:N0} | {plainRows / baseline.Elapsed.TotalSeconds:N0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CSV import + fan-out (real) | {report.Accepted:N0} | {persons:N0} | {watch.Elapsed.TotalSeconds:F2} | {report.Accepted / watch.Elapsed.TotalSeconds:N0} | {persons / watch.Elapsed.TotalSeconds:N0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"real / baseline time: {watch.Elapsed / baseline.Elapsed:F1}×   positive pools {f.PoolPositivePersons / 10:N0}, re-sampling tasks {f.ResampleTasks:N0}, colour changes {f.CodeChanges:N0}, rejected lines {report.Rejected.Count}"));
            if (report.Accepted != tubeCount || persons != tubeCount * 10) { Console.WriteLine("MISMATCH between tubes sent and tubes fanned out"); return 1; }
        }
        return 0;
    }

    /// <summary>Set-up, not measured: every roster resident swabbed into closed, received pools of ten.</summary>
    private static async Task<List<string>> SampleEveryoneAsync(StorageOptions storage, long roundId, int tubeCount)
    {
        var watch = Stopwatch.StartNew();
        await using var db = new FangkongDb(storage.BuildOptions());
        var roster = await db.RoundResidents.Where(x => x.RoundId == roundId).OrderBy(x => x.PersonId).Select(x => x.PersonId).Take(tubeCount * 10).ToListAsync();
        var site = await db.SamplingSites.Where(s => s.RoundId == roundId).Select(s => s.Id).FirstAsync();
        var at = DateTime.UtcNow.AddMinutes(-30);
        var barcodes = new List<string>(tubeCount);
        long id = 5_000_000_000;
        foreach (var chunk in roster.Chunk(20_000))
        {
            db.ChangeTracker.Clear();
            foreach (var pool in chunk.Chunk(10))
            {
                var tube = new Tube
                {
                    Id = id++,
                    RoundId = roundId,
                    Barcode = Barcodes.Tube(id),
                    SiteId = site,
                    Kind = TubeKind.Pool,
                    Capacity = 10,
                    Count = pool.Length,
                    OpenedByUserId = 10_000,
                    OpenedAtUtc = at,
                    FirstSampledAtUtc = at,
                    ClosedAtUtc = at,
                    ReceivedAtUtc = at.AddMinutes(10),
                    OpenKey = $"bench-open-{id}",
                };
                db.Tubes.Add(tube);
                barcodes.Add(tube.Barcode);
                foreach (var person in pool)
                    db.Samples.Add(new Sample { Id = id++, RoundId = roundId, TubeId = tube.Id, PersonId = person, AtUtc = at, SamplerUserId = 10_000, IdempotencyKey = $"bench-{id}" });
            }
            await db.SaveChangesAsync();
        }
        await db.RoundResidents.Where(x => x.RoundId == roundId).ExecuteUpdateAsync(u => u.SetProperty(x => x.SampledAtUtc, at));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {barcodes.Count:N0} tubes and {roster.Count:N0} swabs set up in {watch.Elapsed.TotalSeconds:F1} s"));
        return barcodes;
    }

    /// <summary>The least a fan-out can do: a result row per swab of the round, one set statement, into a scratch table.</summary>
    private static async Task<long> PlainFanOutAsync(FangkongDb db, long roundId)
    {
        var c = db.Database.GetDbConnection();
        await c.OpenAsync();
        await Exec(c, "CREATE TABLE bench_results (person_id BIGINT NOT NULL, tube_id BIGINT NOT NULL, outcome INTEGER NOT NULL, result_at BIGINT NOT NULL)");
        var n = await Exec(c, "INSERT INTO bench_results (person_id, tube_id, outcome, result_at) SELECT s.\"PersonId\", s.\"TubeId\", 1, 0 FROM samples s JOIN tubes t ON t.\"Id\" = s.\"TubeId\" WHERE t.\"RoundId\" = " + roundId.ToString(CultureInfo.InvariantCulture));
        await c.CloseAsync();
        return n;
    }

    private static async Task<int> Exec(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        return await cmd.ExecuteNonQueryAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Rounds;

/// <summary>
/// Fan-out of a lab's results to persons: N pooled tubes of ten (1 in 500 positive) imported as one CSV through
/// <see cref="TubeResults.ImportAsync"/> — result per person, roster outcomes, positive-pool control with re-sampling
/// tasks, colours with their audit — against the least any fan-out writes, in the same run on the same store: the
/// same result rows by binary COPY (PostgreSQL) or one prepared INSERT in one transaction (SQLite). The same file is
/// then imported again and must write nothing. Every count is checked; a wrong one fails the run.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var tubeCount = a.Int("tubes", 100_000);
        var runs = a.Int("runs", 1);
        var keep = args.Contains("--keep");
        Console.WriteLine($"Fan-out benchmark: {tubeCount:N0} tubes of 10 ({tubeCount * 10:N0} persons), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var sections = new SortedDictionary<string, TimeSpan>(StringComparer.Ordinal);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == FanOutSections.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = x => { lock (sections) sections[x.OperationName] = sections.GetValueOrDefault(x.OperationName) + x.Duration; },
        };
        ActivitySource.AddActivityListener(listener);
        var failed = false;
        foreach (var provider in a.Providers())
        {
            var city = await FanOutCity.OpenAsync(provider, a.PostgresServer, tubeCount, keep);
            try
            {
                for (var run = 1; run <= runs; run++)
                {
                    var label = $"run{run}";
                    var storage = await city.CloneAsync(label);
                    try
                    {
                        lock (sections) sections.Clear();
                        failed |= !await RunOnceAsync(provider, storage, city.RoundId, tubeCount, run, sections);
                    }
                    finally
                    {
                        await city.DropCloneAsync(label);
                    }
                }
            }
            finally
            {
                await city.DropTemplateAsync();
            }
        }
        return failed ? 1 : 0;
    }

    private static async Task<bool> RunOnceAsync(StorageProvider provider, StorageOptions storage, long roundId, int tubeCount, int run,
        SortedDictionary<string, TimeSpan> sections)
    {
        await using var host = await BenchHost.StartAsync(storage);
        var (copied, copyTime) = await FanOutBaseline.CopyAsync(storage, roundId);

        List<string> barcodes;
        long lab;
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            barcodes = await db.Tubes.Where(t => t.RoundId == roundId).OrderBy(t => t.Id).Select(t => t.Barcode).ToListAsync();
            lab = await db.Users.Where(u => u.UserName == "lab").Select(u => u.Id).FirstAsync();
        }
        var csv = new StringBuilder("barcode,result\n");
        var positivePools = 0;
        for (var i = 0; i < barcodes.Count; i++)
        {
            var positive = i % 500 == 7;
            positivePools += positive ? 1 : 0;
            csv.Append(barcodes[i]).Append(positive ? ",阳性\n" : ",阴性\n");
        }
        var file = csv.ToString();
        var before = await FanOutCounts.ReadAsync(storage, roundId);

        var (report, elapsed) = await ImportAsync(host, file, lab);
        var after = await FanOutCounts.ReadAsync(storage, roundId);
        Dictionary<string, TimeSpan> firstSections;
        lock (sections) { firstSections = new(sections); sections.Clear(); }
        var (again, againElapsed) = await ImportAsync(host, file, lab);
        var replayed = await FanOutCounts.ReadAsync(storage, roundId);

        var f = report.FanOut!;
        var persons = f.NegativePersons + f.PoolPositivePersons + f.PositivePersons;
        var written = after.Minus(before);
        var ratio = copyTime / elapsed;
        var seconds = elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"### {provider}, run {run} (load average {LoadAverage()})");
        Console.WriteLine("| path | tubes | rows | seconds | tubes/s | persons/s |\n|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {(provider == StorageProvider.Postgres ? "binary COPY" : "prepared INSERT, one transaction")} of the result rows (baseline) | — | {copied:N0} | {copyTime.TotalSeconds:F2} | — | {copied / copyTime.TotalSeconds:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **CSV import + fan-out** | {report.Accepted:N0} | {written.Results:N0} | **{seconds:F2}** | {report.Accepted / seconds:N0} | {persons / seconds:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| the same file again (nothing to write) | {again.Unchanged:N0} | {replayed.Minus(after).Results:N0} | {againElapsed.TotalSeconds:F2} | {again.Unchanged / againElapsed.TotalSeconds:N0} | — |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fan-out / COPY speed: **{ratio:F2}×** (target ≥ 0.2×; time {seconds:F2} s, target < {(provider == StorageProvider.Postgres ? 5 : 10)} s)"));
        Console.WriteLine("sections (s): " + string.Join(", ", firstSections.OrderByDescending(s => s.Value).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.TotalSeconds:F2}"))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"written: results {written.Results:N0}, roster outcomes {written.RosterResulted:N0}, tubes {written.TubesResulted:N0}, re-sampling tasks {written.PoolTasks:N0}, colour changes {written.ColourChanges:N0}, audit entries {written.AuditEntries:N0}, cases {written.Cases:N0}"));

        var expected = new FanOutCounts((tubeCount - positivePools) * 10L, tubeCount * 10L, tubeCount, positivePools * 10L, positivePools * 10L, positivePools * 10L, 0);
        var problems = new List<string>();
        if (copied != tubeCount * 10L) problems.Add($"baseline wrote {copied:N0} rows, not {tubeCount * 10L:N0}");
        if (report.Accepted != tubeCount || report.Rejected.Count != 0 || persons != tubeCount * 10) problems.Add($"import accepted {report.Accepted:N0} tubes and {persons:N0} persons, rejected {report.Rejected.Count}");
        if (written != expected) problems.Add($"wrote {written}, expected {expected}");
        if (f.ResampleTasks != positivePools * 10 || f.CodeChanges != positivePools * 10) problems.Add($"summary says {f.ResampleTasks} tasks, {f.CodeChanges} colour changes");
        if (again.Accepted != 0 || again.Unchanged != tubeCount || again.Rejected.Count != 0) problems.Add($"re-import accepted {again.Accepted}, unchanged {again.Unchanged}, rejected {again.Rejected.Count}");
        if (replayed != after) problems.Add($"re-import wrote {replayed.Minus(after)}");
        foreach (var p in problems) Console.WriteLine("MISMATCH: " + p);
        return problems.Count == 0;
    }

    /// <summary>The lab import as the endpoint runs it: one request scope, its own context.</summary>
    private static async Task<(ImportReport Report, TimeSpan Elapsed)> ImportAsync(BenchHost host, string file, long lab)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var results = scope.ServiceProvider.GetRequiredService<TubeResults>();
        var watch = Stopwatch.StartNew();
        var report = await results.ImportAsync(db, new StringReader(file), lab, default);
        return (report, watch.Elapsed);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Exports;

namespace Fangkong.Bench.Lists;

/// <summary>One export through the API: how long from request to done, the file, and the process's memory meanwhile.</summary>
internal sealed record ExportResult(long Total, long Done, TimeSpan Elapsed, long FileBytes, long Downloaded, long SheetRows, TimeSpan Download,
    long HeapBefore, long HeapPeak, long HeapRetained, long Allocated, long WorkingSetBefore, long WorkingSetPeak)
{
    public double RowsPerSecond => Total / Elapsed.TotalSeconds;
}

/// <summary>
/// Requests an export, polls it to Done, downloads the file and counts its rows. The host runs in this process, so
/// the managed heap and working set sampled every 20 ms while the job runs are the export worker's (plus the idle host).
/// </summary>
internal static class ExportProbe
{
    /// <param name="filter">The list's filter as JSON (null: the list's default).</param>
    public static async Task<ExportResult> RunAsync(HttpClient client, string list, string format, string? filter)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var heapBefore = GC.GetTotalMemory(false);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        long heapPeak = heapBefore, workingSetPeak = workingSetBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                process.Refresh();
                workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                try { await Task.Delay(20, stop.Token); }
                catch (OperationCanceledException) { }
            }
        });

        var watch = Stopwatch.StartNew();
        var accepted = await client.PostAsJsonAsync("/api/exports", new { list, format, filter = filter is null ? (JsonElement?)null : JsonDocument.Parse(filter).RootElement });
        if (accepted.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"export request: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        var location = accepted.Headers.Location!.ToString();
        JsonElement job;
        while (true)
        {
            var r = await client.GetAsync(location);
            r.EnsureSuccessStatusCode();
            job = await r.Content.ReadFromJsonAsync<JsonElement>();
            var state = job.GetProperty("state").GetString();
            if (state == "Done") break;
            if (state == "Failed") throw new InvalidOperationException($"export FAILED: {job.GetProperty("error")}");
            await Task.Delay(50);
        }
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

        watch.Restart();
        var file = await client.GetByteArrayAsync(location + "/file");
        var download = watch.Elapsed;
        var rows = await SheetRowsAsync(file);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var retained = GC.GetTotalMemory(false);
        return new ExportResult(job.GetProperty("total").GetInt64(), job.GetProperty("done").GetInt64(), elapsed, job.GetProperty("fileBytes").GetInt64(),
            file.LongLength, rows, download, heapBefore, heapPeak, retained, allocated, workingSetBefore, workingSetPeak);
    }

    /// <summary>
    /// The export's read alone: the same source and batches as <see cref="ExportRunner"/> (rows masked and turned into
    /// cells), without writing a file, to tell the store's share of an export from the writer's.
    /// </summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> ReadOnlyAsync(IServiceProvider services, string list, string? filter)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var source = LineLists.Source(db, list, filter, scope.ServiceProvider.GetRequiredService<CityClock>());
        var watch = Stopwatch.StartNew();
        long rows = 0;
        await foreach (var batch in source.BatchesAsync(masked: true, CultureInfo.GetCultureInfo(ExportJobs.DefaultLanguage), ExportRunner.BatchSize, default)) rows += batch.Count;
        return (rows, watch.Elapsed);
    }

    /// <summary>Rows of the first sheet, header included, counted while streaming it out of the zip (the XML is ~100 MB).</summary>
    private static async Task<long> SheetRowsAsync(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        // "<row>" or "<row r=…>": the tag's name, then a space or the tag's end.
        const string tag = "<row";
        var buffer = new char[1 << 16];
        long rows = 0;
        var matched = 0; // characters of the tag matched so far, carried across buffers
        int n;
        while ((n = await sheet.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                var c = buffer[i];
                if (matched == tag.Length)
                {
                    if (c is ' ' or '>') rows++;
                    matched = 0;
                }
                matched = c == tag[matched] ? matched + 1 : c == tag[0] ? 1 : 0;
            }
        }
        return rows;
    }
}

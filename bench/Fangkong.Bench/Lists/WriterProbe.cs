using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.Exports;

namespace Fangkong.Bench.Lists;

/// <summary>One writer writing the same rows to a file: how fast, how large, how much memory it took.</summary>
internal sealed record WriterResult(string Writer, long Rows, TimeSpan Elapsed, long FileBytes, long HeapPeakAbove, long Allocated)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// The XLSX writer alone, without the store: a list's rows read once into memory (masked cells, as an export writes
/// them), then written to a temporary file by the product's writer (SpreadCheetah) and, as the baseline in the same
/// run, by the hand-written writer it replaced (ADR 0017). Memory is the managed heap's peak above what it held
/// before the write (the rows themselves), sampled every 20 ms, and the bytes allocated while writing.
/// </summary>
internal static class WriterProbe
{
    public static async Task<IReadOnlyList<WriterResult>> RunAsync(IServiceProvider services, string list, string? filter)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var source = LineLists.Source(db, list, filter, scope.ServiceProvider.GetRequiredService<CityClock>());
        var chinese = CultureInfo.GetCultureInfo(ExportJobs.DefaultLanguage);
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var batch in source.BatchesAsync(masked: true, chinese, ExportRunner.BatchSize, default)) rows.AddRange(batch);
        var columns = source.Header(chinese);
        var results = new List<WriterResult>();
        for (var round = 0; round < 2; round++) // the first round warms both up (JIT); the second is reported
        {
            results.Clear();
            results.Add(await MeasureAsync("hand-written (before)", rows, async file =>
            {
                using var w = new LegacyXlsxWriter(file, source.Sheet(chinese), [.. columns.Select(c => c.Title)]);
                foreach (var row in rows) w.Row(row);
                await Task.CompletedTask;
            }));
            results.Add(await MeasureAsync("SpreadCheetah (after)", rows, async file =>
            {
                await using var w = await TableWriter.CreateAsync("xlsx", file, source.Sheet(chinese), columns);
                foreach (var row in rows) await w.RowAsync(row);
                await w.CompleteAsync();
            }));
        }
        return results;
    }

    private static async Task<WriterResult> MeasureAsync(string writer, List<IReadOnlyList<object?>> rows, Func<Stream, Task> write)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fk-bench-writer-{Guid.NewGuid():N}.xlsx");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        long heapPeak = heapBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                try { await Task.Delay(20, stop.Token); }
                catch (OperationCanceledException) { }
            }
        });
        try
        {
            var watch = Stopwatch.StartNew();
            await using (var file = File.Create(path)) await write(file);
            var elapsed = watch.Elapsed;
            await stop.CancelAsync();
            await sampler;
            return new WriterResult(writer, rows.Count, elapsed, new FileInfo(path).Length, heapPeak - heapBefore, GC.GetTotalAllocatedBytes(true) - allocatedBefore);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The XLSX writer Fangkong had before SpreadCheetah, kept here verbatim as the benchmark's baseline only: it wrote
    /// every int, long, decimal and double as a number cell, which rounded 18-digit ids (the reason it was replaced).
    /// </summary>
    private sealed class LegacyXlsxWriter : IDisposable
    {
        private readonly ZipArchive _zip;
        private readonly StreamWriter _sheet;

        public LegacyXlsxWriter(Stream output, string sheetName, IReadOnlyList<string> header)
        {
            _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            _sheet = new StreamWriter(_zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16);
            _sheet.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            Row([.. header]);
        }

        public void Row(IReadOnlyList<object?> cells)
        {
            _sheet.Write("<row>");
            foreach (var cell in cells)
            {
                if (cell is int or long or decimal or double)
                {
                    _sheet.Write("<c><v>");
                    _sheet.Write(Convert.ToString(cell, CultureInfo.InvariantCulture));
                    _sheet.Write("</v></c>");
                }
                else
                {
                    _sheet.Write("<c t=\"inlineStr\"><is><t>");
                    _sheet.Write(SecurityElement.Escape(Format(cell)));
                    _sheet.Write("</t></is></c>");
                }
            }
            _sheet.Write("</row>");
        }

        public void Dispose()
        {
            _sheet.Write("</sheetData></worksheet>");
            _sheet.Dispose();
            _zip.Dispose();
        }

        private void Add(string name, string content)
        {
            using var w = new StreamWriter(_zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            w.Write(content);
        }

        private static string Format(object? c) => c switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? "",
        };
    }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Exports;

/// <summary>
/// Runs export jobs: claims the oldest queued one (or one whose runner stopped beating), writes it batch by batch to a
/// temporary file with its progress stored after every batch, then keeps the file in the store for its requester.
/// </summary>
public sealed class ExportRunner(CityClock clock)
{
    public const int BatchSize = 2_000;
    /// <summary>A running job whose heartbeat is older than this is taken to be orphaned (its instance stopped) and claimed again.</summary>
    public static readonly TimeSpan Orphaned = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Claims the next job for this runner; null when there is none. On PostgreSQL one statement takes the oldest job no other
    /// instance is claiming (<c>FOR UPDATE SKIP LOCKED</c>, ADR 0047), so instances never wait on each other nor run one job twice;
    /// on SQLite (one instance) the conditional update below is as safe.
    /// </summary>
    public async Task<long?> ClaimAsync(FangkongDb db, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var stale = now - Orphaned;
        if (!db.Database.IsSqlite())
        {
            var claimed = await db.Database.SqlQuery<long>($"""
                UPDATE export_jobs SET "State" = {(int)ExportState.Running}, "StartedAtUtc" = {now}, "HeartbeatUtc" = {now}, "Done" = 0
                WHERE "Id" = (SELECT "Id" FROM export_jobs
                              WHERE "State" = {(int)ExportState.Queued} OR ("State" = {(int)ExportState.Running} AND "HeartbeatUtc" < {stale})
                              ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
            return claimed.Count == 0 ? null : claimed[0];
        }
        var candidates = await db.ExportJobs.Where(j => j.State == ExportState.Queued || (j.State == ExportState.Running && j.HeartbeatUtc < stale))
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.State, j.HeartbeatUtc }).Take(5).ToListAsync(ct);
        foreach (var c in candidates)
        {
            var claimed = await db.ExportJobs.Where(j => j.Id == c.Id && j.State == c.State && j.HeartbeatUtc == c.HeartbeatUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Running).SetProperty(j => j.StartedAtUtc, now)
                    .SetProperty(j => j.HeartbeatUtc, now).SetProperty(j => j.Done, 0L), ct);
            if (claimed == 1) return c.Id;
        }
        return null;
    }

    /// <param name="reads">Where the list's rows are read: a standby's context (ADR 0047), the job's own context when null.</param>
    public async Task RunAsync(FangkongDb db, long jobId, CancellationToken ct, FangkongDb? reads = null)
    {
        reads ??= db;
        var job = await db.ExportJobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        // The job is worded in the language it was asked in, not the worker's: the file's headers and labels by the
        // culture passed below, and a refusal thrown while it runs (a stored filter no longer valid) because the
        // worker's UI culture is the job's for the run. Its stored error is so in the requester's language, as the file.
        var culture = ExportJobs.Culture(job);
        CultureInfo.CurrentUICulture = culture;
        // The file holds what its requester may see, read from their area as it is now (ADR 0028).
        await Accounts.Jurisdictions.ConfineAsync(db, job.RequestedByUserId, ct);
        if (reads != db) await Accounts.Jurisdictions.ConfineAsync(reads, job.RequestedByUserId, ct);
        // Unique per run, not per job: job ids are unique in one store only, and instances of other stores (test hosts
        // on a fixed clock mint the very same ids) may share the temporary directory.
        var path = Path.Combine(Path.GetTempPath(), $"fangkong-export-{jobId}-{Guid.NewGuid():N}.{job.Format}");
        try
        {
            var source = LineLists.Source(reads, job.List, job.FilterJson, clock);
            var total = await source.CountAsync(ct);
            await Progress(db, jobId, total, 0, ct);
            long done = 0;
            await using (var file = File.Create(path))
            await using (var writer = await TableWriter.CreateAsync(job.Format, file, source.Sheet(culture), source.Header(culture), ct))
            {
                await foreach (var batch in source.BatchesAsync(!job.Revealed, culture, BatchSize, ct))
                {
                    foreach (var row in batch) await writer.RowAsync(row, ct);
                    done += batch.Count;
                    await Progress(db, jobId, Math.Max(total, done), done, ct);
                }
                await writer.CompleteAsync(ct);
            }
            var content = await File.ReadAllBytesAsync(path, ct);
            db.ExportFiles.Add(new ExportFile { JobId = jobId, Content = content });
            await db.SaveChangesAsync(ct);
            var name = $"{job.List}-{clock.ToLocal(job.RequestedAtUtc).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{job.Format}";
            var now = clock.UtcNow;
            await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Done)
                .SetProperty(j => j.Total, done).SetProperty(j => j.Done, done).SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.HeartbeatUtc, now)
                .SetProperty(j => j.FileName, name).SetProperty(j => j.FileBytes, content.LongLength), ct);
        }
        catch (Exception e) when (e is InputException or DbUpdateException or IOException or InvalidOperationException)
        {
            var message = e is InputException ? e.Message : Messages.Get(culture, "Exports.Failed");
            var now = clock.UtcNow;
            await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Failed)
                .SetProperty(j => j.Error, message).SetProperty(j => j.FinishedAtUtc, now), CancellationToken.None);
            throw;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Deletes the files of exports finished longer ago than <see cref="ExportJobs.Keep"/>; the jobs stay as a record.</summary>
    public async Task<int> PurgeAsync(FangkongDb db, CancellationToken ct)
    {
        var before = clock.UtcNow - ExportJobs.Keep;
        var old = db.ExportJobs.Where(j => j.FinishedAtUtc < before).Select(j => j.Id);
        return await db.ExportFiles.Where(f => old.Contains(f.JobId)).ExecuteDeleteAsync(ct);
    }

    private async Task Progress(FangkongDb db, long jobId, long total, long done, CancellationToken ct)
    {
        var now = clock.UtcNow;
        await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Total, total).SetProperty(j => j.Done, done)
            .SetProperty(j => j.HeartbeatUtc, now), ct);
    }
}

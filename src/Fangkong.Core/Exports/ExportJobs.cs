using System.Globalization;
using Fangkong.Core.Audit;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Exports;

public sealed record ExportRequest(string? List, string? Format, System.Text.Json.JsonElement? Filter, bool? Reveal, string? Purpose);

/// <summary>A job as its requester follows it: state, rows written of the total, the file when done.</summary>
public sealed record ExportJobView(long Id, string List, string Format, ExportState State, long Total, long Done, int Percent, bool Revealed,
    DateTime RequestedAtUtc, DateTime? FinishedAtUtc, string? Error, string? FileName, long? FileBytes);

/// <summary>
/// Line-list exports as background jobs: requested here (filter checked, reveal audited), run by whichever instance
/// claims them (<see cref="ExportRunner"/>), followed and downloaded by their requester only.
/// </summary>
public sealed class ExportJobs(TimeOrderedIds ids, CityClock clock)
{
    /// <summary>Queued or running exports one person may have at once.</summary>
    public const int MaxPending = 3;
    /// <summary>How long a finished file is kept: an export of personal data should not outlive its use.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromHours(24);
    /// <summary>The platform's first language, for a job whose stored language is not a known culture.</summary>
    public const string DefaultLanguage = "zh-CN";

    public async Task<ExportJobView> RequestAsync(FangkongDb db, ExportRequest r, TraceReader requester, CultureInfo culture, CancellationToken ct)
    {
        var list = r.List?.Trim().ToLowerInvariant() ?? throw new InputException("list", Messages.Get("Exports.ListRequired", string.Join(", ", LineLists.Names)));
        var format = (r.Format ?? "xlsx").Trim().ToLowerInvariant();
        if (format is not ("xlsx" or "csv")) throw new InputException("format", Messages.Get("Exports.Format"));
        var raw = r.Filter is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined } f ? f.GetRawText() : null;
        if (raw is { Length: > 2000 }) throw new InputException("filter", Messages.Get("Exports.FilterTooLong"));
        var filter = LineLists.Normalise(list, raw);
        LineLists.Source(db, list, filter, clock); // checks the filter's values (dates, codes) before anything is queued
        var reveal = r.Reveal == true;
        if (reveal && !LineLists.Personal(list)) throw new InputException("reveal", Messages.Get("Exports.NothingToReveal"));
        var purpose = r.Purpose?.Trim();
        if (purpose is { Length: > 500 }) throw new InputException("purpose", Messages.Get("Exports.PurposeTooLong"));
        if (reveal) LineLists.AuditReveal(db, ids, clock, requester with { Purpose = purpose ?? "" }, "export:" + list);
        var pending = await db.ExportJobs.CountAsync(j => j.RequestedByUserId == requester.UserId && (j.State == ExportState.Queued || j.State == ExportState.Running), ct);
        if (pending >= MaxPending) throw new ConflictException(Messages.Get("Exports.TooMany", pending), "TooManyExports");
        var now = clock.UtcNow;
        var job = new ExportJob
        {
            Id = ids.Next(),
            List = list,
            Format = format,
            FilterJson = filter,
            Language = culture.Name.Length is > 0 and <= 16 ? culture.Name : DefaultLanguage,
            Revealed = reveal,
            Purpose = purpose,
            RequestedByUserId = requester.UserId,
            RequestedAtUtc = now,
        };
        db.ExportJobs.Add(job);
        // Every export is in the audit log, masked too: a file of a list leaves the platform (ADR 0024); a revealed one
        // is there already, as its read (AuditReveal above).
        if (!reveal) AuditLog.Add(db, AuditEntries.Export(ids, now, requester.UserId, requester.UserName, list, revealed: false, purpose, "export-job:" + job.Id.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        return View(job);
    }

    public async Task<IReadOnlyList<ExportJobView>> MineAsync(FangkongDb db, long userId, CancellationToken ct) =>
        (await db.ExportJobs.AsNoTracking().Where(j => j.RequestedByUserId == userId).OrderByDescending(j => j.Id).Take(20).ToListAsync(ct)).Select(View).ToList();

    /// <summary>One of the caller's jobs; someone else's is "not found", so job numbers reveal nothing.</summary>
    public async Task<ExportJobView> GetAsync(FangkongDb db, long id, long userId, CancellationToken ct) =>
        View(await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.RequestedByUserId == userId, ct)
            ?? throw new NotFoundException("id", Messages.Get("Exports.NoSuchExport")));

    public async Task<(string Name, string ContentType, byte[] Content)> FileAsync(FangkongDb db, long id, long userId, CancellationToken ct)
    {
        var job = await GetAsync(db, id, userId, ct);
        if (job.State != ExportState.Done) throw new ConflictException(Messages.Get("Exports.NotFinished"), "NotReady");
        var content = await db.ExportFiles.Where(f => f.JobId == id).Select(f => f.Content).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException(Messages.Get("Exports.Expired"), "Expired");
        return (job.FileName!, job.Format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    /// <summary>The culture a job is worded in: its stored language, or the platform's first one if that is not a culture.</summary>
    public static CultureInfo Culture(ExportJob job)
    {
        try
        {
            return CultureInfo.GetCultureInfo(job.Language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(DefaultLanguage);
        }
    }

    internal static ExportJobView View(ExportJob j) => new(j.Id, j.List, j.Format, j.State, j.Total, j.Done,
        j.State == ExportState.Done ? 100 : j.Total == 0 ? 0 : (int)Math.Min(99, j.Done * 100 / j.Total), j.Revealed, j.RequestedAtUtc, j.FinishedAtUtc, j.Error, j.FileName, j.FileBytes);
}

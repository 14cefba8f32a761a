namespace Fangkong.Core.Exports;

public enum ExportState { Queued = 1, Running = 2, Done = 3, Failed = 4 }

/// <summary>
/// A line-list export running in the background: who asked, for which list and filter, how far it has come.
/// Kept in the store rather than in memory, so any instance can run it and the requester can follow it from any other.
/// </summary>
public sealed class ExportJob
{
    public long Id { get; set; }
    public required string List { get; set; }
    /// <summary>"xlsx" or "csv".</summary>
    public required string Format { get; set; }
    /// <summary>The list's filter as JSON (enums by name), re-read by whichever instance runs the job.</summary>
    public required string FilterJson { get; set; }
    /// <summary>
    /// The language the export was asked in, as a culture name ("zh-CN", "en"): the file's headers and labels, and a
    /// failure's reason, are worded in it by whichever instance runs the job.
    /// </summary>
    public string Language { get; set; } = ExportJobs.DefaultLanguage;
    /// <summary>Unmasked names, ID numbers and phones; only with a purpose, audited when requested.</summary>
    public bool Revealed { get; set; }
    public string? Purpose { get; set; }
    public long RequestedByUserId { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public ExportState State { get; set; } = ExportState.Queued;
    public long Total { get; set; }
    public long Done { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    /// <summary>Touched after every batch; a running job whose heartbeat stops is taken up again by another worker.</summary>
    public DateTime? HeartbeatUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public string? Error { get; set; }
    public string? FileName { get; set; }
    public long? FileBytes { get; set; }
}

/// <summary>The finished file, apart from the job so listing jobs never reads it.</summary>
public sealed class ExportFile
{
    public long JobId { get; set; }
    public required byte[] Content { get; set; }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// Who read what about the case and its person: the access audit's rows for the person (trajectories, contact searches,
/// the investigation report, community reads, earlier timelines). The audit table is Tracing's, so this part lives here;
/// who changed what is on each other entry as its officer. The report's first drawing-up is an entry of its own.
/// </summary>
public sealed class AuditTimelinePart : ICaseTimelinePart
{
    /// <summary>The newest reads shown: a case read every day for months would bury its story.</summary>
    public const int MaxReads = 100;

    private static readonly HashSet<string> Worded = ["trajectory", "trajectory-export", "contact-search", "secondary-contact-search", "zone-proposal", CaseTimeline.AuditKind];

    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var reads = await db.TraceAccesses.AsNoTracking().Where(a => a.PersonId == t.PersonId && a.AtUtc >= t.FromUtc)
            .OrderByDescending(a => a.Id).Take(MaxReads).ToListAsync(ct);
        var caseArg = t.CaseId.ToString(CultureInfo.InvariantCulture);
        var items = reads.OrderBy(a => a.Id).Select(Read).ToList();
        var report = reads.Where(a => a.PlatformPurpose is { Key: "Tracing.ReportPurpose" } p && p.Args.SequenceEqual([caseArg])).MinBy(a => a.Id);
        if (report is not null)
            items.Add(new(report.AtUtc, "investigation-report", new Message("Tracing.Timeline.Report"), $"/tracing/cases/{t.CaseId}/report", report.UserId));
        return items;
    }

    private static TimelineItem Read(TraceAccess a)
    {
        var purpose = a.PlatformPurpose is { } p ? Messages.Get(p) : a.Purpose;
        var what = Worded.Contains(a.Kind) ? Messages.Get("Tracing.Timeline.ReadKind." + a.Kind) : a.Kind;
        return new(a.AtUtc, "read", new Message("Tracing.Timeline.Read", what, purpose), null, a.UserId);
    }
}

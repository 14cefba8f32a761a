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

    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var reads = await db.TraceAccesses.AsNoTracking().Where(a => a.PersonId == t.PersonId && a.AtUtc >= t.FromUtc)
            .OrderByDescending(a => a.Id).Take(MaxReads).ToListAsync(ct);
        var caseArg = t.CaseId.ToString(CultureInfo.InvariantCulture);
        var items = reads.OrderBy(a => a.Id).Select(a => Read(a, caseArg, t.Number)).ToList();
        var report = reads.Where(a => a.PlatformPurpose is { Key: "Tracing.ReportPurpose" } p && p.Args.SequenceEqual([caseArg])).MinBy(a => a.Id);
        if (report is not null)
            items.Add(new(report.AtUtc, "investigation-report", new Message("Tracing.Timeline.Report"), $"/tracing/cases/{t.CaseId}/report", report.UserId));
        return items;
    }

    /// <summary>A read, its purpose worded; a platform purpose names this case by its number, never its internal id (ADR 0016).</summary>
    private static TimelineItem Read(TraceAccess a, string caseArg, string number)
    {
        var purpose = a.PlatformPurpose is { } p ? Messages.Get(p with { Args = [.. p.Args.Select(x => x == caseArg ? number : x)] }) : a.Purpose;
        var what = What(a.Kind);
        return new(a.AtUtc, "read", new Message("Tracing.Timeline.Read", what, purpose), null, a.UserId);
    }

    /// <summary>The kinds of read a case's story has words for; any other (a community page's) shows as it is stored.</summary>
    private static string What(string kind) => kind switch
    {
        "trajectory" => Messages.Get("Tracing.Timeline.ReadKind.Trajectory"),
        "trajectory-export" => Messages.Get("Tracing.Timeline.ReadKind.TrajectoryExport"),
        "contact-search" => Messages.Get("Tracing.Timeline.ReadKind.ContactSearch"),
        "secondary-contact-search" => Messages.Get("Tracing.Timeline.ReadKind.SecondaryContactSearch"),
        "zone-proposal" => Messages.Get("Tracing.Timeline.ReadKind.ZoneProposal"),
        CaseTimeline.AuditKind => Messages.Get("Tracing.Timeline.ReadKind.CaseTimeline"),
        _ => kind,
    };
}

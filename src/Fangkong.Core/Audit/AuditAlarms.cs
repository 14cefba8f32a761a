using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Audit;

/// <summary>
/// Raises alarms when an act crosses <see cref="AuditPolicy"/>'s thresholds — checked in the save that writes the act's
/// entries, so an alarm exists as soon as the act does, not after a nightly job. Acts by rule (no officer) raise none.
/// Each volume alarm is raised once per officer and window: the act that first crosses the threshold raises it.
/// </summary>
public static class AuditAlarms
{
    public const string ManualRequest = "manual-request";
    public const string ManualApprove = "manual-approve";

    /// <summary>Adds (without saving) the alarms the just-saved <paramref name="entries"/> raise; true when it added any.</summary>
    internal static async Task<bool> RaiseAsync(FangkongDb db, IReadOnlyList<AuditEntry> entries, AuditPolicy policy, CancellationToken ct)
    {
        var raised = 0;
        foreach (var group in entries.Where(e => e.ActorUserId is not null).GroupBy(e => e.ActorUserId!.Value))
        {
            var actor = group.Key;
            var last = group.Last();
            var since = last.AtUtc - policy.Window;
            if (group.Any(e => e.PersonId is not null))
            {
                var persons = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.ActorUserId == actor && a.AtUtc > since && a.PersonId != null)
                    .Select(a => a.PersonId).Distinct().CountAsync(ct);
                if (persons > policy.PersonsPerWindow && !await RaisedAsync(db, actor, AuditAlarmKinds.Volume, since, ct))
                    Raise(db, AuditAlarmKinds.Volume, last, Invariant($"{persons}/{policy.PersonsPerWindow}/{policy.Window}"));
            }
            if (group.Any(e => e.Kind == AuditKinds.ManualColour && e.Action == ManualRequest))
            {
                var requests = await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.ActorUserId == actor && a.AtUtc > since
                    && a.Kind == AuditKinds.ManualColour && a.Action == ManualRequest, ct);
                if (requests > policy.ManualRequestsPerWindow && !await RaisedAsync(db, actor, AuditAlarmKinds.BulkManual, since, ct))
                    Raise(db, AuditAlarmKinds.BulkManual, last, Invariant($"{requests}/{policy.ManualRequestsPerWindow}/{policy.Window}"));
            }
        }
        foreach (var e in entries.Where(e => e.ActorUserId is not null))
        {
            if (e.Kind == AuditKinds.ManualColour && e.Action == ManualApprove && !policy.NamesEvidence(e.Purpose))
                Raise(db, AuditAlarmKinds.Unfounded, e, e.Reference);
            var cityTime = e.AtUtc + CityClock.ChinaOffset;
            if (e.Kind == AuditKinds.Export && policy.IsOddHour(cityTime))
                Raise(db, AuditAlarmKinds.OddHourExport, e, cityTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        return raised > 0;

        void Raise(FangkongDb db, string kind, AuditEntry e, string detail)
        {
            raised++;
            db.AuditAlarms.Add(new AuditAlarm { AtUtc = e.AtUtc, Kind = kind, ActorUserId = e.ActorUserId, ActorName = e.ActorName, EntrySeq = e.Seq, Detail = detail });
        }
    }

    private static Task<bool> RaisedAsync(FangkongDb db, long actor, string kind, DateTime since, CancellationToken ct) =>
        db.AuditAlarms.AnyAsync(a => a.ActorUserId == actor && a.Kind == kind && a.AtUtc > since, ct);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>The alarms, newest first, optionally of one kind.</summary>
    public static async Task<Page<AuditAlarm>> PageAsync(FangkongDb db, string? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, pageSize);
        var q = db.AuditAlarms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind)) q = q.Where(a => a.Kind == kind);
        var total = await q.LongCountAsync(ct);
        var items = await q.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<AuditAlarm>(items, p, s, total);
    }
}

using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Audit;

/// <summary>The administrators' filters over the log; every one optional.</summary>
public sealed record AuditFilter(string? Officer = null, long? PersonId = null, string? Kind = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

/// <summary>An entry as an administrator reads it: the purpose worded in their language.</summary>
public sealed record AuditEntryView(long Seq, long Id, DateTime AtUtc, string Kind, string Action, long? ActorUserId, string ActorName,
    string ActorRole, long? PersonId, long? VenueId, string Purpose, string Reference, string Detail, string Hash);

/// <summary>A read of a resident's data as the resident sees it: the officer's role and masked name, when, why, for which case.</summary>
public sealed record AccessView(DateTime AtUtc, string ActorRole, string ActorName, string Purpose, string? CaseNumber, string Kind);

/// <summary>Reads of the audit log: the administrators' filtered pages and export, and a resident's own reads.</summary>
public static partial class AuditViews
{
    public const int MaxExportRows = 100_000;

    public static async Task<Page<AuditEntryView>> PageAsync(FangkongDb db, AuditFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, pageSize);
        var q = Query(db, filter);
        var total = await q.LongCountAsync(ct);
        var items = await q.OrderByDescending(e => e.Seq).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<AuditEntryView>(items.Select(View).ToList(), p, s, total);
    }

    /// <summary>The filtered entries for an export, newest first, at most <see cref="MaxExportRows"/>.</summary>
    public static async Task<IReadOnlyList<AuditEntryView>> ExportAsync(FangkongDb db, AuditFilter filter, CancellationToken ct) =>
        (await Query(db, filter).OrderByDescending(e => e.Seq).Take(MaxExportRows).ToListAsync(ct)).Select(View).ToList();

    /// <summary>Who read or exported a person's data, newest first — only theirs (the caller passes the signed-in resident's person).</summary>
    public static async Task<Page<AccessView>> ReadsOfAsync(FangkongDb db, long personId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, pageSize);
        var q = db.AuditEntries.AsNoTracking().Where(e => e.PersonId == personId && (e.Kind == AuditKinds.Read || e.Kind == AuditKinds.Export));
        var total = await q.LongCountAsync(ct);
        var items = await q.OrderByDescending(e => e.Seq).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<AccessView>(items.Select(e =>
        {
            var purpose = Purpose(e);
            var number = CaseNumber().Match(purpose);
            return new AccessView(e.AtUtc, e.ActorRole, Masking.Name(e.ActorName), purpose, number.Success ? number.Value : null, e.Kind);
        }).ToList(), p, s, total);
    }

    private static IQueryable<AuditEntry> Query(FangkongDb db, AuditFilter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Officer))
        {
            var officer = f.Officer.Trim();
            q = long.TryParse(officer, out var id) ? q.Where(e => e.ActorUserId == id) : q.Where(e => e.ActorName.Contains(officer));
        }
        if (f.PersonId is { } person) q = q.Where(e => e.PersonId == person);
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            if (!AuditKinds.All.Contains(f.Kind)) throw new InputException("kind", Messages.Get("Audit.NoSuchKind", string.Join(", ", AuditKinds.All)));
            q = q.Where(e => e.Kind == f.Kind);
        }
        if (f.FromUtc is { } from) q = q.Where(e => e.AtUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(e => e.AtUtc < to);
        return q;
    }

    private static AuditEntryView View(AuditEntry e) => new(e.Seq, e.Id, e.AtUtc, e.Kind, e.Action, e.ActorUserId, e.ActorName, e.ActorRole,
        e.PersonId, e.VenueId, Purpose(e), e.Reference, e.Detail, e.Hash);

    private static string Purpose(AuditEntry e) => AuditEntries.PlatformPurpose(e) is { } m ? Messages.Get(m) : e.Purpose;

    [GeneratedRegex(@"[CcQq]\d{4}-\d{1,6}")]
    private static partial Regex CaseNumber();
}

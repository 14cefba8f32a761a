using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// One thing in a case's story, worded for the reader: when (UTC; pages show city time), what kind, the sentence and
/// its key and arguments (ADR 0020), the page that shows it, and the officer who did it, masked, when known. An entry
/// known to the day only (<see cref="AllDay"/>) is at the start of its city day.
/// </summary>
public sealed record CaseTimelineEntry(DateTime AtUtc, string Kind, string Text, string Key, IReadOnlyList<string> Args, string? Link, string? By, bool AllDay);

/// <summary>A case's whole story, oldest first.</summary>
public sealed record CaseTimelineView(long CaseId, string Number, string MaskedName, IReadOnlyList<CaseTimelineEntry> Entries);

/// <summary>
/// A case's whole story on one timeline (issue 17): every feature tells its part through <see cref="ICaseTimelinePart"/>
/// (testing, quarantine, hospitals, zones, the access audit), put in order here. The person's data is masked, and the
/// read itself is audited ("case-timeline"), as the story names where the case was and who it met.
/// </summary>
public sealed class CaseTimeline(IEnumerable<ICaseTimelinePart> parts, Investigation investigation, TimeOrderedIds ids, CityClock clock)
{
    public const string AuditKind = "case-timeline";

    public async Task<CaseTimelineView> ReadAsync(FangkongDb db, long caseId, TraceReader reader, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("id", Messages.Get("Tracing.NoSuchCase"));
        var name = await db.Persons.Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var subject = new TimelineCase(c.Id, c.Number, c.PersonId, investigation.WindowOf(c).StartUtc);
        var items = new List<TimelineItem>();
        // In turn, not at once: the parts share the request's one context (and connection).
        foreach (var part in parts) items.AddRange(await part.ItemsAsync(db, subject, ct));
        var officers = await OfficersAsync(db, items, ct);
        var now = clock.UtcNow;
        TraceService.Audit(db, ids, reader, c.PersonId, null, AuditKind, new Message("Tracing.TimelinePurpose", c.Number), subject.FromUtc, now, now);
        await db.SaveChangesAsync(ct);
        // A stable sort: what happened at the same instant stays in the order its part told it.
        var entries = items.OrderBy(i => i.AtUtc).Select(i => new CaseTimelineEntry(i.AtUtc, i.Kind, Messages.Get(i.Text), i.Text.Key, i.Text.Args, i.Link,
            i.ByUserId is { } by ? officers.GetValueOrDefault(by) : null, i.AllDay)).ToList();
        return new CaseTimelineView(c.Id, c.Number, Masking.Name(name), entries);
    }

    /// <summary>The officers' names, masked like any person's: the timeline says who acted, not who they are to everyone.</summary>
    private static async Task<Dictionary<long, string>> OfficersAsync(FangkongDb db, List<TimelineItem> items, CancellationToken ct)
    {
        var wanted = items.Where(i => i.ByUserId is not null).Select(i => i.ByUserId!.Value).Distinct().ToList();
        if (wanted.Count == 0) return [];
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => Masking.Name(u.DisplayName));
    }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>How a unit narrows its queue: open only (the default) or all, a unit level, a category, overdue, a ticket's number.</summary>
public sealed record TicketQueueFilter(bool? All = null, TicketUnit? Unit = null, RequestCategory? Category = null, bool? Overdue = null, string? Q = null,
    string? After = null, int? Size = null);

/// <summary>
/// The unit's queue: its open tickets by deadline — emergencies, urgent and special groups' requests have the shortest,
/// so they come first — continued by key ("{deadline}.{id}"), so a page deep in a million tickets costs what the first
/// does. The area filter (ADR 0028) keeps a community's, street's or district's officer to their own tickets.
/// </summary>
public sealed class TicketQueue(TicketEscalation escalation, TimeProvider time)
{
    public async Task<TicketQueuePage> PageAsync(FangkongDb db, TicketQueueFilter f, CancellationToken ct)
    {
        LineFilters.Defined(f.Unit, "unit");
        LineFilters.Defined(f.Category, "category");
        var (afterDue, afterId) = ParseAfter(f.After);
        await escalation.SweepAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var q = db.Tickets.AsNoTracking();
        if (f.All != true) q = q.Where(t => t.IsOpen);
        if (f.Unit is { } u) q = q.Where(t => t.Unit == u);
        if (f.Category is { } c) q = q.Where(t => t.Category == c);
        if (f.Overdue == true) q = q.Where(t => t.IsOpen && t.DueAtUtc < now);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            if (!RecordNumber.TryParse(f.Q, out var number) || number.Kind != RecordKind.Ticket) throw new InputException("q", Messages.Get("Requests.SearchNumber"));
            var text = number.ToString();
            q = q.Where(t => t.Number == text);
        }
        var count = await q.Take(Keyset.CountCap + 1).LongCountAsync(ct);
        var page = q;
        if (afterDue is { } due && afterId is { } id) page = page.Where(t => t.DueAtUtc > due || (t.DueAtUtc == due && t.Id > id));
        var size = Keyset.Size(f.Size);
        var rows = await page.OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id).Take(size + 1).ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = Key(rows[^1]);
        }
        var places = await TicketAddress.OfAsync(db, rows.Where(r => r.HouseholdId != null).Select(r => r.HouseholdId!.Value).Distinct().ToList(), ct);
        var items = rows.Select(t => new TicketRow(t.Id, t.Number, t.Category, t.Urgency, t.Emergency, t.SealedIn, t.SpecialGroup, t.DistrictCode,
            t.HouseholdId is { } h ? places.GetValueOrDefault(h)?.Address : null, t.Unit, t.State, t.ReceivedAtUtc, t.DueAtUtc,
            TicketRules.IsOverdue(t.State, t.DueAtUtc, now), t.AssignedTo)).ToList();
        return new TicketQueuePage(items, next, Math.Min(count, Keyset.CountCap), count > Keyset.CountCap);
    }

    private static string Key(Ticket t) => string.Create(CultureInfo.InvariantCulture, $"{t.DueAtUtc.Ticks}.{t.Id}");

    private static (DateTime?, long?) ParseAfter(string? after)
    {
        if (string.IsNullOrEmpty(after)) return (null, null);
        var parts = after.Split('.');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 && ticks < DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            return (new DateTime(ticks, DateTimeKind.Utc), id);
        throw new InputException("after", Messages.Get("Common.BadPageKey"));
    }
}

using Fangkong.Core.Data;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>
/// Raises overdue tickets by rule (TicketRules.Escalated): one unit up for each deadline's span past due, each raise a
/// history event without an actor. Run before the queue is read and by the simulation; only the tickets whose raise is due are read (RaiseAtUtc, indexed).
/// </summary>
public sealed class TicketEscalation(TimeOrderedIds ids, TimeProvider time)
{
    public async Task<int> SweepAsync(FangkongDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Whole city: a confined reader's sweep would raise only their area's, and the rule is the same for every area.
        using var _ = db.WholeCity();
        var overdue = await db.Tickets.Where(t => t.RaiseAtUtc < now).OrderBy(t => t.RaiseAtUtc).Take(2000).ToListAsync(ct);
        var raised = 0;
        foreach (var t in overdue)
        {
            var unit = TicketRules.Escalated(t.Unit, t.StartUnit, t.ReceivedAtUtc, t.DueAtUtc, now);
            t.RaiseAtUtc = TicketRules.NextRaise(unit, t.StartUnit, t.ReceivedAtUtc, t.DueAtUtc);
            if (unit == t.Unit) continue;
            t.Unit = unit;
            t.State = TicketState.Escalated;
            t.EscalatedAtUtc = now;
            db.TicketEvents.Add(new TicketEvent { Id = ids.Next(), TicketId = t.Id, AtUtc = now, Kind = TicketEventKind.Escalated, Unit = unit, Note = "overdue" });
            raised++;
        }
        if (overdue.Count > 0) await db.SaveChangesAsync(ct);
        return raised;
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>
/// A resident's own requests on their phone: filed for their household, read with the unit's answer, and reopened
/// with a reason when the answer did not solve it (the unit gets it back with a new deadline).
/// </summary>
public sealed class MyTickets(TicketIntake intake, TimeOrderedIds ids, TimeProvider time)
{
    public async Task<TicketView> FileAsync(FangkongDb db, long userId, long personId, string? phone, TicketDraft d, CancellationToken ct) =>
        await intake.FileAsync(db, userId, RequestSource.Resident, d with { PersonId = personId, HouseholdId = null, CallerPhone = phone, CallerName = null, Platform = null }, ct);

    public async Task<IReadOnlyList<TicketView>> MineAsync(FangkongDb db, long userId, long personId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tickets = await Own(db, userId, personId).AsNoTracking().OrderByDescending(t => t.ReceivedAtUtc).Take(50).ToListAsync(ct);
        var views = new List<TicketView>(tickets.Count);
        foreach (var t in tickets) views.Add(await TicketReads.ViewAsync(db, t, now, ct));
        return views;
    }

    public async Task<TicketView> ReopenAsync(FangkongDb db, long userId, long personId, long id, string? reason, CancellationToken ct)
    {
        var note = TicketActions.Text(reason, "reason", TicketActions.MinAnswer, TicketActions.MaxNote, required: true);
        var t = await Own(db, userId, personId).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Requests.NoSuchTicket"));
        if (!TicketRules.MayMove(t.State, TicketState.Reopened)) throw new ConflictException(Messages.Get("Requests.NotResolved"), "NotResolved");
        var now = time.GetUtcNow().UtcDateTime;
        t.State = TicketState.Reopened;
        t.IsOpen = true;
        t.Reopened++;
        t.ResolvedAtUtc = null;
        t.DueAtUtc = now + TicketRules.Deadline(t.Category, t.Urgency, t.SpecialGroup, t.Emergency);
        // A new deadline: the rule raises it again only when this one passes.
        t.RaiseAtUtc = TicketRules.NextRaise(t.Unit, t.Unit, now, t.DueAtUtc);
        db.TicketEvents.Add(new TicketEvent { Id = ids.Next(), TicketId = t.Id, AtUtc = now, Kind = TicketEventKind.Reopened, UserId = userId, Unit = t.Unit, Note = note });
        await db.SaveChangesAsync(ct);
        return await TicketReads.ViewAsync(db, t, now, ct);
    }

    // The resident's own: about them, or filed by them (a resident is never confined, so no area filter narrows this).
    private static IQueryable<Ticket> Own(FangkongDb db, long userId, long personId) =>
        db.Tickets.Where(t => t.PersonId == personId || t.FiledByUserId == userId);
}

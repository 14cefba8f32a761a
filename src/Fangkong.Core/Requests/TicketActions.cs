using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>
/// What the responsible unit does with a ticket: takes it on (names who handles it), records what was done, resolves it
/// with the answer the caller reads, raises it to the unit above, and marks the steps of a closed-loop transfer. Every
/// act is a history event; a ticket outside the caller's area is "not found" (ADR 0028).
/// </summary>
public sealed class TicketActions(TimeOrderedIds ids, TimeProvider time)
{
    public const int MaxNote = 500, MinAnswer = 4;

    public async Task<TicketView> OpenAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var t = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        return await TicketReads.ViewAsync(db, t, Now, ct);
    }

    public Task<TicketView> AssignAsync(FangkongDb db, long userId, long id, string? assignedTo, CancellationToken ct) =>
        ActAsync(db, userId, id, TicketState.Assigned, TicketEventKind.Assigned, Text(assignedTo, "assignedTo", 1, TicketIntake.MaxName, required: true), (t, note) =>
        {
            t.AssignedTo = note;
            t.AssignedAtUtc = Now;
        }, ct);

    public Task<TicketView> HandleAsync(FangkongDb db, long userId, long id, string? note, CancellationToken ct) =>
        ActAsync(db, userId, id, TicketState.Handled, TicketEventKind.Handled, Text(note, "note", MinAnswer, MaxNote, required: true), (_, _) => { }, ct);

    public Task<TicketView> ResolveAsync(FangkongDb db, long userId, long id, string? answer, CancellationToken ct) =>
        ActAsync(db, userId, id, TicketState.Resolved, TicketEventKind.Resolved, Text(answer, "answer", MinAnswer, MaxNote, required: true), (t, note) =>
        {
            t.Answer = note;
            t.ResolvedAtUtc = Now;
            t.IsOpen = false;
            t.RaiseAtUtc = null;
        }, ct);

    public Task<TicketView> EscalateAsync(FangkongDb db, long userId, long id, string? reason, CancellationToken ct) =>
        ActAsync(db, userId, id, TicketState.Escalated, TicketEventKind.Escalated, Text(reason, "reason", MinAnswer, MaxNote, required: true), (t, _) =>
        {
            if (t.Unit == TicketUnit.City) throw new ConflictException(Messages.Get("Requests.AtTheTop"), "AtTheTop");
            t.Unit = TicketRules.Above(t.Unit);
            t.EscalatedAtUtc = Now;
            t.RaiseAtUtc = TicketRules.NextRaise(t.Unit, t.StartUnit, t.ReceivedAtUtc, t.DueAtUtc);
        }, ct);

    /// <summary>The next step of a closed-loop transfer (vehicle sent, picked up, at hospital, returned), in order.</summary>
    public async Task<TicketView> TransportAsync(FangkongDb db, long userId, long id, TransportStep? step, CancellationToken ct)
    {
        if (step is not { } s || !Enum.IsDefined(s)) throw new InputException("step", Messages.Get("Requests.Step"));
        var t = await db.Tickets.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        if (!t.NeedsTransport) throw new ConflictException(Messages.Get("Requests.NoTransport"), "NoTransport");
        if (TicketRules.NextStep(t.TransportDone) != s)
            throw new ConflictException(Messages.Get("Requests.StepOrder", TicketRules.NextStep(t.TransportDone)?.ToString() ?? "-"), "StepOrder");
        t.TransportDone++;
        db.TicketEvents.Add(new TicketEvent { Id = ids.Next(), TicketId = t.Id, AtUtc = Now, Kind = TicketEventKind.Transport, UserId = userId, Unit = t.Unit, Note = s.ToString() });
        await db.SaveChangesAsync(ct);
        return await TicketReads.ViewAsync(db, t, Now, ct);
    }

    private async Task<TicketView> ActAsync(FangkongDb db, long userId, long id, TicketState to, TicketEventKind kind, string note, Action<Ticket, string> apply, CancellationToken ct)
    {
        var t = await db.Tickets.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        if (!TicketRules.MayMove(t.State, to)) throw new ConflictException(Messages.Get("Requests.NotNow", t.State), "State");
        apply(t, note);
        t.State = to;
        db.TicketEvents.Add(new TicketEvent { Id = ids.Next(), TicketId = t.Id, AtUtc = Now, Kind = kind, UserId = userId, Unit = t.Unit, Note = note });
        await db.SaveChangesAsync(ct);
        return await TicketReads.ViewAsync(db, t, Now, ct);
    }

    internal static string Text(string? text, string field, int min, int max, bool required)
    {
        var s = text?.Trim() ?? "";
        if (required && s.Length < min) throw new InputException(field, Messages.Get("Requests.NoteRequired", min));
        if (s.Length > max) throw new InputException(field, Messages.Get("Requests.NoteTooLong", max));
        ControlCharacters.Check(s, field);
        return s;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static NotFoundException NotFound() => new("id", Messages.Get("Requests.NoSuchTicket"));
}

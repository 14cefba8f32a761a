using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>One person's move into quarantine or between places: from home (or a site) to a site (or home), by which vehicle, when.</summary>
public sealed class QuarantineTransfer
{
    public long Id { get; set; }
    public long StayId { get; set; }
    public long PersonId { get; set; }
    /// <summary>Null: from home.</summary>
    public long? FromSiteId { get; set; }
    /// <summary>Null: to home (the home stage after centralized days).</summary>
    public long? ToSiteId { get; set; }
    public TransferState State { get; set; }
    /// <summary>The day the move is due: placement day, or the first day of the home stage.</summary>
    public DateOnly DueDate { get; set; }
    public string? Vehicle { get; set; }
    /// <summary>What the officer wrote at the last step.</summary>
    public string? Note { get; set; }
    /// <summary>What the platform did to this transfer, and why (cancelled by a restarted quarantine), worded when read.</summary>
    public IReadOnlyList<Message>? PlatformNotes { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public DateTime? DispatchedAtUtc { get; set; }
    public DateTime? ArrivedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }

    public void AddPlatformNote(Message note) => PlatformNotes = [.. PlatformNotes ?? [], note];
}

public sealed record TransferStep(string? Vehicle, string? Note);

public sealed record TransferView(long Id, long StayId, long PersonId, string Name, string? From, string? To, DateOnly DueDate, TransferState State, string? Vehicle, string? Note,
    DateTime RequestedAtUtc, DateTime? DispatchedAtUtc, DateTime? ArrivedAtUtc, DateTime? CancelledAtUtc);

/// <summary>
/// Transfers (转运): requested when a person is placed at a site, dispatched with a vehicle, arrived — or cancelled.
/// Only forward steps are allowed; a repeated step (a retrying device) answers with the transfer as it is.
/// </summary>
public sealed class Transfers(TimeOrderedIds ids, CityClock clock)
{
    public QuarantineTransfer Request(FangkongDb db, QuarantineStay stay, long? fromSiteId, long? toSiteId, DateOnly due)
    {
        var t = new QuarantineTransfer
        {
            Id = ids.Next(),
            StayId = stay.Id,
            PersonId = stay.PersonId,
            FromSiteId = fromSiteId,
            ToSiteId = toSiteId,
            DueDate = due,
            State = TransferState.Requested,
            RequestedAtUtc = clock.UtcNow,
        };
        db.QuarantineTransfers.Add(t);
        return t;
    }

    public async Task<TransferView> StepAsync(FangkongDb db, long id, TransferState to, TransferStep step, CancellationToken ct)
    {
        var t = await db.QuarantineTransfers.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Quarantine.NoSuchTransfer"));
        var (vehicle, note) = TransferStepCheck.Read(step.Vehicle, step.Note);
        if (t.State == to) return (await ViewsAsync(db, db.QuarantineTransfers.Where(x => x.Id == id), ct)).Single();
        TransferStepCheck.Allow(t.State, to, vehicle);
        var now = clock.UtcNow;
        switch (to)
        {
            case TransferState.Dispatched:
                t.Vehicle = vehicle;
                t.DispatchedAtUtc = now;
                break;
            case TransferState.Arrived: t.ArrivedAtUtc = now; break;
            case TransferState.Cancelled: t.CancelledAtUtc = now; break;
        }
        if (note is not null) t.Note = note;
        t.State = to;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, db.QuarantineTransfers.Where(x => x.Id == id), ct)).Single();
    }

    public static async Task<Page<TransferView>> ListAsync(FangkongDb db, TransferState? state, long? siteId, DateOnly? due, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.QuarantineTransfers.AsNoTracking();
        if (due is { } day) q = q.Where(x => x.DueDate <= day);
        if (state is { } s) q = q.Where(x => x.State == s);
        if (siteId is { } site) q = q.Where(x => x.ToSiteId == site || x.FromSiteId == site);
        var total = await q.LongCountAsync(ct);
        var items = await ViewsAsync(db, q.OrderBy(x => x.State).ThenBy(x => x.DueDate).ThenBy(x => x.RequestedAtUtc).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size), ct);
        return new Page<TransferView>(items, p, size, total);
    }

    private static async Task<List<TransferView>> ViewsAsync(FangkongDb db, IQueryable<QuarantineTransfer> q, CancellationToken ct)
    {
        var rows = await (from t in q.AsNoTracking() join person in db.Persons on t.PersonId equals person.Id select new { t, person.Name }).ToListAsync(ct);
        var siteIds = rows.SelectMany(r => new[] { r.t.FromSiteId, r.t.ToSiteId }).OfType<long>().Distinct().ToList();
        var sites = await db.QuarantineSites.Where(x => siteIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var home = Messages.Get("Quarantine.Home");
        string Place(long? site) => site is { } id ? sites.GetValueOrDefault(id) ?? "" : home;
        return rows.Select(r => new TransferView(r.t.Id, r.t.StayId, r.t.PersonId, Masking.Name(r.Name), Place(r.t.FromSiteId), Place(r.t.ToSiteId), r.t.DueDate, r.t.State,
            r.t.Vehicle, Notes.Word(r.t.Note, r.t.PlatformNotes), r.t.RequestedAtUtc, r.t.DispatchedAtUtc, r.t.ArrivedAtUtc, r.t.CancelledAtUtc)).ToList();
    }
}

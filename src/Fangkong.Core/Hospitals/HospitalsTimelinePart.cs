using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Hospitals;

/// <summary>
/// Hospitals' part of a case's timeline: admitted to a bed, moved to another (in the same hospital or another),
/// discharged; and its trips by ambulance, requested, dispatched and arrived (or cancelled).
/// </summary>
public sealed class HospitalsTimelinePart : ICaseTimelinePart
{
    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var stays = await (from s in db.BedStays.AsNoTracking()
                           where s.CaseId == t.CaseId
                           join h in db.Hospitals on s.HospitalId equals h.Id
                           join w in db.HospitalWards on s.WardId equals w.Id
                           join b in db.HospitalBeds on s.BedId equals b.Id
                           orderby s.FromUtc, s.Id
                           select new { s.HospitalId, Hospital = h.Name, Ward = w.Name, Bed = b.Number, s.State, s.FromUtc, s.ToUtc, s.ByUserId }).ToListAsync(ct);
        var beds = new List<TimelineItem>();
        for (var i = 0; i < stays.Count; i++)
        {
            var s = stays[i];
            var link = $"/hospitals/{s.HospitalId}";
            // A stay that follows one left by a move is that move; any other began with an admission.
            var moved = i > 0 && stays[i - 1].State == BedStayState.Moved;
            beds.Add(new(s.FromUtc, moved ? "bed-move" : "admitted",
                new Message(moved ? "Hospitals.Timeline.Moved" : "Hospitals.Timeline.Admitted", s.Hospital, s.Ward, s.Bed), link, s.ByUserId));
            if (s.State == BedStayState.Discharged && s.ToUtc is { } to)
                beds.Add(new(to, "discharged", new Message("Hospitals.Timeline.Discharged", s.Hospital), link));
        }
        var trips = await db.CaseTransfers.AsNoTracking().Where(x => x.CaseId == t.CaseId).OrderBy(x => x.RequestedAtUtc).ThenBy(x => x.Id)
            .Select(x => new
            {
                x.Id,
                x.Kind,
                From = db.Hospitals.Where(h => h.Id == x.FromHospitalId).Select(h => h.Name).FirstOrDefault(),
                To = db.Hospitals.Where(h => h.Id == x.ToHospitalId).Select(h => h.Name).FirstOrDefault(),
                x.Vehicle,
                x.RequestedAtUtc,
                x.DispatchedAtUtc,
                x.ArrivedAtUtc,
                x.CancelledAtUtc,
                By = db.CaseTransferBatches.Where(b => b.Id == x.BatchId).Select(b => (long?)b.ByUserId).FirstOrDefault(),
            }).ToListAsync(ct);
        // Trips first: an ambulance's arrival and the admission it brings share an instant, and the arrival comes first.
        var items = new List<TimelineItem>();
        foreach (var x in trips)
        {
            const string link = "/hospitals/transfers";
            var home = Messages.Get("Hospitals.Home");
            var (from, to) = (x.From ?? home, x.To ?? home);
            items.Add(new(x.RequestedAtUtc, "transfer-requested", new Message("Hospitals.Timeline.TransferRequested", from, to), link, x.By));
            if (x.DispatchedAtUtc is { } d) items.Add(new(d, "transfer-dispatched", new Message("Hospitals.Timeline.TransferDispatched", to, x.Vehicle ?? "—"), link));
            if (x.ArrivedAtUtc is { } a) items.Add(new(a, "transfer-arrived", new Message("Hospitals.Timeline.TransferArrived", to), link));
            if (x.CancelledAtUtc is { } c) items.Add(new(c, "transfer-cancelled", new Message("Hospitals.Timeline.TransferCancelled", to), link));
        }
        items.AddRange(beds);
        return items;
    }
}

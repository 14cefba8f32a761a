using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Hospitals;

public enum BedShow { All = 0, Free = 1, Taken = 2 }

public sealed record WardView(long Id, string Name, int Beds, int Occupied, int Free);

/// <summary>A bed and who is in it (the name masked; the case number is what staff read out).</summary>
public sealed record BedRow(long Id, long WardId, string Ward, string Number, long? CaseId, string? CaseNumber, string? Name, DateTime? SinceUtc);

/// <summary>A hospital with its load, its wards, and one page of beds with who is in each.</summary>
public sealed record HospitalBedsView(HospitalView Hospital, IReadOnlyList<WardView> Wards, Page<BedRow> Page);

public sealed class HospitalBeds
{
    /// <summary>Null when there is no such hospital. <paramref name="wardId"/> narrows the beds to one ward.</summary>
    public async Task<HospitalBedsView?> GetAsync(FangkongDb db, long hospitalId, long? wardId, BedShow show, int? page, int? pageSize, CancellationToken ct)
    {
        var hospital = await HospitalRegistry.GetAsync(db, hospitalId, ct);
        if (hospital is null) return null;
        var stays = db.BedStays.AsNoTracking().Where(s => s.HospitalId == hospitalId && s.State == BedStayState.InBed);
        var wardRows = await db.HospitalWards.AsNoTracking().Where(w => w.HospitalId == hospitalId).OrderBy(w => w.Name).Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        var bedsPerWard = await db.HospitalBeds.AsNoTracking().Where(b => b.HospitalId == hospitalId).GroupBy(b => b.WardId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var takenPerWard = await stays.GroupBy(s => s.WardId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var wards = wardRows.Select(w =>
        {
            var beds = bedsPerWard.GetValueOrDefault(w.Id);
            var taken = takenPerWard.GetValueOrDefault(w.Id);
            return new WardView(w.Id, w.Name, beds, taken, beds - taken);
        }).ToList();

        var beds = db.HospitalBeds.AsNoTracking().Where(b => b.HospitalId == hospitalId);
        if (wardId is { } wid) beds = beds.Where(b => b.WardId == wid);
        var takenBeds = stays.Select(s => s.BedId);
        beds = show switch
        {
            BedShow.Free => beds.Where(b => !takenBeds.Contains(b.Id)),
            BedShow.Taken => beds.Where(b => takenBeds.Contains(b.Id)),
            _ => beds,
        };
        var (p, size) = Paging.Normalise(page, pageSize);
        var total = await beds.LongCountAsync(ct);
        var rows = await (from b in beds
                          join w in db.HospitalWards on b.WardId equals w.Id
                          orderby w.Name, b.Position
                          select new { b.Id, b.WardId, Ward = w.Name, b.Number }).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var occupants = await (from s in stays
                               where ids.Contains(s.BedId)
                               join c in db.Cases on s.CaseId equals c.Id
                               join person in db.Persons on s.PersonId equals person.Id
                               select new { s.BedId, s.CaseId, c.Number, person.Name, s.FromUtc }).ToDictionaryAsync(x => x.BedId, ct);
        var items = rows.Select(r => occupants.TryGetValue(r.Id, out var o)
            ? new BedRow(r.Id, r.WardId, r.Ward, r.Number, o.CaseId, o.Number, Masking.Name(o.Name), o.FromUtc)
            : new BedRow(r.Id, r.WardId, r.Ward, r.Number, null, null, null, null)).ToList();
        return new HospitalBedsView(hospital, wards, new Page<BedRow>(items, p, size, total));
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Hospitals;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Hospitals;

/// <summary>
/// <see cref="ICaseBeds"/>: a case whose course ends on its case page (discharged, released, died, excluded) gives up its
/// bed in the same save, so occupancy never counts a bed that no one lies in.
/// </summary>
public sealed class CaseBedEnding : ICaseBeds
{
    public async Task<CaseBedNow?> CurrentAsync(FangkongDb db, long caseId, CancellationToken ct) =>
        await (from s in db.BedStays.AsNoTracking()
               where s.CaseId == caseId && s.State == BedStayState.InBed
               join h in db.Hospitals on s.HospitalId equals h.Id
               join w in db.HospitalWards on s.WardId equals w.Id
               join b in db.HospitalBeds on s.BedId equals b.Id
               select new CaseBedNow(h.Name, w.Name, b.Number, s.FromUtc)).FirstOrDefaultAsync(ct);

    public async Task<bool> EndStayAsync(FangkongDb db, long caseId, DateTime atUtc, CancellationToken ct)
    {
        // Tracked: a discharge from the hospital page may have ended it already in this unit of work.
        var stay = await Admissions.CurrentAsync(db, caseId, ct);
        if (stay is null || stay.State != BedStayState.InBed) return false;
        stay.State = BedStayState.Discharged;
        stay.ToUtc = atUtc < stay.FromUtc ? stay.FromUtc : atUtc;
        return true;
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Hospitals;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Cases in the city's hospitals through the medical team's use cases (<see cref="Admissions"/>, <see cref="CaseTransfers"/>):
/// suspected, common, severe and critical cases to the designated hospital (定点医院), mild and asymptomatic ones to the
/// Fangcang (方舱); each to the other when its own is full, and recorded by name only when both are. A case turned
/// confirmed with symptoms in the Fangcang is moved to the designated hospital by ambulance, in one batch a day; a case
/// that ends is discharged from its bed, and those who recovered are driven home in the evening's return trips.
/// </summary>
internal static class OutbreakHospitals
{
    // Data, as the dispatcher types it (ADR 0020).
    private const string Ambulance = "120急救车";

    /// <summary>The city's designated and Fangcang hospitals (the first of each kind), read once a run.</summary>
    public static async Task<(long? Designated, long? Fangcang)> FindAsync(FangkongDb db, CancellationToken ct)
    {
        var hospitals = await db.Hospitals.AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.Kind }).ToListAsync(ct);
        return (hospitals.FirstOrDefault(h => h.Kind == HospitalKind.Designated)?.Id, hospitals.FirstOrDefault(h => h.Kind == HospitalKind.Fangcang)?.Id);
    }

    /// <summary>Puts a case in a free bed where its class is treated, else in the other hospital; false when both are full.</summary>
    public static async Task<bool> AdmitAsync(OutbreakWorld w, long caseId, CaseClass cls, CancellationToken ct)
    {
        var admissions = w.Get<Admissions>();
        var designatedFirst = cls is CaseClass.Suspected or CaseClass.Common or CaseClass.Severe or CaseClass.Critical;
        foreach (var hospital in designatedFirst ? [w.Designated, w.Fangcang] : new[] { w.Fangcang, w.Designated })
        {
            if (hospital is not { } id) continue;
            try
            {
                await using var db = await w.DbAsync(ct);
                await admissions.AdmitAsync(db, caseId, new BedRequest(id, null, null), w.Epidemiologist, ct);
                return true;
            }
            catch (InputException e) when (e.Field == "hospitalId")
            {
                // No free bed there: try the other.
            }
        }
        w.WithoutBed++;
        return false;
    }

    /// <summary>Cases just confirmed with symptoms and lying in the Fangcang: moved to the designated hospital in one batch. Returns how many arrived.</summary>
    public static async Task<int> MoveConfirmedAsync(OutbreakWorld w, IReadOnlyCollection<long> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0 || w.Designated is not { } designated || w.Fangcang is not { } fangcang) return 0;
        List<long> moving;
        int free;
        await using (var db = await w.DbAsync(ct))
        {
            moving = await db.BedStays.AsNoTracking().Where(s => caseIds.Contains(s.CaseId) && s.State == BedStayState.InBed && s.HospitalId == fangcang)
                .OrderBy(s => s.CaseId).Select(s => s.CaseId).ToListAsync(ct);
            free = (await HospitalRegistry.GetAsync(db, designated, ct))!.Free;
        }
        moving = [.. moving.Take(free)];
        if (moving.Count == 0) return 0;
        w.At(17, 30);
        var transfers = w.Get<CaseTransfers>();
        await using (var db = await w.DbAsync(ct))
        {
            var batch = await transfers.RequestAsync(db, new NewCaseTransfers(moving, designated, false, w.Today, "模拟疫情：转为确诊，转定点医院"), w.Epidemiologist, ct);
            w.At(17, 50);
            await transfers.StepBatchAsync(db, batch.Id, TransferState.Dispatched, new CaseTransferStep(Ambulance, null), w.Epidemiologist, ct);
            w.At(18, 40);
            await transfers.StepBatchAsync(db, batch.Id, TransferState.Arrived, new CaseTransferStep(null, null), w.Epidemiologist, ct);
        }
        return moving.Count;
    }

    /// <summary>Ends a case's course: out of its bed when in one (discharged or released with it), else by the registry alone.</summary>
    public static async Task EndAsync(OutbreakWorld w, long caseId, CaseStatus status, string note, CancellationToken ct)
    {
        var now = w.Time.GetUtcNow().UtcDateTime;
        await using var db = await w.DbAsync(ct);
        var inBed = (await Admissions.BedsAsync(db, caseId, ct))?.Current is not null;
        // Discharge ends a bed stay with the course its class has (discharged, or released); death and exclusion are recorded first.
        if (status is CaseStatus.Died or CaseStatus.Excluded || !inBed)
            await w.Get<CaseRegistry>().UpdateAsync(db, caseId, new CaseUpdate(null, null, null, status, now, null, note), w.Epidemiologist, ct);
        if (inBed && (await Admissions.BedsAsync(db, caseId, ct))?.Current is not null)
            await w.Get<Admissions>().DischargeAsync(db, caseId, new Discharge(now), w.Epidemiologist, ct);
    }

    /// <summary>The day's recovered cases driven home from hospital in one return batch. Returns how many.</summary>
    public static async Task<int> ReturnHomeAsync(OutbreakWorld w, IReadOnlyCollection<long> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return 0;
        var transfers = w.Get<CaseTransfers>();
        await using var db = await w.DbAsync(ct);
        w.At(22);
        var batch = await transfers.RequestAsync(db, new NewCaseTransfers([.. caseIds], null, true, w.Today, "模拟疫情：出院返家"), w.Epidemiologist, ct);
        w.At(22, 20);
        await transfers.StepBatchAsync(db, batch.Id, TransferState.Dispatched, new CaseTransferStep(Ambulance, null), w.Epidemiologist, ct);
        w.At(23, 10);
        await transfers.StepBatchAsync(db, batch.Id, TransferState.Arrived, new CaseTransferStep(null, null), w.Epidemiologist, ct);
        return caseIds.Count;
    }
}

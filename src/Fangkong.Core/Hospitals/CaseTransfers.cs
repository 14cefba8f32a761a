using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Hospitals;

/// <summary>Cases to drive in one action: to a hospital, or (home = true) home after discharge or release.</summary>
public sealed record NewCaseTransfers(IReadOnlyList<long>? CaseIds, long? ToHospitalId, bool? Home, DateOnly? DueDate, string? Note);

public sealed record CaseTransferStep(string? Vehicle, string? Note);

public sealed record CaseTransferView(long Id, long? BatchId, long CaseId, string CaseNumber, string Name, CaseTransferKind Kind, string From, string To,
    string? FromDistrict, string? ToDistrict, bool CrossesDistrict, bool CrossesCity, DateOnly DueDate, TransferState State, string? Vehicle, string? Note,
    DateTime RequestedAtUtc, DateTime? DispatchedAtUtc, DateTime? ArrivedAtUtc, DateTime? CancelledAtUtc);

/// <summary>A batch and how far its trips have got.</summary>
public sealed record CaseTransferBatchView(long Id, CaseTransferKind Kind, string To, DateOnly DueDate, int Persons, int Requested, int Dispatched, int Arrived,
    int Cancelled, int FromDistricts, bool CrossesCity, string? Note, DateTime RequestedAtUtc);

/// <summary>
/// Case transfers (转运) by ambulance, one case or hundreds in one action, with the states contacts' transfers have
/// (requested → dispatched → arrived, or cancelled). A trip to a hospital ends with the case in a free bed there (moved
/// out of its old bed when it came from another hospital); a return trip takes a discharged or released person home.
/// </summary>
public sealed class CaseTransfers(TimeOrderedIds ids, CityClock clock, Admissions admissions)
{
    public const int MaxBatch = 2000;

    public async Task<CaseTransferBatchView> RequestAsync(FangkongDb db, NewCaseTransfers r, long userId, CancellationToken ct)
    {
        var home = r.Home == true;
        if (r.CaseIds is null || r.CaseIds.Count is 0 or > MaxBatch) throw new InputException("caseIds", Messages.Get("Hospitals.BatchSize", MaxBatch));
        var (_, note) = TransferStepCheck.Read(null, r.Note);
        Hospital? to = null;
        if (!home)
        {
            to = r.ToHospitalId is { } hid ? await db.Hospitals.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
            if (to is null) throw new InputException("toHospitalId", Messages.Get("Hospitals.UnknownHospital"));
        }
        else if (r.ToHospitalId is not null) throw new InputException("toHospitalId", Messages.Get("Hospitals.HomeOrHospital"));
        var wanted = r.CaseIds.Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var beds = await db.BedStays.AsNoTracking().Where(s => wanted.Contains(s.CaseId) && s.State == BedStayState.InBed).ToDictionaryAsync(s => s.CaseId, ct);
        var lastHospital = home ? await LastHospitalsAsync(db, wanted, ct) : [];
        var onTheWay = (await db.CaseTransfers.AsNoTracking().Where(t => wanted.Contains(t.CaseId) && (t.State == TransferState.Requested || t.State == TransferState.Dispatched))
            .Select(t => t.CaseId).ToListAsync(ct)).ToHashSet();
        var seen = new HashSet<long>();
        for (var i = 0; i < r.CaseIds.Count; i++)
        {
            var id = r.CaseIds[i];
            var field = $"caseIds[{i}]";
            if (!seen.Add(id)) throw new InputException(field, Messages.Get("Hospitals.CaseListedTwice"));
            if (!cases.TryGetValue(id, out var c)) throw new InputException(field, Messages.Get("Hospitals.NoSuchCase"));
            if (onTheWay.Contains(id)) throw new InputException(field, Messages.Get("Hospitals.AlreadyOnTheWay", c.Number));
            if (home && !CaseRecord.IsEnded(c.Status)) throw new InputException(field, Messages.Get("Hospitals.NotYetReleased", c.Number));
            if (!home && CaseRecord.IsEnded(c.Status)) throw new InputException(field, Messages.Get("Hospitals.CaseEnded", c.Number));
            if (!home && beds.TryGetValue(id, out var bed) && bed.HospitalId == to!.Id) throw new InputException(field, Messages.Get("Hospitals.AlreadyThere", c.Number, to.Name));
        }
        if (to is not null)
        {
            var free = (await HospitalRegistry.GetAsync(db, to.Id, ct))!.Free;
            var coming = await db.CaseTransfers.CountAsync(t => t.ToHospitalId == to.Id && (t.State == TransferState.Requested || t.State == TransferState.Dispatched), ct);
            if (free - coming < wanted.Count) throw new InputException("caseIds", Messages.Get("Hospitals.NotEnoughBeds", to.Name, Math.Max(0, free - coming), wanted.Count));
        }
        var hospitalDistricts = await db.Hospitals.AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.DistrictCode, ct);

        var now = clock.UtcNow;
        var due = r.DueDate ?? DateOnly.FromDateTime(clock.LocalNow);
        var batch = new CaseTransferBatch
        {
            Id = ids.Next(),
            Kind = home ? CaseTransferKind.ReturnHome : CaseTransferKind.ToHospital,
            ToHospitalId = to?.Id,
            DueDate = due,
            Persons = wanted.Count,
            Note = note,
            RequestedAtUtc = now,
            ByUserId = userId,
        };
        db.CaseTransferBatches.Add(batch);
        foreach (var id in wanted)
        {
            var c = cases[id];
            long? fromHospital = home ? lastHospital.GetValueOrDefault(id) : beds.TryGetValue(id, out var b) ? b.HospitalId : null;
            db.CaseTransfers.Add(new CaseTransfer
            {
                Id = ids.Next(),
                BatchId = batch.Id,
                CaseId = id,
                PersonId = c.PersonId,
                Kind = home ? CaseTransferKind.ReturnHome : fromHospital is null ? CaseTransferKind.ToHospital : CaseTransferKind.BetweenHospitals,
                FromHospitalId = fromHospital,
                ToHospitalId = to?.Id,
                FromDistrictCode = fromHospital is { } fh ? hospitalDistricts.GetValueOrDefault(fh) : c.DistrictCode,
                ToDistrictCode = to?.DistrictCode ?? c.DistrictCode,
                State = TransferState.Requested,
                DueDate = due,
                RequestedAtUtc = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return (await BatchViewsAsync(db, db.CaseTransferBatches.Where(x => x.Id == batch.Id), ct)).Single();
    }

    /// <summary>Moves one transfer a step; a repeated step (a retrying device) answers with the transfer as it is.</summary>
    public async Task<CaseTransferView> StepAsync(FangkongDb db, long id, TransferState to, CaseTransferStep step, long userId, CancellationToken ct)
    {
        var t = await db.CaseTransfers.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Hospitals.NoSuchTransfer"));
        var (vehicle, note) = TransferStepCheck.Read(step.Vehicle, step.Note);
        if (t.State != to)
        {
            TransferStepCheck.Allow(t.State, to, vehicle);
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await ApplyAsync(db, [t], to, vehicle, note, userId, ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        return (await ViewsAsync(db, db.CaseTransfers.Where(x => x.Id == id), ct)).Single();
    }

    /// <summary>
    /// Moves every trip of a batch that can take the step (those already there, or cancelled, stay as they are), in one
    /// transaction: a batch that arrives puts all its cases in beds, or none.
    /// </summary>
    public async Task<CaseTransferBatchView> StepBatchAsync(FangkongDb db, long batchId, TransferState to, CaseTransferStep step, long userId, CancellationToken ct)
    {
        if (!await db.CaseTransferBatches.AnyAsync(b => b.Id == batchId, ct)) throw new NotFoundException("id", Messages.Get("Hospitals.NoSuchBatch"));
        var (vehicle, note) = TransferStepCheck.Read(step.Vehicle, step.Note);
        var trips = await db.CaseTransfers.Where(t => t.BatchId == batchId).OrderBy(t => t.Id).ToListAsync(ct);
        if (trips.Count == 0) throw new NotFoundException("id", Messages.Get("Hospitals.NoSuchBatch"));
        var moving = trips.Where(t => TransferSteps.CanStep(t.State, to)).ToList();
        if (moving.Count == 0 && !trips.Any(t => t.State == to))
            TransferStepCheck.Allow(trips.Select(t => t.State).Max(), to, vehicle);
        if (moving.Count > 0)
        {
            TransferStepCheck.Allow(moving[0].State, to, vehicle);
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await ApplyAsync(db, moving, to, vehicle, note, userId, ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        return (await BatchViewsAsync(db, db.CaseTransferBatches.Where(x => x.Id == batchId), ct)).Single();
    }

    private async Task ApplyAsync(FangkongDb db, IReadOnlyList<CaseTransfer> trips, TransferState to, string? vehicle, string? note, long userId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        foreach (var t in trips)
        {
            switch (to)
            {
                case TransferState.Dispatched: t.Vehicle = vehicle; t.DispatchedAtUtc = now; break;
                case TransferState.Arrived: t.ArrivedAtUtc = now; break;
                case TransferState.Cancelled: t.CancelledAtUtc = now; break;
            }
            if (note is not null) t.Note = note;
            t.State = to;
        }
        await db.SaveChangesAsync(ct);
        if (to != TransferState.Arrived) return;
        foreach (var group in trips.Where(t => t.ToHospitalId is not null).GroupBy(t => t.ToHospitalId!.Value))
        {
            var hospital = await db.Hospitals.SingleAsync(h => h.Id == group.Key, ct);
            var taken = db.BedStays.Where(s => s.State == BedStayState.InBed).Select(s => s.BedId);
            var free = new Queue<HospitalBed>(await db.HospitalBeds.Where(b => b.HospitalId == hospital.Id && !taken.Contains(b.Id))
                .OrderBy(b => b.WardId).ThenBy(b => b.Position).Take(group.Count()).ToListAsync(ct));
            foreach (var t in group)
            {
                var c = await db.Cases.SingleAsync(x => x.Id == t.CaseId, ct);
                // A case discharged (or died) on the way is not put in a bed.
                if (CaseRecord.IsEnded(c.Status)) continue;
                var current = await Admissions.CurrentAsync(db, c.Id, ct);
                if (current?.HospitalId == hospital.Id) continue;
                if (!free.TryDequeue(out var bed)) throw new InputException("id", Messages.Get("Hospitals.NoFreeBed", hospital.Name));
                await admissions.PutAsync(db, c, current, hospital, bed, userId, ct);
            }
        }
    }

    public static async Task<Page<CaseTransferView>> ListAsync(FangkongDb db, TransferState? state, long? hospitalId, long? batchId, DateOnly? due,
        int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.CaseTransfers.AsNoTracking();
        if (due is { } day) q = q.Where(x => x.DueDate <= day);
        if (state is { } s) q = q.Where(x => x.State == s);
        if (hospitalId is { } h) q = q.Where(x => x.ToHospitalId == h || x.FromHospitalId == h);
        if (batchId is { } b) q = q.Where(x => x.BatchId == b);
        var total = await q.LongCountAsync(ct);
        var items = await ViewsAsync(db, q.OrderBy(x => x.State).ThenBy(x => x.DueDate).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size), ct);
        return new Page<CaseTransferView>(items, p, size, total);
    }

    public static async Task<Page<CaseTransferBatchView>> BatchesAsync(FangkongDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.CaseTransferBatches.AsNoTracking();
        var total = await q.LongCountAsync(ct);
        var items = await BatchViewsAsync(db, q.OrderByDescending(x => x.RequestedAtUtc).ThenByDescending(x => x.Id).Skip((p - 1) * size).Take(size), ct);
        return new Page<CaseTransferBatchView>(items, p, size, total);
    }

    /// <summary>The hospital each case was last in (where a return trip starts).</summary>
    private static async Task<Dictionary<long, long>> LastHospitalsAsync(FangkongDb db, List<long> caseIds, CancellationToken ct)
    {
        var stays = await db.BedStays.AsNoTracking().Where(s => caseIds.Contains(s.CaseId)).Select(s => new { s.CaseId, s.HospitalId, s.FromUtc, s.Id }).ToListAsync(ct);
        return stays.GroupBy(s => s.CaseId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.FromUtc).ThenByDescending(s => s.Id).First().HospitalId);
    }

    private static async Task<List<CaseTransferView>> ViewsAsync(FangkongDb db, IQueryable<CaseTransfer> q, CancellationToken ct)
    {
        var rows = await (from t in q.AsNoTracking()
                          join c in db.Cases on t.CaseId equals c.Id
                          join person in db.Persons on t.PersonId equals person.Id
                          select new { t, c.Number, person.Name }).ToListAsync(ct);
        var hospitalIds = rows.SelectMany(r => new[] { r.t.FromHospitalId, r.t.ToHospitalId }).OfType<long>().Distinct().ToList();
        var hospitals = await db.Hospitals.AsNoTracking().Where(h => hospitalIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var districts = await Districts(db, ct);
        var home = Messages.Get("Hospitals.Home");
        string Place(long? id) => id is { } h ? hospitals.GetValueOrDefault(h) ?? "" : home;
        return rows.Select(r =>
        {
            var (from, to) = (districts.GetValueOrDefault(r.t.FromDistrictCode ?? ""), districts.GetValueOrDefault(r.t.ToDistrictCode ?? ""));
            return new CaseTransferView(r.t.Id, r.t.BatchId, r.t.CaseId, r.Number, Masking.Name(r.Name), r.t.Kind, Place(r.t.FromHospitalId), Place(r.t.ToHospitalId),
                from?.Name, to?.Name, from is not null && to is not null && from.Code != to.Code, from is not null && to is not null && from.City != to.City,
                r.t.DueDate, r.t.State, r.t.Vehicle, r.t.Note, r.t.RequestedAtUtc, r.t.DispatchedAtUtc, r.t.ArrivedAtUtc, r.t.CancelledAtUtc);
        }).ToList();
    }

    private static async Task<List<CaseTransferBatchView>> BatchViewsAsync(FangkongDb db, IQueryable<CaseTransferBatch> q, CancellationToken ct)
    {
        var batches = await q.AsNoTracking().ToListAsync(ct);
        var ids = batches.Select(b => (long?)b.Id).ToList();
        var trips = await db.CaseTransfers.AsNoTracking().Where(t => ids.Contains(t.BatchId)).GroupBy(t => new { t.BatchId, t.State, t.FromDistrictCode, t.ToDistrictCode })
            .Select(g => new { g.Key.BatchId, g.Key.State, g.Key.FromDistrictCode, g.Key.ToDistrictCode, N = g.Count() }).ToListAsync(ct);
        var toIds = batches.Select(b => b.ToHospitalId).OfType<long>().ToList();
        var hospitals = await db.Hospitals.AsNoTracking().Where(h => toIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var districts = await Districts(db, ct);
        var home = Messages.Get("Hospitals.Home");
        return batches.Select(b =>
        {
            var mine = trips.Where(t => t.BatchId == b.Id).ToList();
            int Count(TransferState s) => mine.Where(t => t.State == s).Sum(t => t.N);
            var crossesCity = mine.Any(t => districts.GetValueOrDefault(t.FromDistrictCode ?? "") is { } f && districts.GetValueOrDefault(t.ToDistrictCode ?? "") is { } d && f.City != d.City);
            // A confined caller counts the trips of their area only (ADR 0028); the stored count is the whole batch's.
            var persons = db.Area is null ? b.Persons : mine.Sum(t => t.N);
            return new CaseTransferBatchView(b.Id, b.Kind, b.ToHospitalId is { } h ? hospitals.GetValueOrDefault(h) ?? "" : home, b.DueDate, persons,
                Count(TransferState.Requested), Count(TransferState.Dispatched), Count(TransferState.Arrived), Count(TransferState.Cancelled),
                mine.Select(t => t.FromDistrictCode).Distinct().Count(), crossesCity, b.Note, b.RequestedAtUtc);
        }).ToList();
    }

    private sealed record DistrictName(string Code, string Name, string City);

    /// <summary>District names in the reader's language (names are data: the directory keeps both).</summary>
    private static async Task<Dictionary<string, DistrictName>> Districts(FangkongDb db, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => new DistrictName(d.Code, english ? d.EnglishName : d.Name, d.CityCode), ct);
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Hospitals;

/// <summary>Where to put a case: a hospital, and optionally a ward or one bed (else the first free bed there).</summary>
public sealed record BedRequest(long? HospitalId, long? WardId, long? BedId);

public sealed record Discharge(DateTime? AtUtc);

/// <summary>One stay in one bed, as the case's course of treatment lists it.</summary>
public sealed record BedPlace(long HospitalId, string Hospital, HospitalKind Kind, long WardId, string Ward, long BedId, string Bed,
    BedStayState State, DateTime FromUtc, DateTime? ToUtc);

/// <summary>A case's bed now (null when in none) and every bed it has been in, latest first.</summary>
public sealed record CaseBeds(long CaseId, string CaseNumber, CaseClass Class, CaseStatus Status, string? TreatedAt, BedPlace? Current, IReadOnlyList<BedPlace> History);

/// <summary>
/// Cases into beds, between beds and hospitals, and out: each step keeps the case's course in step (in hospital on
/// admission; discharged, or released for an asymptomatic or suspected case, on discharge) and its free-text
/// <see cref="CaseRecord.TreatedAt"/> filled with the hospital's name, for the readers that know only that field.
/// </summary>
public sealed class Admissions(TimeOrderedIds ids, CityClock clock, CaseRegistry cases)
{
    public async Task<CaseBeds> AdmitAsync(FangkongDb db, long caseId, BedRequest r, long userId, CancellationToken ct)
    {
        var c = await OpenCaseAsync(db, caseId, ct);
        var current = await CurrentAsync(db, caseId, ct);
        if (current is not null)
        {
            var where = await db.Hospitals.Where(h => h.Id == current.HospitalId).Select(h => h.Name).SingleAsync(ct);
            throw new InputException("caseId", Messages.Get("Hospitals.AlreadyInBed", where));
        }
        var (hospital, bed) = await ResolveAsync(db, r, ct);
        await PutAsync(db, c, null, hospital, bed, userId, ct);
        return (await BedsAsync(db, caseId, ct))!;
    }

    public async Task<CaseBeds> MoveAsync(FangkongDb db, long caseId, BedRequest r, long userId, CancellationToken ct)
    {
        var c = await OpenCaseAsync(db, caseId, ct);
        var current = await CurrentAsync(db, caseId, ct) ?? throw new InputException("caseId", Messages.Get("Hospitals.NotInBed"));
        var (hospital, bed) = await ResolveAsync(db, r, ct);
        if (bed.Id == current.BedId) throw new InputException("bedId", Messages.Get("Hospitals.SameBed"));
        await PutAsync(db, c, current, hospital, bed, userId, ct);
        return (await BedsAsync(db, caseId, ct))!;
    }

    public async Task<CaseBeds> DischargeAsync(FangkongDb db, long caseId, Discharge r, long userId, CancellationToken ct)
    {
        // A case whose course was ended (or a suspected case excluded) on the case page while in a bed can still give the bed up.
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Hospitals.NoSuchCase"));
        var current = await CurrentAsync(db, caseId, ct) ?? throw new InputException("caseId", Messages.Get("Hospitals.NotInBed"));
        var now = clock.UtcNow;
        var at = r.AtUtc is { } a ? clock.AsUtc(a) : now;
        if (at > now) throw new InputException("atUtc", Messages.Get("Hospitals.DischargeInFuture"));
        if (at < current.FromUtc) throw new InputException("atUtc", Messages.Get("Hospitals.DischargeBeforeAdmission"));
        current.State = BedStayState.Discharged;
        current.ToUtc = at;
        if (CaseRecord.IsFinal(c.Status)) await db.SaveChangesAsync(ct);
        // CaseRegistry saves the bed and the case's course together.
        else await cases.UpdateAsync(db, c.Id, new CaseUpdate(null, null, null, DischargeRule.EndingFor(c.Class), at, null, null), userId, ct);
        return (await BedsAsync(db, caseId, ct))!;
    }

    /// <summary>The case a number names as people type it ("C2026-0042", "c2026 42"); null when none.</summary>
    public static async Task<long?> CaseByNumberAsync(FangkongDb db, string? number, CancellationToken ct)
    {
        if (!RecordNumber.TryParse(number, out var n) || n.Kind != RecordKind.Case) return null;
        var text = n.ToString();
        return await db.Cases.AsNoTracking().Where(c => c.Number == text).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Null when there is no such case.</summary>
    public static async Task<CaseBeds?> BedsAsync(FangkongDb db, long caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => new { x.Id, x.Number, x.Class, x.Status, x.TreatedAt }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var history = await (from s in db.BedStays.AsNoTracking()
                             where s.CaseId == caseId
                             join h in db.Hospitals on s.HospitalId equals h.Id
                             join w in db.HospitalWards on s.WardId equals w.Id
                             join b in db.HospitalBeds on s.BedId equals b.Id
                             orderby s.FromUtc descending, s.Id descending
                             select new BedPlace(h.Id, h.Name, h.Kind, w.Id, w.Name, b.Id, b.Number, s.State, s.FromUtc, s.ToUtc)).ToListAsync(ct);
        return new CaseBeds(c.Id, c.Number, c.Class, c.Status, c.TreatedAt, history.FirstOrDefault(p => p.State == BedStayState.InBed), history);
    }

    /// <summary>
    /// Puts a case in a bed, ending its stay in <paramref name="from"/> (a move), and brings its course and
    /// <see cref="CaseRecord.TreatedAt"/> along. Two saves in one transaction: the old bed is given up before the new one is
    /// taken, as the one-bed-per-case index wants.
    /// </summary>
    internal async Task PutAsync(FangkongDb db, CaseRecord c, BedStay? from, Hospital hospital, HospitalBed bed, long userId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (from is not null)
            {
                from.State = BedStayState.Moved;
                from.ToUtc = now;
                await db.SaveChangesAsync(ct);
            }
            db.BedStays.Add(new BedStay
            {
                Id = ids.Next(),
                CaseId = c.Id,
                PersonId = c.PersonId,
                HospitalId = hospital.Id,
                WardId = bed.WardId,
                BedId = bed.Id,
                State = BedStayState.InBed,
                FromUtc = now,
                ByUserId = userId,
            });
            if (c.Status != CaseStatus.InHospital || c.TreatedAt != hospital.Name)
                await cases.UpdateAsync(db, c.Id, new CaseUpdate(null, null, null, CaseStatus.InHospital, now, hospital.Name, null), userId, ct);
            else
                await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique indexes refused: another officer took the bed (or placed the case) a moment ago.
            throw new ConflictException(Messages.Get("Hospitals.BedTakenMeanwhile"), "BedTaken");
        }
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>The case, refused when unknown or when its course has ended (a discharged case is not admitted again).</summary>
    internal static async Task<CaseRecord> OpenCaseAsync(FangkongDb db, long caseId, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Hospitals.NoSuchCase"));
        if (CaseRecord.IsEnded(c.Status)) throw new InputException("caseId", Messages.Get("Hospitals.CaseEnded", c.Number));
        return c;
    }

    internal static Task<BedStay?> CurrentAsync(FangkongDb db, long caseId, CancellationToken ct) =>
        db.BedStays.FirstOrDefaultAsync(s => s.CaseId == caseId && s.State == BedStayState.InBed, ct);

    /// <summary>The hospital and the bed asked for, or its first free bed (in the ward asked for); refusals name the field.</summary>
    internal static async Task<(Hospital, HospitalBed)> ResolveAsync(FangkongDb db, BedRequest r, CancellationToken ct)
    {
        var hospital = r.HospitalId is { } hid ? await db.Hospitals.FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        if (hospital is null) throw new InputException("hospitalId", Messages.Get("Hospitals.UnknownHospital"));
        if (r.WardId is { } wid && !await db.HospitalWards.AnyAsync(w => w.Id == wid && w.HospitalId == hospital.Id, ct))
            throw new InputException("wardId", Messages.Get("Hospitals.WardNotOfHospital", hospital.Name));
        var taken = db.BedStays.Where(s => s.State == BedStayState.InBed).Select(s => s.BedId);
        if (r.BedId is { } bid)
        {
            var bed = await db.HospitalBeds.FirstOrDefaultAsync(b => b.Id == bid, ct);
            if (bed is null || bed.HospitalId != hospital.Id || (r.WardId is { } w && bed.WardId != w))
                throw new InputException("bedId", Messages.Get("Hospitals.BedNotThere"));
            if (await taken.ContainsAsync(bed.Id, ct)) throw new InputException("bedId", Messages.Get("Hospitals.BedTaken", bed.Number));
            return (hospital, bed);
        }
        var free = db.HospitalBeds.Where(b => b.HospitalId == hospital.Id && !taken.Contains(b.Id));
        if (r.WardId is { } ward) free = free.Where(b => b.WardId == ward);
        var first = await free.OrderBy(b => b.WardId).ThenBy(b => b.Position).FirstOrDefaultAsync(ct);
        return first is not null ? (hospital, first)
            : throw new InputException(r.WardId is null ? "hospitalId" : "wardId", Messages.Get("Hospitals.NoFreeBed", hospital.Name));
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>A case reported outside a testing round: fever clinic, checkpoint, a contact under quarantine.</summary>
public sealed record NewCase(long? PersonId, CaseClass? Class, CaseFoundBy? FoundBy, DateTime? FirstPositiveSampledAtUtc, DateOnly? OnsetDate,
    PolicyEdition? Edition, string? TreatedAt);

/// <summary>A clinician's or investigator's change: classification, onset, isolation, course; fields left null stay as they are.</summary>
public sealed record CaseUpdate(CaseClass? Class, DateOnly? OnsetDate, DateTime? IsolatedAtUtc, CaseStatus? Status, DateTime? StatusAtUtc,
    string? TreatedAt, string? Note);

/// <summary>
/// What a change to a case's class or course will do, shown before it is confirmed; <see cref="BedEnds"/> is the bed it
/// gives up, <see cref="Colour"/> the person's colour now and <see cref="ColourAfter"/> after it (an exclusion removes
/// the case from the colour rules).
/// </summary>
public sealed record CourseEffects(CaseClass FromClass, CaseClass ToClass, CaseStatus FromStatus, CaseStatus ToStatus, DateTime? StatusAtUtc,
    bool Conversion, bool SuspectedConfirmed, bool Excluded, bool Ends, CaseBedNow? BedEnds, CodeColour? Colour, CodeColour? ColourAfter);

/// <summary>
/// Reports cases and records their course. Every change is kept as a <see cref="CaseEvent"/>; an asymptomatic infection
/// reclassified as confirmed is a conversion (转确诊), counted apart; a confirmed case is never made asymptomatic again;
/// discharged, released and died are final.
/// </summary>
public sealed class CaseRegistry(TimeOrderedIds ids, CityClock clock, ICaseZones zones, ICaseBeds beds, ICodeRecompute codes)
{
    public async Task<CaseRecord> ReportAsync(FangkongDb db, NewCase r, long userId, CancellationToken ct)
    {
        var personId = r.PersonId ?? throw new InputException("personId", Messages.Get("Tracing.PersonRequired"));
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("personId", Messages.Get("Tracing.NoSuchPerson"));
        if (await db.Cases.AnyAsync(c => c.PersonId == personId, ct))
            throw new ConflictException(Messages.Get("Tracing.AlreadyACase"), "AlreadyACase");
        var now = clock.UtcNow;
        var sampled = r.FirstPositiveSampledAtUtc is { } s ? clock.AsUtc(s) : throw new InputException("firstPositiveSampledAtUtc", Messages.Get("Tracing.SampledAtRequired"));
        if (sampled > now) throw new InputException("firstPositiveSampledAtUtc", Messages.Get("Tracing.SampledInFuture"));
        var c = new CaseRecord
        {
            Id = ids.Next(),
            PersonId = personId,
            FoundBy = Defined(r.FoundBy ?? CaseFoundBy.Other, "foundBy"),
            FirstPositiveSampledAtUtc = sampled,
            ReportedAtUtc = now,
            Class = Defined(r.Class ?? CaseClass.Asymptomatic, "class"),
            Edition = Defined(r.Edition ?? PolicyEdition.Edition9, "edition"),
            TreatedAt = Text(r.TreatedAt, "treatedAt", 100),
            DistrictCode = (await PersonDirectory.DistrictsAsync(db, [personId], ct)).GetValueOrDefault(personId),
        };
        c.OnsetDate = Onset(r.OnsetDate, c.Class, sampled);
        if (c.Class == CaseClass.Suspected) c.SuspectedAtUtc = now;
        db.Cases.Add(c);
        db.CaseEvents.Add(new CaseEvent { Id = ids.Next(), CaseId = c.Id, AtUtc = now, ByUserId = userId, ToClass = c.Class, ToStatus = CaseStatus.Reported });
        // The case, the person's colour it explains and what it does to zones (a controlled zone sealed, its home
        // proposed) are saved together.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await codes.RecomputeAsync(db, personId, ct);
        await db.SaveChangesAsync(ct);
        await zones.OnCasesAsync(db, [c.Id], userId, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return c;
    }

    public async Task<CaseRecord> UpdateAsync(FangkongDb db, long caseId, CaseUpdate u, long userId, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var e = Apply(c, u, userId);
        db.CaseEvents.Add(e);
        // A course that ends gives the case's bed up in the same save (else occupancy counts a bed no one lies in).
        if (e.ToStatus is { } st && CaseRecord.IsFinal(st)) await beds.EndStayAsync(db, c.Id, c.StatusAtUtc ?? clock.UtcNow, ct);
        // A suspected case confirmed is a positive now: what it does to zones is saved with the change. A new class or an
        // exclusion changes what the person's colour says (an excluded suspected case is no case): re-derived with it.
        var confirmedSuspect = e.FromClass == CaseClass.Suspected;
        var recolour = e.ToClass is not null || e.ToStatus == CaseStatus.Excluded;
        await using var tx = (confirmedSuspect || recolour) && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        if (recolour)
        {
            await codes.RecomputeAsync(db, c.PersonId, ct);
            await db.SaveChangesAsync(ct);
        }
        if (confirmedSuspect) await zones.OnCasesAsync(db, [c.Id], userId, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return c;
    }

    /// <summary>
    /// What <see cref="UpdateAsync"/> would change, computed on an untracked copy and written nowhere: the class and course
    /// before and after, how the bulletin will count it, the bed it gives up, the health code. Refused as the update would be.
    /// </summary>
    public async Task<CourseEffects> PreviewAsync(FangkongDb db, long caseId, CaseUpdate u, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", Messages.Get("Tracing.NoSuchCase"));
        var (fromClass, fromStatus) = (c.Class, c.Status);
        var e = Apply(c, u, 0);
        var final = e.ToStatus is { } st && CaseRecord.IsFinal(st);
        var bed = final ? await beds.CurrentAsync(db, c.Id, ct) : null;
        var colour = await db.Colours.Where(x => x.PersonId == c.PersonId).Select(x => (CodeColour?)x.Colour).FirstOrDefaultAsync(ct);
        var after = colour;
        if (e.ToStatus == CaseStatus.Excluded)
            after = (await codes.PreviewAsync(db, [c.PersonId], [$"case:{c.Id}"], ct)).TryGetValue(c.PersonId, out var p) ? p.After : colour;
        return new CourseEffects(fromClass, c.Class, fromStatus, c.Status, e.ToStatus is null ? null : c.StatusAtUtc, e.Conversion,
            fromClass == CaseClass.Suspected && CaseRecord.IsConfirmed(c.Class), e.ToStatus == CaseStatus.Excluded, final, bed, colour, after);
    }

    /// <summary>Checks and applies a change to the case in memory and returns its event; the rules are <see cref="CourseRules"/>'s.</summary>
    private CaseEvent Apply(CaseRecord c, CaseUpdate u, long userId)
    {
        if (CaseRecord.IsFinal(c.Status))
            throw new ConflictException(Messages.Get("Tracing.CaseClosed"), "CaseClosed");
        var now = clock.UtcNow;
        var e = new CaseEvent { Id = ids.Next(), CaseId = c.Id, AtUtc = now, ByUserId = userId, Note = Text(u.Note, "note", 500) };
        if (u.Class is { } cls && Defined(cls, "class") != c.Class)
        {
            Refuse(CourseRules.RefuseClass(c.Class, cls), "ClassBackwards");
            e.FromClass = c.Class;
            e.ToClass = cls;
            e.Conversion = c.Class == CaseClass.Asymptomatic;
            if (e.Conversion) c.ConvertedAtUtc = now;
            if (c.Class == CaseClass.Suspected) c.SuspectedConfirmedAtUtc = now;
            c.Class = cls;
        }
        if (u.OnsetDate is not null || e.ToClass is not null) c.OnsetDate = Onset(u.OnsetDate ?? c.OnsetDate, c.Class, c.FirstPositiveSampledAtUtc);
        if (u.IsolatedAtUtc is { } iso)
        {
            var at = clock.AsUtc(iso);
            if (at > now) throw new InputException("isolatedAtUtc", Messages.Get("Tracing.IsolatedInFuture"));
            c.IsolatedAtUtc = at;
        }
        if (u.Status is { } st && Defined(st, "status") != c.Status)
        {
            Refuse(CourseRules.RefuseStatus(c.Class, st), "StatusRefused");
            var at = u.StatusAtUtc is { } sa ? clock.AsUtc(sa) : now;
            if (at > now) throw new InputException("statusAtUtc", Messages.Get("Tracing.StatusTimeInFuture"));
            // The course cannot end before the case was found.
            if (at < c.FirstPositiveSampledAtUtc) throw new InputException("statusAtUtc", Messages.Get("Tracing.StatusBeforeFound"));
            c.Status = st;
            c.StatusAtUtc = at;
            e.ToStatus = st;
            // Hospitalised is isolated, whatever the investigator recorded.
            if (st == CaseStatus.InHospital && c.IsolatedAtUtc is null) c.IsolatedAtUtc = at;
        }
        if (u.TreatedAt is not null) c.TreatedAt = Text(u.TreatedAt, "treatedAt", 100);
        return e;
    }

    private static void Refuse(CourseRefusal? r, string code)
    {
        if (r is null) return;
        var text = Messages.Get(r.Why);
        if (r.Conflict) throw new ConflictException(text, code);
        throw new InputException(r.Field, text);
    }

    /// <summary>Onset: a confirmed case has one; not after the first positive sampling by more than a week, nor a month before it.</summary>
    private DateOnly? Onset(DateOnly? onset, CaseClass cls, DateTime firstPositiveUtc)
    {
        if (onset is not { } d) return null;
        var positive = DateOnly.FromDateTime(clock.ToLocal(firstPositiveUtc));
        if (d > DateOnly.FromDateTime(clock.LocalNow)) throw new InputException("onsetDate", Messages.Get("Tracing.OnsetInFuture"));
        if (d < positive.AddDays(-30) || d > positive.AddDays(7))
            throw new InputException("onsetDate", Messages.Get("Tracing.OnsetOutOfRange"));
        return cls == CaseClass.Asymptomatic ? null : d;
    }

    private static T Defined<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new InputException(field, Messages.Get("Tracing.UnknownValue", field));

    private static string? Text(string? text, string field, int max)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length <= max ? t : throw new InputException(field, Messages.Get("Tracing.TextTooLong", max));
    }
}

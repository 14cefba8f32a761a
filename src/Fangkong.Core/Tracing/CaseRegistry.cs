using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
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
/// Reports cases and records their course. Every change is kept as a <see cref="CaseEvent"/>; an asymptomatic infection
/// reclassified as confirmed is a conversion (转确诊), counted apart; a confirmed case is never made asymptomatic again;
/// discharged, released and died are final.
/// </summary>
public sealed class CaseRegistry(TimeOrderedIds ids, CityClock clock, ICaseZones zones)
{
    public async Task<CaseRecord> ReportAsync(FangkongDb db, NewCase r, long userId, CancellationToken ct)
    {
        var personId = r.PersonId ?? throw new InputException("personId", "请指定人员 / personId is required");
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("personId", "人员不存在 / no such person");
        if (await db.Cases.AnyAsync(c => c.PersonId == personId, ct))
            throw new ConflictException("该人员已是病例 / this person is a case already", "AlreadyACase");
        var now = clock.UtcNow;
        var sampled = r.FirstPositiveSampledAtUtc is { } s ? clock.AsUtc(s) : throw new InputException("firstPositiveSampledAtUtc", "请填写首次阳性采样时间 / the first positive sampling time is required");
        if (sampled > now) throw new InputException("firstPositiveSampledAtUtc", "采样时间不能晚于现在 / the sampling time is in the future");
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
        db.Cases.Add(c);
        db.CaseEvents.Add(new CaseEvent { Id = ids.Next(), CaseId = c.Id, AtUtc = now, ByUserId = userId, ToClass = c.Class, ToStatus = CaseStatus.Reported, Note = "报告 / reported" });
        // The case and what it does to zones (a controlled zone sealed, its home proposed) are saved together.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await zones.OnCasesAsync(db, [c.Id], userId, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return c;
    }

    public async Task<CaseRecord> UpdateAsync(FangkongDb db, long caseId, CaseUpdate u, long userId, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("caseId", "病例不存在 / no such case");
        if (c.Status is CaseStatus.Discharged or CaseStatus.Released or CaseStatus.Died)
            throw new ConflictException("病例已结案，不能再修改 / the case is closed (discharged, released or died)", "CaseClosed");
        var now = clock.UtcNow;
        var e = new CaseEvent { Id = ids.Next(), CaseId = c.Id, AtUtc = now, ByUserId = userId, Note = Text(u.Note, "note", 500) };
        if (u.Class is { } cls && Defined(cls, "class") != c.Class)
        {
            if (c.Class is not (CaseClass.Asymptomatic or CaseClass.Suspected) && cls is CaseClass.Asymptomatic or CaseClass.Suspected)
                throw new ConflictException("确诊病例不能改为无症状或疑似 / a confirmed case cannot become asymptomatic or suspected", "ClassBackwards");
            e.FromClass = c.Class;
            e.ToClass = cls;
            e.Conversion = c.Class == CaseClass.Asymptomatic && cls is not CaseClass.Suspected;
            if (e.Conversion) c.ConvertedAtUtc = now;
            c.Class = cls;
        }
        if (u.OnsetDate is not null || e.ToClass is not null) c.OnsetDate = Onset(u.OnsetDate ?? c.OnsetDate, c.Class, c.FirstPositiveSampledAtUtc);
        if (u.IsolatedAtUtc is { } iso)
        {
            var at = clock.AsUtc(iso);
            if (at > now) throw new InputException("isolatedAtUtc", "隔离时间不能晚于现在 / the isolation time is in the future");
            c.IsolatedAtUtc = at;
        }
        if (u.Status is { } st && Defined(st, "status") != c.Status)
        {
            if (st == CaseStatus.Reported) throw new InputException("status", "不能改回“已报告” / a case cannot go back to reported");
            if (st == CaseStatus.Discharged && c.Class is CaseClass.Asymptomatic or CaseClass.Suspected)
                throw new InputException("status", "无症状感染者为解除隔离（Released），不是出院 / an asymptomatic infection is released, not discharged");
            if (st == CaseStatus.Released && c.Class is not (CaseClass.Asymptomatic or CaseClass.Suspected))
                throw new InputException("status", "确诊病例为出院（Discharged） / a confirmed case is discharged, not released");
            var at = u.StatusAtUtc is { } sa ? clock.AsUtc(sa) : now;
            if (at > now) throw new InputException("statusAtUtc", "时间不能晚于现在 / the time is in the future");
            c.Status = st;
            c.StatusAtUtc = at;
            e.ToStatus = st;
            // Hospitalised is isolated, whatever the investigator recorded.
            if (st == CaseStatus.InHospital && c.IsolatedAtUtc is null) c.IsolatedAtUtc = at;
        }
        if (u.TreatedAt is not null) c.TreatedAt = Text(u.TreatedAt, "treatedAt", 100);
        db.CaseEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Onset: a confirmed case has one; not after the first positive sampling by more than a week, nor a month before it.</summary>
    private DateOnly? Onset(DateOnly? onset, CaseClass cls, DateTime firstPositiveUtc)
    {
        if (onset is not { } d) return null;
        var positive = DateOnly.FromDateTime(clock.ToLocal(firstPositiveUtc));
        if (d > DateOnly.FromDateTime(clock.LocalNow)) throw new InputException("onsetDate", "发病日期不能晚于今天 / the onset date is in the future");
        if (d < positive.AddDays(-30) || d > positive.AddDays(7))
            throw new InputException("onsetDate", "发病日期应在首次阳性采样前30天至后7天内 / the onset date must be within 30 days before and 7 days after the first positive sampling");
        return cls == CaseClass.Asymptomatic ? null : d;
    }

    private static T Defined<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new InputException(field, $"取值无效 / {field} has an unknown value");

    private static string? Text(string? text, string field, int max)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length <= max ? t : throw new InputException(field, $"不超过{max}字 / at most {max} characters");
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Institutions;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>A staff member's shift as the institution and the district read it: where it stands today and the tests it owes.</summary>
public sealed record ShiftView(long Id, long PersonId, string Name, DateOnly StartsOn, int Days, DateOnly LastDay, int Day, ShiftState State,
    IReadOnlyList<DateOnly> TestsOwed, DateOnly? EndedOn);

/// <summary>A shift begun: the staff member (a member of kind staff) and the first day; its length is the institution's.</summary>
public sealed record ShiftStart(long? PersonId, DateOnly? StartsOn);

/// <summary>A test a staff member on shift took: the day, antigen or nucleic acid, the result.</summary>
public sealed record ShiftTestInput(DateOnly? Day, bool Antigen, bool Positive);

/// <summary>
/// Closed-loop shifts (闭环) of a closed institution's staff (issue 23 part 4): a shift starts only while the institution is
/// closed, ends the staff member's earlier shift (换班), records its tests; the rule of what is owed is Domain's.
/// </summary>
public sealed class ClosedLoops(TimeOrderedIds ids, CityClock clock, InstitutionPolicy policy)
{
    public async Task<ShiftView> StartAsync(FangkongDb db, long institutionId, long? reporterInstitution, ShiftStart s, CancellationToken ct)
    {
        var institution = await InstitutionReads.VisibleAsync(db, institutionId, reporterInstitution, ct);
        var day = s.StartsOn ?? clock.Today;
        if (day < clock.Today.AddDays(-2) || day > clock.Today.AddDays(7)) throw new InputException("startsOn", Messages.Get("Institutions.Day", 2));
        if (!InstitutionReads.IsClosed(institution, day)) throw new InputException("startsOn", Messages.Get("Institutions.NotClosed"));
        if (s.PersonId is not { } person || !await db.InstitutionMembers.AnyAsync(m => m.InstitutionId == institutionId && m.PersonId == person && m.Kind == MemberKind.Staff, ct))
            throw new InputException("personId", Messages.Get("Institutions.NotStaff"));
        foreach (var open in await db.StaffShifts.Where(x => x.InstitutionId == institutionId && x.PersonId == person && x.EndedOn == null).ToListAsync(ct))
            open.EndedOn = day;
        var shift = new StaffShift { Id = ids.Next(), InstitutionId = institutionId, PersonId = person, StartsOn = day, Days = institution.ShiftDays ?? policy.ShiftDays, AtUtc = clock.UtcNow };
        db.StaffShifts.Add(shift);
        await db.SaveChangesAsync(ct);
        return (await ShiftsAsync(db, institutionId, reporterInstitution, ct)).First(v => v.Id == shift.Id);
    }

    public async Task<ShiftView> TestAsync(FangkongDb db, long institutionId, long? reporterInstitution, long shiftId, ShiftTestInput t, CancellationToken ct)
    {
        await InstitutionReads.VisibleAsync(db, institutionId, reporterInstitution, ct);
        var shift = await db.StaffShifts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == shiftId && x.InstitutionId == institutionId, ct)
            ?? throw new NotFoundException("shiftId", Messages.Get("Institutions.NoSuchShift"));
        var day = t.Day ?? clock.Today;
        if (day < shift.StartsOn || day > clock.Today || day > shift.StartsOn.AddDays(shift.Days - 1)) throw new InputException("day", Messages.Get("Institutions.TestDay"));
        if (!await db.ShiftTests.AnyAsync(x => x.ShiftId == shiftId && x.Day == day, ct))
        {
            db.ShiftTests.Add(new ShiftTest { Id = ids.Next(), ShiftId = shiftId, Day = day, Antigen = t.Antigen, Positive = t.Positive, AtUtc = clock.UtcNow });
            await db.SaveChangesAsync(ct);
        }
        return (await ShiftsAsync(db, institutionId, reporterInstitution, ct)).First(v => v.Id == shiftId);
    }

    /// <summary>The institution's shifts, open ones first, each with its state today.</summary>
    public async Task<IReadOnlyList<ShiftView>> ShiftsAsync(FangkongDb db, long institutionId, long? reporterInstitution, CancellationToken ct)
    {
        await InstitutionReads.VisibleAsync(db, institutionId, reporterInstitution, ct);
        var shifts = await db.StaffShifts.AsNoTracking().Where(x => x.InstitutionId == institutionId).OrderByDescending(x => x.Id).Take(500).ToListAsync(ct);
        var ids_ = shifts.Select(x => x.Id).ToList();
        var tests = (await db.ShiftTests.AsNoTracking().Where(x => ids_.Contains(x.ShiftId)).Select(x => new { x.ShiftId, x.Day }).ToListAsync(ct))
            .GroupBy(x => x.ShiftId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<DateOnly>)g.Select(x => x.Day).ToHashSet());
        var personIds = shifts.Select(x => x.PersonId).Distinct().ToList();
        Dictionary<long, string> names;
        using (db.WholeCity())
            names = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var today = clock.Today;
        return [.. shifts.Select(x =>
        {
            var s = ClosedLoopRules.Status(x.StartsOn, x.Days, x.EndedOn, tests.GetValueOrDefault(x.Id) ?? [], today, policy);
            return new ShiftView(x.Id, x.PersonId, Masking.Name(names.GetValueOrDefault(x.PersonId)), x.StartsOn, x.Days, s.LastDay, s.Day, s.State, s.TestsOwed, x.EndedOn);
        }).OrderBy(v => v.State == ShiftState.Ended ? 1 : 0)];
    }
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Checkpoints;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Checkpoints;

/// <summary>
/// Checkpoints and who staffs them: an administrator adds a checkpoint (kind, district, place, shifts a day), puts
/// accounts holding the checkpoint-staff role on duty per shift; staff see the checkpoints they may work at.
/// </summary>
public sealed class CheckpointRegistry(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxName = 80;

    public async Task<CheckpointView> AddAsync(FangkongDb db, CheckpointRequest r, CancellationToken ct)
    {
        var name = Text(r.Name, "name");
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) throw new InputException("kind", Messages.Get("Checkpoints.Kind"));
        var district = r.DistrictCode?.Trim() ?? "";
        if (!await db.Districts.AnyAsync(d => d.Code == district, ct)) throw new InputException("districtCode", Messages.Get("Checkpoints.District"));
        var location = Text(r.Location, "location");
        var shifts = r.ShiftsPerDay ?? 3;
        if (shifts is < CheckpointShifts.MinPerDay or > CheckpointShifts.MaxPerDay)
            throw new InputException("shiftsPerDay", Messages.Get("Checkpoints.Shifts", CheckpointShifts.MinPerDay, CheckpointShifts.MaxPerDay));
        var c = new Checkpoint
        {
            Id = ids.Next(),
            Name = name,
            Kind = kind,
            DistrictCode = district,
            Location = location,
            ShiftsPerDay = shifts,
            FirstShiftStarts = r.FirstShiftStarts ?? new TimeOnly(8, 0),
            CreatedAtUtc = clock.UtcNow,
        };
        db.Checkpoints.Add(c);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, c, ct);
    }

    private static string Text(string? value, string field)
    {
        var s = value?.Trim() ?? "";
        if (s.Length == 0) throw new InputException(field, Messages.Get("Checkpoints.Required"));
        if (s.Length > MaxName) throw new InputException(field, Messages.Get("Checkpoints.TooLong", MaxName));
        ControlCharacters.Check(s, field);
        return s;
    }

    /// <summary>The checkpoints the caller may see: checkpoint staff those they may work at, others every one in their area.</summary>
    public async Task<IReadOnlyList<CheckpointView>> ListAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var reach = await StaffReach.OfAsync(db, userId, clock, ct);
        var rows = await reach.Filter(db.Checkpoints.AsNoTracking()).OrderBy(c => c.DistrictCode).ThenBy(c => c.Kind).ThenBy(c => c.Name).Take(2000).ToListAsync(ct);
        var list = new List<CheckpointView>(rows.Count);
        foreach (var c in rows) list.Add(await ViewAsync(db, c, ct));
        return list;
    }

    public async Task<CheckpointView> OneAsync(FangkongDb db, long userId, long id, CancellationToken ct)
    {
        var c = await FindAsync(db, userId, id, ct);
        return await ViewAsync(db, c, ct);
    }

    /// <summary>The checkpoint, if the caller may work at or read it (another district's is "not found").</summary>
    internal async Task<Checkpoint> FindAsync(FangkongDb db, long userId, long id, CancellationToken ct)
    {
        var reach = await StaffReach.OfAsync(db, userId, clock, ct);
        return await reach.Filter(db.Checkpoints.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("checkpointId", Messages.Get("Checkpoints.NoSuchCheckpoint", id));
    }

    private async Task<CheckpointView> ViewAsync(FangkongDb db, Checkpoint c, CancellationToken ct)
    {
        var staffed = c.Kind != CheckpointKind.Roadblock;
        var now = CheckpointShifts.Of(clock.LocalNow, c.ShiftsPerDay, c.FirstShiftStarts);
        var onDuty = await (from d in db.CheckpointDuties
                            join u in db.Users on d.UserId equals u.Id
                            where d.CheckpointId == c.Id && d.Day == now.Day && d.Shift == now.Number
                            orderby u.UserName
                            select u.DisplayName).ToListAsync(ct);
        return new CheckpointView(c.Id, c.Name, c.Kind, c.DistrictCode, c.Location, c.ShiftsPerDay, c.FirstShiftStarts, staffed, now.Number, onDuty);
    }

    /// <summary>Puts accounts holding the checkpoint-staff role on duty for a shift (adding to who is there).</summary>
    public async Task<DutyView> AssignAsync(FangkongDb db, long checkpointId, DutyRequest r, CancellationToken ct)
    {
        var c = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == checkpointId, ct)
            ?? throw new NotFoundException("checkpointId", Messages.Get("Checkpoints.NoSuchCheckpoint", checkpointId));
        if (c.Kind == CheckpointKind.Roadblock) throw new InputException("checkpointId", Messages.Get("Checkpoints.Unstaffed"));
        if (r.Day is not { } day) throw new InputException("day", Messages.Get("Checkpoints.Day"));
        if (r.Shift is not { } shift || shift < 1 || shift > c.ShiftsPerDay) throw new InputException("shift", Messages.Get("Checkpoints.Shift", c.ShiftsPerDay));
        var names = r.UserNames?.Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct().ToList() ?? [];
        if (names.Count == 0 || names.Count > 100) throw new InputException("userNames", Messages.Get("Checkpoints.NoStaff"));
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName) && !u.Disabled)
            .Select(u => new { u.Id, u.UserName, Staff = u.Role == Roles.CheckpointStaff || db.UserRoles.Any(x => x.UserId == u.Id && x.Role == Roles.CheckpointStaff) })
            .ToListAsync(ct);
        if (names.FirstOrDefault(n => users.All(u => u.UserName != n) || !users.First(u => u.UserName == n).Staff) is { } bad)
            throw new InputException("userNames", Messages.Get("Checkpoints.NotStaff", bad));
        var there = await db.CheckpointDuties.Where(d => d.CheckpointId == c.Id && d.Day == day && d.Shift == shift).Select(d => d.UserId).ToListAsync(ct);
        foreach (var u in users.Where(u => !there.Contains(u.Id)))
            db.CheckpointDuties.Add(new CheckpointDuty { Id = ids.Next(), CheckpointId = c.Id, UserId = u.Id, Day = day, Shift = shift });
        await db.SaveChangesAsync(ct);
        return (await RosterAsync(db, c, day, ct)).First(x => x.Shift == shift);
    }

    /// <summary>A day's shifts at a checkpoint with who is on duty in each.</summary>
    public async Task<IReadOnlyList<DutyView>> RosterAsync(FangkongDb db, long userId, long checkpointId, DateOnly? day, CancellationToken ct)
    {
        var c = await FindAsync(db, userId, checkpointId, ct);
        return await RosterAsync(db, c, day ?? clock.Today, ct);
    }

    private static async Task<IReadOnlyList<DutyView>> RosterAsync(FangkongDb db, Checkpoint c, DateOnly day, CancellationToken ct)
    {
        var rows = await (from d in db.CheckpointDuties
                          join u in db.Users on d.UserId equals u.Id
                          where d.CheckpointId == c.Id && d.Day == day
                          select new { d.Shift, u.DisplayName }).ToListAsync(ct);
        return [.. Enumerable.Range(1, c.ShiftsPerDay).Select(s =>
        {
            var (starts, ends) = CheckpointShifts.Span(new ShiftSlot(day, s), c.ShiftsPerDay, c.FirstShiftStarts);
            return new DutyView(day, s, starts, ends, [.. rows.Where(r => r.Shift == s).Select(r => r.DisplayName).Order(StringComparer.Ordinal)]);
        })];
    }
}

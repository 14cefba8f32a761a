using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>A stay made for a returnee: its number, place, site and room (when centralized), null when no room was free.</summary>
public sealed record ReturneeStay(long StayId, string Number, QuarantinePlace Place, long? SiteId, string? Site, string? Room);

/// <summary>
/// Quarantine for a person who is not a contact of a case — a returnee the traveller rule isolated or put under home
/// observation (issue 21, ADR 0039): the same stay, check-ins, scheduled single-tube tests in the standing round and
/// transfers as a contact's, with the reason <see cref="ContactRole.Returnee"/> and no case (CaseId 0). A centralized
/// stay takes a free room alone at a site of the person's district first, then any site with a free room.
/// </summary>
public sealed class ReturneeStays(TimeOrderedIds ids, CityClock clock, QuarantineTesting testing, Transfers transfers)
{
    /// <summary>
    /// Places <paramref name="personId"/> from <paramref name="day1"/> to <paramref name="lastDay"/> with tests on
    /// <paramref name="testDays"/>; null when centralized and no site has a free room (the caller records it pending),
    /// or when the person already serves a quarantine (they are managed there).
    /// </summary>
    public async Task<ReturneeStay?> PlaceAsync(FangkongDb db, long personId, long returneeId, QuarantinePlace place, string? districtCode, DateOnly day1, DateOnly lastDay,
        IReadOnlyList<DateOnly> testDays, long? siteId, CancellationToken ct)
    {
        if (await db.QuarantineStays.IgnoreQueryFilters().AnyAsync(s => s.PersonId == personId && s.State == QuarantineState.InQuarantine, ct)) return null;
        QuarantineRoom? room = null;
        if (place == QuarantinePlace.Centralized)
        {
            room = await FreeRoomAsync(db, districtCode, siteId, ct);
            if (room is null) return null;
        }
        var schedule = new QuarantineSchedule(day1, [(place, day1, lastDay)], testDays.Select((d, i) => new ScheduledTest(d, place, d.DayNumber - day1.DayNumber + 1, 1)).ToList(),
            lastDay.AddDays(1));
        var stay = new QuarantineStay
        {
            Id = ids.Next(),
            PersonId = personId,
            CaseId = 0,
            ReturneeId = returneeId,
            Role = ContactRole.Returnee,
            Edition = PolicyEdition.Edition9,
            Place = place,
            SiteId = room?.SiteId,
            RoomId = room?.Id,
            Day1 = day1,
            ReleaseDate = schedule.ReleaseDate,
            State = QuarantineState.InQuarantine,
            CreatedAtUtc = clock.UtcNow,
        };
        db.QuarantineStays.Add(stay);
        foreach (var move in StayMoves.For(null, stay.SiteId, schedule, day1)) transfers.Request(db, stay, move.FromSiteId, move.ToSiteId, move.Due);
        await db.SaveChangesAsync(ct);
        await testing.ScheduleAsync(db, [(stay, schedule)], ct);
        var site = room is null ? null : await db.QuarantineSites.AsNoTracking().Where(s => s.Id == room.SiteId).Select(s => s.Name).FirstAsync(ct);
        return new ReturneeStay(stay.Id, stay.Number, place, room?.SiteId, site, room?.Number);
    }

    /// <summary>Ends a returnee's stay on release: the room is free again and tests not yet sampled are dropped.</summary>
    public async Task EndAsync(FangkongDb db, long stayId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        await db.QuarantineStays.IgnoreQueryFilters().Where(q => q.Id == stayId && q.State == QuarantineState.InQuarantine)
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.State, QuarantineState.Released).SetProperty(q => q.ReleasedAtUtc, now), ct);
        await db.ResampleTasks.IgnoreQueryFilters().Where(t => t.StayId == stayId && t.DoneAtUtc == null).ExecuteDeleteAsync(ct);
    }

    /// <summary>The smallest free room (a returnee is placed alone) at the site asked for, else in the district first, then anywhere.</summary>
    private static async Task<QuarantineRoom?> FreeRoomAsync(FangkongDb db, string? districtCode, long? siteId, CancellationToken ct)
    {
        var taken = db.QuarantineStays.IgnoreQueryFilters().Where(x => x.State == QuarantineState.InQuarantine && x.RoomId != null).Select(x => x.RoomId!.Value);
        var free = from r in db.QuarantineRooms.AsNoTracking()
                   where !taken.Contains(r.Id)
                   join s in db.QuarantineSites on r.SiteId equals s.Id
                   select new { r, s.DistrictCode };
        if (siteId is { } id) free = free.Where(x => x.r.SiteId == id);
        var pick = await free.OrderByDescending(x => x.DistrictCode == districtCode).ThenBy(x => x.r.Beds).ThenBy(x => x.r.SiteId).ThenBy(x => x.r.Number).FirstOrDefaultAsync(ct);
        return pick?.r;
    }
}

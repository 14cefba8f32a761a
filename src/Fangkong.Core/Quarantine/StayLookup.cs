using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>A person in quarantine now, with their room (names unmasked: the caller masks what it shows).</summary>
public sealed record StayPerson(long StayId, string Name, long? SiteId, string? Room);

public sealed record MyTest(DateOnly Date, bool Done);

/// <summary>A resident's own stay as they see it: its days, their room, today's check-in and the scheduled tests.</summary>
public sealed record MyStay(long Id, DateOnly Day1, DateOnly ReleaseDate, string? Site, string? Room, decimal? TemperatureToday, IReadOnlyList<MyTest> Tests);

/// <summary>Finds persons in quarantine now: by search (one indexed condition, see <see cref="PersonSearch"/>), by stay, or the signed-in resident's own.</summary>
public sealed class StayLookup
{
    public async Task<IReadOnlyList<StayPerson>> SearchAsync(FangkongDb db, string? q, int count, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(q) ? [] : await Stays(db, PersonSearch.Apply(db.Persons, q), null).Take(count).ToListAsync(ct);

    public Task<StayPerson?> GetAsync(FangkongDb db, long stayId, CancellationToken ct) =>
        Stays(db, db.Persons, stayId).FirstOrDefaultAsync(ct);

    /// <summary>The temperature of a stay's check-in on a day, if there is one.</summary>
    public async Task<decimal?> TemperatureAsync(FangkongDb db, long stayId, DateOnly day, CancellationToken ct) =>
        await db.QuarantineCheckIns.Where(c => c.StayId == stayId && c.Day == day).Select(c => (decimal?)c.Temperature).FirstOrDefaultAsync(ct);

    /// <summary>The person's stay in quarantine now, if any.</summary>
    public async Task<long?> CurrentStayAsync(FangkongDb db, long personId, CancellationToken ct) =>
        await db.QuarantineStays.Where(x => x.PersonId == personId && x.State == QuarantineState.InQuarantine).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);

    public async Task<MyStay?> MineAsync(FangkongDb db, long personId, DateOnly today, CancellationToken ct)
    {
        var stay = await (from x in db.QuarantineStays.AsNoTracking()
                          where x.PersonId == personId && x.State == QuarantineState.InQuarantine
                          join site in db.QuarantineSites on x.SiteId equals (long?)site.Id into sites
                          from site in sites.DefaultIfEmpty()
                          join room in db.QuarantineRooms on x.RoomId equals (long?)room.Id into rooms
                          from room in rooms.DefaultIfEmpty()
                          select new { x.Id, x.Day1, x.ReleaseDate, Site = site == null ? null : site.Name, Room = room == null ? null : room.Number })
            .FirstOrDefaultAsync(ct);
        if (stay is null) return null;
        var stayId = (long?)stay.Id;
        var tests = await db.ResampleTasks.AsNoTracking().Where(t => t.StayId == stayId).OrderBy(t => t.DueDate)
            .Select(t => new { t.DueDate, t.DoneAtUtc }).ToListAsync(ct);
        return new MyStay(stay.Id, stay.Day1, stay.ReleaseDate, stay.Site, stay.Room, await TemperatureAsync(db, stay.Id, today, ct),
            tests.Select(t => new MyTest(t.DueDate!.Value, t.DoneAtUtc != null)).ToList());
    }

    private static IQueryable<StayPerson> Stays(FangkongDb db, IQueryable<Person> persons, long? stayId)
    {
        var stays = db.QuarantineStays.AsNoTracking().Where(x => x.State == QuarantineState.InQuarantine);
        if (stayId is { } id) stays = stays.Where(x => x.Id == id);
        return from x in stays
               join p in persons on x.PersonId equals p.Id
               join room in db.QuarantineRooms on x.RoomId equals (long?)room.Id into rooms
               from room in rooms.DefaultIfEmpty()
               orderby x.Id
               select new StayPerson(x.Id, p.Name, x.SiteId, room == null ? null : room.Number);
    }
}

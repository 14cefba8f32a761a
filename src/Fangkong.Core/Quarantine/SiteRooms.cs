using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

public enum RoomShow { All = 0, Free = 1, Taken = 2 }

public sealed record RoomRow(long Id, string Number, int Beds);

public sealed record Occupant(long StayId, long? RoomId, string Name, DateOnly Day1, DateOnly ReleaseDate);

/// <summary>A site with its load and one page of its rooms with who is in them (names unmasked: the caller masks).</summary>
public sealed record SiteRoomsView(long Id, string Name, string? Address, int Rooms, int Beds, int Persons, int TakenRooms, int FreeBeds,
    Page<RoomRow> Page, IReadOnlyList<Occupant> Occupants);

public sealed class SiteRooms
{
    /// <summary>Null when there is no such site.</summary>
    public async Task<SiteRoomsView?> GetAsync(FangkongDb db, long siteId, RoomShow show, int? page, int? pageSize, CancellationToken ct)
    {
        var site = await db.QuarantineSites.AsNoTracking().Where(s => s.Id == siteId).Select(s => new { s.Name, s.Address }).FirstOrDefaultAsync(ct);
        if (site is null) return null;
        var siteRooms = db.QuarantineRooms.AsNoTracking().Where(r => r.SiteId == siteId);
        var stays = db.QuarantineStays.AsNoTracking().Where(x => x.SiteId == siteId && x.State == QuarantineState.InQuarantine);
        var rooms = await siteRooms.CountAsync(ct);
        var beds = await siteRooms.SumAsync(r => r.Beds, ct);
        var persons = await stays.CountAsync(ct);
        var taken = await stays.Where(x => x.RoomId != null).Select(x => x.RoomId!.Value).Distinct().ToListAsync(ct);
        // A taken room is not given to another family (QuarantinePlacement), so only the beds of empty rooms are free.
        var freeBeds = await siteRooms.Where(r => !taken.Contains(r.Id)).SumAsync(r => r.Beds, ct);

        var shown = show switch
        {
            RoomShow.Free => siteRooms.Where(r => !taken.Contains(r.Id)),
            RoomShow.Taken => siteRooms.Where(r => taken.Contains(r.Id)),
            _ => siteRooms,
        };
        var (p, size) = Paging.Normalise(page, pageSize);
        var items = await shown.OrderBy(r => r.Number.Length).ThenBy(r => r.Number).Skip((p - 1) * size).Take(size)
            .Select(r => new RoomRow(r.Id, r.Number, r.Beds)).ToListAsync(ct);
        var total = await shown.LongCountAsync(ct);
        var ids = items.Select(r => (long?)r.Id).ToList();
        var occupants = await (from x in stays
                               where ids.Contains(x.RoomId)
                               join person in db.Persons on x.PersonId equals person.Id
                               orderby x.Id
                               select new Occupant(x.Id, x.RoomId, person.Name, x.Day1, x.ReleaseDate)).ToListAsync(ct);
        return new SiteRoomsView(siteId, site.Name, site.Address, rooms, beds, persons, taken.Count, freeBeds, new Page<RoomRow>(items, p, size, total), occupants);
    }
}

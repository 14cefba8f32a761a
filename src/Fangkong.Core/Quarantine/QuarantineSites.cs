using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

public sealed record RoomInput(string? Number, int? Beds);

public sealed record NewSite(string? Name, string? DistrictCode, string? Address, IReadOnlyList<RoomInput>? Rooms);

/// <summary>A site with its capacity and what is taken: beds, rooms, persons in quarantine there now.</summary>
public sealed record SiteView(long Id, string Name, string DistrictCode, string? Address, int Rooms, int Beds, int OccupiedRooms, int Persons, int FreeRooms);

/// <summary>Centralized quarantine sites and their rooms; occupancy counts only persons still in quarantine.</summary>
public sealed record SiteName(long Id, string Name);

public sealed class QuarantineSites(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxRooms = 2000;

    public async Task<QuarantineSite> CreateAsync(FangkongDb db, NewSite r, CancellationToken ct)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) throw new InputException("name", Messages.Get("Quarantine.SiteNameLength"));
        var district = r.DistrictCode?.Trim() ?? "";
        if (!await db.Districts.AnyAsync(d => d.Code == district, ct)) throw new InputException("districtCode", Messages.Get("Quarantine.UnknownDistrict"));
        if (r.Rooms is null || r.Rooms.Count is 0 or > MaxRooms) throw new InputException("rooms", Messages.Get("Quarantine.RoomCount", MaxRooms));
        var numbers = new HashSet<string>();
        for (var i = 0; i < r.Rooms.Count; i++)
        {
            var number = r.Rooms[i].Number?.Trim();
            if (string.IsNullOrEmpty(number) || number.Length > 16) throw new InputException($"rooms[{i}].number", Messages.Get("Quarantine.RoomNumberLength"));
            if (!numbers.Add(number)) throw new InputException($"rooms[{i}].number", Messages.Get("Quarantine.RoomListedTwice", number));
            if (r.Rooms[i].Beds is not (>= 1 and <= 8)) throw new InputException($"rooms[{i}].beds", Messages.Get("Quarantine.BedsPerRoom"));
        }
        var site = new QuarantineSite { Id = ids.Next(), Name = name, DistrictCode = district, Address = r.Address?.Trim() is { Length: > 0 } a ? a[..Math.Min(a.Length, 200)] : null, CreatedAtUtc = clock.UtcNow };
        db.QuarantineSites.Add(site);
        foreach (var room in r.Rooms)
            db.QuarantineRooms.Add(new QuarantineRoom { Id = ids.Next(), SiteId = site.Id, Number = room.Number!.Trim(), Beds = room.Beds!.Value });
        await db.SaveChangesAsync(ct);
        return site;
    }

    /// <summary>Every site by name, to pick from.</summary>
    public static async Task<IReadOnlyList<SiteName>> NamesAsync(FangkongDb db, CancellationToken ct) =>
        await db.QuarantineSites.AsNoTracking().OrderBy(s => s.Name).Select(s => new SiteName(s.Id, s.Name)).ToListAsync(ct);

    public static async Task<Page<SiteView>> ListAsync(FangkongDb db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var sites = db.QuarantineSites.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) sites = sites.Where(s => s.Name.Contains(q.Trim()));
        var total = await sites.LongCountAsync(ct);
        var rows = await sites.OrderBy(s => s.Name).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(s => s.Id).ToList();
        var rooms = await db.QuarantineRooms.Where(r => ids.Contains(r.SiteId)).GroupBy(r => r.SiteId)
            .Select(g => new { g.Key, Rooms = g.Count(), Beds = g.Sum(r => r.Beds) }).ToDictionaryAsync(x => x.Key, ct);
        var taken = await db.QuarantineStays.Where(x => x.SiteId != null && ids.Contains(x.SiteId.Value) && x.State == QuarantineState.InQuarantine)
            .GroupBy(x => x.SiteId!.Value).Select(g => new { g.Key, Persons = g.Count(), Rooms = g.Select(x => x.RoomId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, ct);
        var views = rows.Select(s =>
        {
            var r = rooms.GetValueOrDefault(s.Id);
            var t = taken.GetValueOrDefault(s.Id);
            var roomCount = r?.Rooms ?? 0;
            var occupied = t?.Rooms ?? 0;
            return new SiteView(s.Id, s.Name, s.DistrictCode, s.Address, roomCount, r?.Beds ?? 0, occupied, t?.Persons ?? 0, roomCount - occupied);
        }).ToList();
        return new Page<SiteView>(views, p, size, total);
    }
}

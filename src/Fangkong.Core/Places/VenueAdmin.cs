using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Places;

public sealed record VenueInput(string? Name, VenueType? Type, string? DistrictCode, string? Address, int? Capacity,
    TimeOnly? Opens, TimeOnly? Closes, int? RequiredNegativeTestHours, bool? AllowsYellow);

/// <summary>Registers and edits venues and their gate devices (administrators).</summary>
public sealed class VenueAdmin(TimeOrderedIds ids)
{
    private static readonly int[] TestWindows = [24, 48, 72];

    public async Task<Venue> CreateAsync(FangkongDb db, VenueInput input, CancellationToken ct)
    {
        var venue = new Venue { Id = ids.Next(), Name = "", DistrictCode = "" };
        await ApplyAsync(db, venue, input, ct);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        return venue;
    }

    public async Task<Venue> UpdateAsync(FangkongDb db, long id, VenueInput input, CancellationToken ct)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Places.NoSuchVenue", id));
        await ApplyAsync(db, venue, input, ct);
        await db.SaveChangesAsync(ct);
        return venue;
    }

    public async Task<GateDevice> AddDeviceAsync(FangkongDb db, long venueId, string? name, CancellationToken ct)
    {
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct)) throw new NotFoundException("venueId", Messages.Get("Places.NoSuchVenue", venueId));
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 64) throw new InputException("name", Messages.Get("Places.DeviceName"));
        var device = new GateDevice { Id = ids.Next(), VenueId = venueId, Name = name.Trim() };
        db.GateDevices.Add(device);
        await db.SaveChangesAsync(ct);
        return device;
    }

    private static async Task ApplyAsync(FangkongDb db, Venue v, VenueInput i, CancellationToken ct)
    {
        var name = i.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) throw new InputException("name", Messages.Get("Places.VenueName"));
        if (i.Type is not { } type || !Enum.IsDefined(type)) throw new InputException("type", Messages.Get("Places.VenueType"));
        if (string.IsNullOrEmpty(i.DistrictCode) || !await db.Districts.AnyAsync(d => d.Code == i.DistrictCode, ct))
            throw new InputException("districtCode", Messages.Get("Places.District"));
        if (i.Capacity is not { } cap || cap < 0 || cap > 1_000_000) throw new InputException("capacity", Messages.Get("Places.Capacity"));
        if (i.RequiredNegativeTestHours is { } h && !TestWindows.Contains(h)) throw new InputException("requiredNegativeTestHours", Messages.Get("Places.TestWindow"));
        if (i.Address is { Length: > 200 }) throw new InputException("address", Messages.Get("Places.Address"));
        v.Name = name;
        v.Type = type;
        v.DistrictCode = i.DistrictCode;
        v.Address = i.Address?.Trim();
        v.Capacity = cap;
        v.Opens = i.Opens ?? TimeOnly.MinValue;
        v.Closes = i.Closes ?? TimeOnly.MinValue;
        v.RequiredNegativeTestHours = i.RequiredNegativeTestHours;
        v.AllowsYellow = i.AllowsYellow ?? false;
    }
}

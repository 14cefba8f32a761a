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
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("id", $"场所{id}不存在 / venue {id} does not exist");
        await ApplyAsync(db, venue, input, ct);
        await db.SaveChangesAsync(ct);
        return venue;
    }

    public async Task<GateDevice> AddDeviceAsync(FangkongDb db, long venueId, string? name, CancellationToken ct)
    {
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct)) throw new NotFoundException("venueId", $"场所{venueId}不存在 / venue {venueId} does not exist");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 64) throw new InputException("name", "设备名称必填，最多64字 / a device name of 1–64 characters is required");
        var device = new GateDevice { Id = ids.Next(), VenueId = venueId, Name = name.Trim() };
        db.GateDevices.Add(device);
        await db.SaveChangesAsync(ct);
        return device;
    }

    private static async Task ApplyAsync(FangkongDb db, Venue v, VenueInput i, CancellationToken ct)
    {
        var name = i.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) throw new InputException("name", "场所名称必填，最多100字 / a name of 1–100 characters is required");
        if (i.Type is not { } type || !Enum.IsDefined(type)) throw new InputException("type", "场所类型无效 / unknown venue type");
        if (string.IsNullOrEmpty(i.DistrictCode) || !await db.Districts.AnyAsync(d => d.Code == i.DistrictCode, ct))
            throw new InputException("districtCode", "区县代码无效 / unknown district code");
        if (i.Capacity is not { } cap || cap < 0 || cap > 1_000_000) throw new InputException("capacity", "容量应为0–1000000（0表示不限） / capacity must be 0–1,000,000 (0 = no cap)");
        if (i.RequiredNegativeTestHours is { } h && !TestWindows.Contains(h)) throw new InputException("requiredNegativeTestHours", "核酸时限应为24、48或72小时 / must be 24, 48 or 72 hours");
        if (i.Address is { Length: > 200 }) throw new InputException("address", "地址过长 / the address is longer than 200 characters");
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

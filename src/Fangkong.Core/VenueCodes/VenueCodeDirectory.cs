using System.Collections.Concurrent;
using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.VenueCodes;

/// <summary>
/// Which gate device a venue's code scans are recorded under. The pair never changes once made, so it is cached for the
/// instance's life; a venue without one gets it at its first issue (a race between instances is settled by the key).
/// </summary>
public sealed class VenueCodeDirectory(IDbContextFactory<FangkongDb> dbs, TimeOrderedIds ids, TimeProvider time)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private readonly ConcurrentDictionary<long, long> _devices = new();
    private readonly ConcurrentDictionary<long, (DateTime? Before, DateTime ReadAtUtc)> _revoked = new();

    /// <summary>How long an instance trusts what it read of a venue's revocation: another instance's revocation bites within it.</summary>
    public static readonly TimeSpan RevocationFreshness = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The instant before which the venue's codes are refused, or null. Read once per venue per <see cref="RevocationFreshness"/>,
    /// so the scan path stays without a read of its own; the instance that revoked knows at once (<see cref="Revoked"/>).
    /// </summary>
    public async Task<DateTime?> RevokedBeforeAsync(long venueId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_revoked.TryGetValue(venueId, out var known) && now - known.ReadAtUtc < RevocationFreshness && now >= known.ReadAtUtc) return known.Before;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var before = await db.VenueCodes.AsNoTracking().Where(c => c.VenueId == venueId).Select(c => c.RevokedBeforeUtc).FirstOrDefaultAsync(ct);
        _revoked[venueId] = (before, now);
        return before;
    }

    /// <summary>This instance's own revocation, known at once.</summary>
    public void Revoked(long venueId, DateTime beforeUtc) => _revoked[venueId] = (beforeUtc, time.GetUtcNow().UtcDateTime);

    /// <summary>The device of a venue's code, made (with the venue's row) when the venue has none yet.</summary>
    public async Task<long> DeviceOfAsync(long venueId, CancellationToken ct)
    {
        if (_devices.TryGetValue(venueId, out var known)) return known;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var device = await db.VenueCodes.AsNoTracking().Where(c => c.VenueId == venueId).Select(c => (long?)c.DeviceId).FirstOrDefaultAsync(ct)
            ?? await CreateAsync(db, venueId, ct);
        _devices[venueId] = device;
        return device;
    }

    private async Task<long> CreateAsync(FangkongDb db, long venueId, CancellationToken ct)
    {
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct)) throw new NotFoundException("venueId", Messages.Get("VenueCodes.NoSuchVenue"));
        var made = NewRows(venueId, ids.Next(), time.GetUtcNow().UtcDateTime);
        db.GateDevices.Add(made.Device);
        db.VenueCodes.Add(made.Code);
        try
        {
            await db.SaveChangesAsync(ct);
            return made.Device.Id;
        }
        catch (DbUpdateException)
        {
            // Another instance made it first: use theirs.
            db.ChangeTracker.Clear();
            return await db.VenueCodes.AsNoTracking().Where(c => c.VenueId == venueId).Select(c => c.DeviceId).FirstAsync(ct);
        }
    }

    /// <summary>A venue's code row and its device, unsaved (the seeder adds them in bulk).</summary>
    public static (GateDevice Device, VenueCode Code) NewRows(long venueId, long deviceId, DateTime nowUtc)
    {
        var device = new GateDevice { Id = deviceId, VenueId = venueId, Name = Messages.Get(Chinese, "VenueCodes.DeviceName") };
        return (device, new VenueCode { VenueId = venueId, DeviceId = device.Id, CreatedAtUtc = nowUtc });
    }
}

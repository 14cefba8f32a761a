using System.Collections.Concurrent;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Devices and their venues, cached briefly: every check-in needs them and they change rarely.
/// The cache is per instance and expires, so stateless instances converge within a minute.
/// </summary>
public sealed class GateDirectory(IDbContextFactory<FangkongDb> dbs, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, (GateDevice Device, Venue Venue, DateTime LoadedUtc)> _devices = new();

    public async Task<(GateDevice Device, Venue Venue)> DeviceAsync(long deviceId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_devices.TryGetValue(deviceId, out var hit) && now - hit.LoadedUtc < Lifetime) return (hit.Device, hit.Venue);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.GateDevices.AsNoTracking().Where(d => d.Id == deviceId)
            .Join(db.Venues.AsNoTracking(), d => d.VenueId, v => v.Id, (d, v) => new { d, v })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("deviceId", Messages.Get("Gate.NoSuchDevice", deviceId));
        _devices[deviceId] = (row.d, row.v, now);
        return (row.d, row.v);
    }

    /// <summary>Drops cached devices and venues after an edit so this instance applies it at once.</summary>
    public void ForgetAll() => _devices.Clear();
}

using System.Collections.Concurrent;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Devices and their venues, cached briefly: every check-in needs them and they change rarely.
/// The cache is per instance and expires, so stateless instances converge within a minute. One read per device refills it:
/// the requests that find it expired at the same moment (a peak's whole queue) wait for that read rather than each making
/// its own (ADR 0032 measured 52 identical reads in the first second of a run).
/// </summary>
public sealed class GateDirectory(IDbContextFactory<FangkongDb> dbs, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, (Task<(GateDevice Device, Venue Venue)> Load, DateTime LoadedUtc)> _devices = new();

    public async Task<(GateDevice Device, Venue Venue)> DeviceAsync(long deviceId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        while (true)
        {
            if (_devices.TryGetValue(deviceId, out var hit))
            {
                if (now - hit.LoadedUtc < Lifetime && !hit.Load.IsFaulted && !hit.Load.IsCanceled) return await hit.Load.WaitAsync(ct);
                // Expired or failed: whoever swaps in the new read makes it; the others wait for it.
                var fresh = (Load: LoadAsync(deviceId), LoadedUtc: now);
                if (_devices.TryUpdate(deviceId, fresh, hit)) return await Settled(deviceId, fresh, ct);
                continue;
            }
            var first = (Load: LoadAsync(deviceId), LoadedUtc: now);
            if (_devices.TryAdd(deviceId, first)) return await Settled(deviceId, first, ct);
        }
    }

    /// <summary>A device that does not exist is not cached: the next request asks again.</summary>
    private async Task<(GateDevice, Venue)> Settled(long deviceId, (Task<(GateDevice, Venue)> Load, DateTime LoadedUtc) entry, CancellationToken ct)
    {
        try { return await entry.Load.WaitAsync(ct); }
        catch when (entry.Load.IsFaulted) { _devices.TryRemove(new(deviceId, entry)); throw; }
    }

    private async Task<(GateDevice Device, Venue Venue)> LoadAsync(long deviceId)
    {
        await Task.Yield();
        await using var db = await dbs.CreateDbContextAsync();
        var row = await db.GateDevices.AsNoTracking().Where(d => d.Id == deviceId)
            .Join(db.Venues.AsNoTracking(), d => d.VenueId, v => v.Id, (d, v) => new { d, v })
            .FirstOrDefaultAsync() ?? throw new NotFoundException("deviceId", Messages.Get("Gate.NoSuchDevice", deviceId));
        return (row.d, row.v);
    }

    /// <summary>Drops cached devices and venues after an edit so this instance applies it at once.</summary>
    public void ForgetAll() => _devices.Clear();
}

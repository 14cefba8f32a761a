using System.Collections.Concurrent;
using System.Diagnostics;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Command;

namespace Fangkong.Core.Command;

/// <summary>
/// Keeps each area's dashboard in memory and rebuilds it when it is older than <see cref="MaxAge"/>, one build at a time
/// per area however many viewers ask (ADR 0014): viewers read a snapshot, the store sees one build per area and period.
/// Builds read from <see cref="StaleReads"/> (a standby when there is one, ADR 0047): a dashboard is seconds old anyway.
/// </summary>
public sealed class DashboardCache(StaleReads reads, DashboardBuilder builder)
{
    private readonly ConcurrentDictionary<(BulletinLevel, string), Entry> _entries = new();

    /// <summary>How stale a snapshot may be before a request rebuilds it (wall time: it is about load, not the epidemic's clock).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The snapshot a caller confined to <paramref name="reach"/> may see (ADR 0028): a district's caller gets their
    /// district's (the figures counted for the district, whose line lists their area filter narrows to the same rows),
    /// whatever area they asked for unless it is another one (refused); areas below a district have no dashboard.
    /// </summary>
    public Task<DashboardSnapshot> GetAsync(AreaReach? reach, BulletinLevel? level, string? areaCode, bool fresh, CancellationToken ct)
    {
        if (reach is null) return GetAsync(level, areaCode, fresh, ct);
        if (reach.DistrictCode is not { } district) throw new ForbiddenException(Messages.Get("Command.DistrictsOnly"));
        if (level is not null && (level != BulletinLevel.District || areaCode?.Trim() != district))
            throw new ForbiddenException(Messages.Get("Command.OtherArea"));
        return GetAsync(BulletinLevel.District, district, fresh, ct);
    }

    /// <summary>The area's snapshot; built now when missing, stale or <paramref name="fresh"/>, else the one in memory.</summary>
    public async Task<DashboardSnapshot> GetAsync(BulletinLevel? level, string? areaCode, bool fresh, CancellationToken ct)
    {
        (BulletinLevel, string) key;
        if (level is { } l && !string.IsNullOrWhiteSpace(areaCode)) key = (l, areaCode.Trim());
        else
        {
            await using var db = await reads.CreateAsync(ct);
            key = await DashboardBuilder.DefaultAreaAsync(db, ct);
        }
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        var asked = Stopwatch.GetTimestamp();
        if (!fresh && entry.Current is { } c && Stopwatch.GetElapsedTime(entry.BuiltAt) < MaxAge) return c;
        await entry.Gate.WaitAsync(ct);
        try
        {
            // Someone else built it while this request waited: theirs is as fresh as this one would be.
            if (entry.Current is { } built && entry.BuiltAt >= asked) return built;
            if (!fresh && entry.Current is { } again && Stopwatch.GetElapsedTime(entry.BuiltAt) < MaxAge) return again;
            await using var db = await reads.CreateAsync(ct);
            var snapshot = await builder.BuildAsync(db, key.Item1, key.Item2, ct);
            entry.Current = snapshot;
            entry.BuiltAt = Stopwatch.GetTimestamp();
            return snapshot;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    // Entries live as long as the cache (a singleton); a SemaphoreSlim whose wait handle is never taken holds nothing to free.
    private sealed class Entry : IDisposable
    {
        public void Dispose() => Gate.Dispose();

        public readonly SemaphoreSlim Gate = new(1, 1);
        public DashboardSnapshot? Current;
        public long BuiltAt;
    }
}

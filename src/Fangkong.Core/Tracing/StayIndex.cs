using System.Diagnostics;
using System.Threading.Channels;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

public enum StayIndexState { NotBuilt = 0, Building = 1, Ready = 2 }

/// <summary>How far the index is: rows read of those expected while building; once ready, what it holds and its memory.</summary>
public sealed record StayIndexStatus(StayIndexState State, long Read, long Expected, long Stays, int RecentStays, int Persons,
    long Bytes, DateTime? FloorUtc, DateTime? BuiltAtUtc, double BuildSeconds);

/// <summary>How many days of visits the index holds (<c>Policy:Contacts:IndexDays</c>); a search reaching further back reads the store.</summary>
public sealed record StayIndexOptions(int Days = 14);

/// <summary>
/// The long-lived contact index of ADR 0011 and 0033: one per process, every closed stay of the last <see cref="StayIndexOptions.Days"/>
/// days in a <see cref="PresenceIndex"/> (sorted once, 32 bytes a stay and 4 for the by-person view), plus the few stays written
/// since or still open (<see cref="RecentStays"/>). Built in the background; until it is ready <see cref="ViewAsync"/> answers null
/// and <see cref="ContactSearch"/> reads the store as before. Kept current three ways, each enough alone for what it covers:
/// the gate's hook after its commit (this instance's visits at once), a catch-up read of visits with a newer time-ordered id on
/// each search (every instance's), and a re-read by id of the open stays a search touches (every exit, inferred ones included).
/// A retention purge that reaches into the sorted base drops it and builds again.
/// </summary>
/// <remarks>
/// The bulk load reads from <see cref="StaleReads"/> (a standby when there is one, ADR 0047): its bound is set back by the standby's
/// allowed lag, so what the standby had not yet received is read from the primary by the first catch-up.
/// </remarks>
public sealed class StayIndex(IDbContextFactory<FangkongDb> dbs, CityClock clock, GatePolicy gate, StayIndexOptions options, StaleReads? reads = null) : IVisitWrites
{
    /// <summary>How far back each catch-up re-reads ids: a write with an older id that commits later than this is not awaited.</summary>
    private static readonly long CatchUpMargin = (long)TimeSpan.FromSeconds(2).TotalMilliseconds << 21;

    private sealed class Snapshot(PresenceIndex stays, long bound, long minBaseId, DateTime floorUtc, RecentStays recent)
    {
        public PresenceIndex Stays { get; } = stays;
        public long Bound { get; } = bound;          // the base holds closed visits with Id < Bound
        public long MinBaseId { get; } = minBaseId;
        public DateTime FloorUtc { get; } = floorUtc;
        public RecentStays Recent { get; } = recent;
        public long Mark = bound;                    // the catch-up reads ids ≥ Mark − margin
    }

    private volatile Snapshot? _current;
    private readonly Channel<bool> _rebuild = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private StayIndexState _state;
    private long _read, _expected;
    private DateTime? _builtAt;
    private double _buildSeconds;

    public StayIndexStatus Status
    {
        get
        {
            var s = _current;
            var count = s?.Stays.Count ?? 0;
            var persons = s?.Stays.PersonCount ?? 0;
            // Stays (32 bytes) and their by-person positions (4); a person's run and its dictionary entry ≈ 45 bytes; recent ≈ 100 bytes.
            var bytes = count * 36L + persons * 45L + (s?.Recent.Count ?? 0) * 100L;
            return new StayIndexStatus(s is null ? _state : StayIndexState.Ready, Interlocked.Read(ref _read), Interlocked.Read(ref _expected), count,
                s?.Recent.Count ?? 0, persons, bytes, s?.FloorUtc, _builtAt, _buildSeconds);
        }
    }

    /// <summary>Waits until a purge (or an operator) asks for the index to be built again.</summary>
    public async Task WaitForRebuildAsync(CancellationToken ct) => await _rebuild.Reader.ReadAsync(ct);

    /// <summary>Asks for a rebuild: after a bulk load into a running store (seeding, a restore), which the catch-up does not see.</summary>
    public void RequestRebuild()
    {
        _current = null;
        _state = StayIndexState.NotBuilt;
        _rebuild.Writer.TryWrite(true);
    }

    /// <summary>
    /// Reads the store and builds the index; searches read the store meanwhile. Open visits are read first, then the closed ones
    /// (skipping those seen open), so a visit that closes between the two reads is neither lost nor held twice.
    /// </summary>
    public async Task BuildAsync(Action<StayIndexStatus>? progress, CancellationToken ct)
    {
        _current = null;
        _state = StayIndexState.Building;
        Interlocked.Exchange(ref _read, 0);
        var watch = Stopwatch.StartNew();
        var started = clock.UtcNow;
        var floor = started.AddDays(-options.Days);
        var bound = TimeOrderedIds.LowerBound(started.AddSeconds(-2) - (reads?.LagAllowance ?? TimeSpan.Zero));
        await using var db = reads is null ? await dbs.CreateDbContextAsync(ct) : await reads.CreateAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        var recent = new RecentStays();
        await foreach (var v in db.Visits.AsNoTracking().Where(v => v.ExitedAtUtc == null)
            .Select(v => new { v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc }).AsAsyncEnumerable().WithCancellation(ct))
            recent.Upsert(v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc, null);
        var closed = db.Visits.AsNoTracking().Where(v => v.Id < bound && v.ExitedAtUtc != null && v.EnteredAtUtc >= floor);
        var expected = await closed.LongCountAsync(ct);
        Interlocked.Exchange(ref _expected, expected);
        progress?.Invoke(Status);
        var stays = new List<Presence>((int)Math.Min(expected + 1024, Array.MaxLength));
        var minId = long.MaxValue;
        var skip = recent.Count > 0;
        await foreach (var v in closed.Select(v => new { v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (skip && recent.Contains(v.Id)) continue;
            stays.Add(new Presence(v.PersonId, v.VenueId, v.EnteredAtUtc.Ticks, v.ExitedAtUtc!.Value.Ticks));
            if (v.Id < minId) minId = v.Id;
            if (Interlocked.Increment(ref _read) % 5_000_000 == 0) progress?.Invoke(Status);
        }
        var index = new PresenceIndex(stays);
        var snapshot = new Snapshot(index, bound, minId, floor, recent);
        // The catch-up from the primary: what the standby had not yet received is there.
        await using (var primary = await dbs.CreateDbContextAsync(ct)) await CatchUpAsync(primary, snapshot, ct);
        _buildSeconds = watch.Elapsed.TotalSeconds;
        _builtAt = clock.UtcNow;
        _current = snapshot;
        _state = StayIndexState.Ready;
        progress?.Invoke(Status);
    }

    /// <summary>
    /// A view for one search whose stays begin no earlier than <paramref name="earliestUtc"/>, caught up with the store first;
    /// null while the index is not ready or when the search reaches before the index's first day.
    /// </summary>
    public async Task<StayView?> ViewAsync(FangkongDb db, DateTime earliestUtc, CancellationToken ct)
    {
        var s = _current;
        if (s is null || earliestUtc < s.FloorUtc) return null;
        await CatchUpAsync(db, s, ct);
        return new StayView(s.Stays, s.Recent);
    }

    /// <summary>Visits with a newer time-ordered id than the last catch-up saw (less a margin for commits still in flight).</summary>
    private static async Task CatchUpAsync(FangkongDb db, Snapshot s, CancellationToken ct)
    {
        var from = Math.Max(s.Bound, Interlocked.Read(ref s.Mark) - CatchUpMargin);
        var rows = await db.Visits.AsNoTracking().Where(v => v.Id >= from)
            .Select(v => new { v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc }).ToListAsync(ct);
        long max = 0;
        foreach (var v in rows)
        {
            s.Recent.Upsert(v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc);
            max = Math.Max(max, v.Id);
        }
        // Only forward: two searches catching up at once must not move the mark back.
        long seen;
        while (max > (seen = Interlocked.Read(ref s.Mark)) && Interlocked.CompareExchange(ref s.Mark, max, seen) != seen) { }
    }

    /// <inheritdoc/>
    public void Committed(IEnumerable<VisitWrite> added, IEnumerable<(long VisitId, DateTime ExitedAtUtc)> exits)
    {
        if (_current is not { } s) return;
        foreach (var v in added) s.Recent.Upsert(v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc);
        foreach (var (id, exit) in exits) s.Recent.Close(id, exit);
    }

    /// <inheritdoc/>
    public void Purged(DateTime nowUtc)
    {
        if (_current is not { } s) return;
        // The entries' purge deletes closed visits below this id (EntryRetention): if the sorted base holds any, it is built again.
        var bound = TimeOrderedIds.LowerBound(nowUtc.AddDays(-gate.EntryRetentionDays));
        // So is a base a day or more behind (its recent part as large as a day of the base): the daily purge keeps it sorted.
        if ((s.Stays.Count > 0 && s.MinBaseId < bound) || s.Recent.Count > Math.Max(100_000, s.Stays.Count / Math.Max(1, options.Days))) RequestRebuild();
        else s.Recent.RemoveClosedBelow(bound);
    }
}

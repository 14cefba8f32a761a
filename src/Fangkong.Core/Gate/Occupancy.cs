using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

public sealed record VenueOccupancy(long VenueId, string Name, int Inside, int Capacity, int EntriesToday, int DeniedToday, DateTime AtUtc)
{
    public double Load => Capacity <= 0 ? 0 : (double)Inside / Capacity;
}

public sealed record HourCount(int Hour, int Entries, int Exits);

/// <summary>Live occupancy and hourly flow of a venue (the venue monitor).</summary>
public sealed class Occupancy(IDbContextFactory<FangkongDb> dbs, CityClock clock)
{
    /// <summary>The venue's figures now, on a connection of its own (the live meters refresh on a timer).</summary>
    public async Task<VenueOccupancy> ForVenueAsync(long venueId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ForVenueAsync(db, venueId, ct);
    }

    /// <summary>Entries and exits per local hour of one day, on a connection of its own.</summary>
    public async Task<IReadOnlyList<HourCount>> HourlyAsync(long venueId, DateOnly day, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await HourlyAsync(db, venueId, day, ct);
    }

    public async Task<VenueOccupancy> ForVenueAsync(FangkongDb db, long venueId, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct)
            ?? throw new NotFoundException("venueId", Messages.Get("Places.NoSuchVenue", venueId));
        var dayStart = clock.StartOfDayUtc(clock.Today);
        var inside = await db.Visits.CountAsync(v => v.VenueId == venueId && v.ExitedAtUtc == null, ct);
        var entries = await db.Visits.CountAsync(v => v.VenueId == venueId && v.EnteredAtUtc >= dayStart, ct);
        var denied = await db.GateEvents.CountAsync(e => e.VenueId == venueId && e.AtUtc >= dayStart && e.Outcome == Domain.Gate.GateOutcome.Deny, ct);
        return new VenueOccupancy(venue.Id, venue.Name, inside, venue.Capacity, entries, denied, clock.UtcNow);
    }

    /// <summary>Entries and exits per local hour of one day.</summary>
    public async Task<IReadOnlyList<HourCount>> HourlyAsync(FangkongDb db, long venueId, DateOnly day, CancellationToken ct)
    {
        var from = clock.StartOfDayUtc(day);
        var to = from.AddDays(1);
        var entries = await db.Visits.Where(v => v.VenueId == venueId && v.EnteredAtUtc >= from && v.EnteredAtUtc < to)
            .Select(v => v.EnteredAtUtc).ToListAsync(ct);
        var exits = await db.Visits.Where(v => v.VenueId == venueId && v.EnteredAtUtc >= from.AddDays(-1) && v.ExitedAtUtc >= from && v.ExitedAtUtc < to)
            .Select(v => v.ExitedAtUtc!.Value).ToListAsync(ct);
        var inBins = new int[24];
        var outBins = new int[24];
        foreach (var e in entries) inBins[clock.ToLocal(e).Hour]++;
        foreach (var x in exits) outBins[clock.ToLocal(x).Hour]++;
        return Enumerable.Range(0, 24).Select(h => new HourCount(h, inBins[h], outBins[h])).ToList();
    }
}

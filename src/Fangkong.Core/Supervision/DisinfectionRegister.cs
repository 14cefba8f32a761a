using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

public sealed record DisinfectionRequest(DateTime? At, string? Area, string? Agent, string? Person);

public sealed record DisinfectionView(long Id, long VenueId, DateTime AtUtc, string Area, string Agent, string Person);

/// <summary>A venue's register: its records, and today's required, due-by-now and recorded counts under its type's policy.</summary>
public sealed record DisinfectionRegisterView(long VenueId, string VenueName, VenueType Type, string DistrictCode, int RequiredToday, int DueByNow,
    int RecordedToday, int Missing, IReadOnlyList<DisinfectionView> Records, string PolicyVersion);

/// <summary>A venue short of its disinfection records by now: the alert the rule raises.</summary>
public sealed record DisinfectionAlertView(long VenueId, string VenueName, VenueType Type, string DistrictCode, int DueByNow, int Recorded, int Missing, DateTime? LastAtUtc);

/// <summary>
/// Disinfection records (issue 24 part 4): a venue's staff (its manager) or an inspector record area, agent, time and
/// person from a phone; the venue type's policy (Domain) says how many a day; a venue short by now is an alert, read live.
/// </summary>
public sealed class DisinfectionRegister(TimeOrderedIds ids, CityClock clock, DisinfectionPolicy policy)
{
    public const int MaxShort = 80, RegisterDays = 7;

    public async Task<DisinfectionView> RecordAsync(FangkongDb db, long userId, long venueId, DisinfectionRequest r, CancellationToken ct)
    {
        var venue = await VenueAsync(db, userId, venueId, ct);
        var now = clock.UtcNow;
        var at = r.At is { } a ? clock.AsUtc(a) : now;
        if (at > now.AddMinutes(5) || at < now.AddDays(-1)) throw new InputException("at", Messages.Get("Supervision.DisinfectionTime"));
        var record = new DisinfectionRecord
        {
            Id = ids.Next(),
            VenueId = venue.Id,
            DistrictCode = venue.DistrictCode,
            AtUtc = at,
            Area = ClosureOrders.Text(r.Area, "area", MaxShort),
            Agent = ClosureOrders.Text(r.Agent, "agent", MaxShort),
            Person = ClosureOrders.Text(r.Person, "person", MaxShort),
            RecordedByUserId = userId,
            RecordedAtUtc = now,
        };
        db.DisinfectionRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return new DisinfectionView(record.Id, record.VenueId, record.AtUtc, record.Area, record.Agent, record.Person);
    }

    public async Task<DisinfectionRegisterView> RegisterAsync(FangkongDb db, long userId, long venueId, CancellationToken ct)
    {
        var venue = await VenueAsync(db, userId, venueId, ct);
        var since = clock.UtcNow.AddDays(-RegisterDays);
        var records = await db.DisinfectionRecords.AsNoTracking().Where(d => d.VenueId == venue.Id && d.AtUtc >= since)
            .OrderByDescending(d => d.AtUtc).Select(d => new DisinfectionView(d.Id, d.VenueId, d.AtUtc, d.Area, d.Agent, d.Person)).ToListAsync(ct);
        var nowLocal = clock.LocalNow;
        var openedUtc = clock.ToUtc(GateWatch.OpenedAt(venue.Hours, nowLocal));
        var required = policy.Required(venue.Type);
        var recorded = records.Count(d => d.AtUtc >= openedUtc);
        var due = DisinfectionDue.DueBy(required, venue.Hours, nowLocal);
        return new DisinfectionRegisterView(venue.Id, venue.Name, venue.Type, venue.DistrictCode, required, due, recorded, Math.Max(0, due - recorded), records, policy.Version);
    }

    /// <summary>Venues in the caller's area (of the types the policy covers) short of their records by now, most missing first.</summary>
    public async Task<IReadOnlyList<DisinfectionAlertView>> MissingAsync(FangkongDb db, string? district, CancellationToken ct)
    {
        var types = policy.TimesPerDay.Where(t => t.Value > 0).Select(t => t.Key).ToList();
        var q = db.Venues.AsNoTracking().Where(v => types.Contains(v.Type));
        if (db.Area?.DistrictCode is { } own) q = q.Where(v => v.DistrictCode == own);
        if (!string.IsNullOrWhiteSpace(district)) q = q.Where(v => v.DistrictCode == district.Trim());
        var venues = await q.Select(v => new { v.Id, v.Name, v.Type, v.DistrictCode, v.Opens, v.Closes }).Take(20_000).ToListAsync(ct);
        var since = clock.UtcNow.AddDays(-1);
        var ids = venues.Select(v => v.Id).ToList();
        var records = (await db.DisinfectionRecords.AsNoTracking().Where(d => d.AtUtc >= since && ids.Contains(d.VenueId))
            .Select(d => new { d.VenueId, d.AtUtc }).ToListAsync(ct)).ToLookup(d => d.VenueId, d => d.AtUtc);
        var nowLocal = clock.LocalNow;
        var list = new List<DisinfectionAlertView>();
        foreach (var v in venues)
        {
            var hours = new OpeningHours(v.Opens, v.Closes);
            if (!hours.IsOpenAt(TimeOnly.FromDateTime(nowLocal))) continue;
            var opened = clock.ToUtc(GateWatch.OpenedAt(hours, nowLocal));
            var mine = records[v.Id].ToList();
            var recorded = mine.Count(t => t >= opened);
            var due = DisinfectionDue.DueBy(policy.Required(v.Type), hours, nowLocal);
            if (due > recorded)
                list.Add(new DisinfectionAlertView(v.Id, v.Name, v.Type, v.DistrictCode, due, recorded, due - recorded, mine.Count == 0 ? null : mine.Max()));
        }
        return [.. list.OrderByDescending(x => x.Missing).ThenBy(x => x.DistrictCode).ThenBy(x => x.VenueName, StringComparer.Ordinal)];
    }

    /// <summary>The venue, if the caller may record or read its register: a venue's manager only their own; others within their area.</summary>
    private static async Task<Places.Venue> VenueAsync(FangkongDb db, long userId, long venueId, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct)
            ?? throw new NotFoundException("venueId", Messages.Get("Supervision.NoSuchVenue", venueId));
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Role, u.VenueId }).FirstAsync(ct);
        if (user.Role == Roles.VenueManager && user.VenueId != venue.Id) throw new NotFoundException("venueId", Messages.Get("Supervision.NoSuchVenue", venueId));
        if (db.Area is { } area && area.DistrictCode != venue.DistrictCode) throw new NotFoundException("venueId", Messages.Get("Supervision.NoSuchVenue", venueId));
        return venue;
    }
}

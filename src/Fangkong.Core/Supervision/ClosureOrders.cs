using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

public sealed record ClosureRequest(string? Number, string? DistrictCode, VenueType[]? VenueTypes, long[]? VenueIds, DateTime? From, string? Text, string? Authority);

public sealed record ReopenRequest(string? Number, DateTime? From, string? Text, string? Authority);

public sealed record ClosureOrderView(long Id, ClosureKind Kind, string Number, string DistrictCode, IReadOnlyList<VenueType> VenueTypes,
    IReadOnlyList<ClosedVenueRef> Venues, DateTime FromUtc, string Text, string Authority, DateTime IssuedAtUtc,
    long? ReopensOrderId, long? ReopenedByOrderId, DateTime? ReopenedFromUtc, bool InForce);

public sealed record ClosedVenueRef(long Id, string Name);

/// <summary>A venue closed now, with the order that closes it: the list of what is closed where.</summary>
public sealed record ClosedVenueView(long VenueId, string VenueName, VenueType Type, string DistrictCode, long OrderId, string Number, string Authority, DateTime FromUtc);

/// <summary>
/// Closure orders (issue 24 part 3): a district closes venue types or named venues from an instant, with the order's
/// number, text and authority; reopening is an order too, naming the order it lifts. The gate reads them through
/// <see cref="ClosureGate"/>. A district's caller issues orders for their own district only.
/// </summary>
public sealed class ClosureOrders(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxShort = 80, MaxText = 2000, MaxVenues = 500;

    public async Task<ClosureOrderView> CloseAsync(FangkongDb db, long userId, ClosureRequest r, CancellationToken ct)
    {
        var number = Text(r.Number, "number", MaxShort);
        var district = await DistrictAsync(db, r.DistrictCode, ct);
        var types = (r.VenueTypes ?? []).Distinct().ToList();
        if (types.Any(t => !Enum.IsDefined(t))) throw new InputException("venueTypes", Messages.Get("Supervision.VenueType"));
        var venueIds = (r.VenueIds ?? []).Distinct().ToList();
        if (types.Count == 0 && venueIds.Count == 0) throw new InputException("venueTypes", Messages.Get("Supervision.NothingClosed"));
        if (venueIds.Count > MaxVenues) throw new InputException("venueIds", Messages.Get("Supervision.TooManyVenues", MaxVenues));
        var found = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id) && v.DistrictCode == district).Select(v => v.Id).ToListAsync(ct);
        if (venueIds.FirstOrDefault(id => !found.Contains(id)) is var missing && missing != 0)
            throw new InputException("venueIds", Messages.Get("Supervision.VenueNotInDistrict", missing));
        var from = From(r.From);
        var order = new ClosureOrder
        {
            Id = ids.Next(),
            Kind = ClosureKind.Close,
            Number = number,
            DistrictCode = district,
            VenueTypes = string.Join(',', types),
            FromUtc = from,
            Text = Text(r.Text, "text", MaxText),
            Authority = Text(r.Authority, "authority", MaxShort),
            IssuedByUserId = userId,
            IssuedAtUtc = clock.UtcNow,
        };
        db.ClosureOrders.Add(order);
        db.ClosureOrderVenues.AddRange(venueIds.Select(v => new ClosureOrderVenue { OrderId = order.Id, VenueId = v }));
        await db.SaveChangesAsync(ct);
        return await OneAsync(db, order.Id, ct);
    }

    public async Task<ClosureOrderView> ReopenAsync(FangkongDb db, long userId, long orderId, ReopenRequest r, CancellationToken ct)
    {
        var closing = await db.ClosureOrders.FirstOrDefaultAsync(o => o.Id == orderId && o.Kind == ClosureKind.Close, ct)
            ?? throw new NotFoundException("id", Messages.Get("Supervision.NoSuchOrder", orderId));
        if (db.Area is { } area && area.DistrictCode != closing.DistrictCode) throw new NotFoundException("id", Messages.Get("Supervision.NoSuchOrder", orderId));
        if (closing.ReopenedByOrderId is not null) throw new InputException("id", Messages.Get("Supervision.AlreadyReopened", closing.Number));
        var number = Text(r.Number, "number", MaxShort);
        var from = From(r.From);
        if (from < closing.FromUtc) throw new InputException("from", Messages.Get("Supervision.ReopenBeforeClose"));
        var reopen = new ClosureOrder
        {
            Id = ids.Next(),
            Kind = ClosureKind.Reopen,
            Number = number,
            DistrictCode = closing.DistrictCode,
            FromUtc = from,
            Text = Text(r.Text, "text", MaxText),
            Authority = Text(r.Authority, "authority", MaxShort),
            IssuedByUserId = userId,
            IssuedAtUtc = clock.UtcNow,
            ReopensOrderId = closing.Id,
        };
        db.ClosureOrders.Add(reopen);
        closing.ReopenedByOrderId = reopen.Id;
        closing.ReopenedFromUtc = from;
        await db.SaveChangesAsync(ct);
        return await OneAsync(db, reopen.Id, ct);
    }

    public async Task<IReadOnlyList<ClosureOrderView>> ListAsync(FangkongDb db, string? district, bool inForceOnly, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var q = db.ClosureOrders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(district)) q = q.Where(o => o.DistrictCode == district.Trim());
        if (inForceOnly) q = q.Where(o => o.Kind == ClosureKind.Close && o.FromUtc <= now && (o.ReopenedFromUtc == null || o.ReopenedFromUtc > now));
        var orders = await q.OrderByDescending(o => o.IssuedAtUtc).Take(1000).ToListAsync(ct);
        return await ViewsAsync(db, orders, ct);
    }

    public async Task<ClosureOrderView> OneAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var o = await db.ClosureOrders.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("id", Messages.Get("Supervision.NoSuchOrder", id));
        return (await ViewsAsync(db, [o], ct))[0];
    }

    /// <summary>Every venue an order in force closes now, in the caller's area: named venues and venues of the named types.</summary>
    public async Task<IReadOnlyList<ClosedVenueView>> ClosedVenuesAsync(FangkongDb db, string? district, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var orders = await ListAsync(db, district, inForceOnly: true, ct);
        var districts = orders.Select(o => o.DistrictCode).Distinct().ToList();
        var venues = await db.Venues.AsNoTracking().Where(v => districts.Contains(v.DistrictCode))
            .Select(v => new { v.Id, v.Name, v.Type, v.DistrictCode }).ToListAsync(ct);
        var terms = orders.Select(o => new ClosureTerms(o.Id, o.DistrictCode, o.VenueTypes, [.. o.Venues.Select(v => v.Id)], o.FromUtc, o.ReopenedFromUtc)).ToList();
        var byId = orders.ToDictionary(o => o.Id);
        var list = new List<ClosedVenueView>();
        foreach (var v in venues)
            if (Closures.Closing(v.Id, v.Type, v.DistrictCode, terms, now) is { } t)
                list.Add(new ClosedVenueView(v.Id, v.Name, v.Type, v.DistrictCode, t.OrderId, byId[t.OrderId].Number, byId[t.OrderId].Authority, t.FromUtc));
        return [.. list.OrderBy(x => x.DistrictCode).ThenBy(x => x.Type).ThenBy(x => x.VenueName, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<ClosureOrderView>> ViewsAsync(FangkongDb db, IReadOnlyList<ClosureOrder> orders, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var ids = orders.Select(o => o.Id).ToList();
        var named = (await (from x in db.ClosureOrderVenues.AsNoTracking()
                            join v in db.Venues on x.VenueId equals v.Id
                            where ids.Contains(x.OrderId)
                            select new { x.OrderId, v.Id, v.Name }).ToListAsync(ct)).ToLookup(x => x.OrderId);
        return [.. orders.Select(o => new ClosureOrderView(o.Id, o.Kind, o.Number, o.DistrictCode, o.Types(),
            [.. named[o.Id].Select(v => new ClosedVenueRef(v.Id, v.Name))], o.FromUtc, o.Text, o.Authority, o.IssuedAtUtc,
            o.ReopensOrderId, o.ReopenedByOrderId, o.ReopenedFromUtc,
            o.Kind == ClosureKind.Close && o.FromUtc <= now && (o.ReopenedFromUtc is not { } r || r > now)))];
    }

    /// <summary>The order's district: one that exists, and the caller's own when the caller is confined to a district.</summary>
    internal static async Task<string> DistrictAsync(FangkongDb db, string? code, CancellationToken ct)
    {
        var district = code?.Trim() ?? "";
        if (district.Length == 0 && db.Area?.DistrictCode is { } own) district = own;
        if (!await db.Districts.AnyAsync(d => d.Code == district, ct)) throw new InputException("districtCode", Messages.Get("Supervision.District"));
        if (db.Area is { } area && area.DistrictCode != district) throw new InputException("districtCode", Messages.Get("Supervision.OutsideArea"));
        return district;
    }

    private DateTime From(DateTime? from) => from is { } f ? clock.AsUtc(f) : throw new InputException("from", Messages.Get("Supervision.From"));

    internal static string Text(string? value, string field, int max)
    {
        var s = value?.Trim() ?? "";
        if (s.Length == 0) throw new InputException(field, Messages.Get("Supervision.Required"));
        if (s.Length > max) throw new InputException(field, Messages.Get("Supervision.TooLong", max));
        ControlCharacters.Check(s, field);
        return s;
    }
}

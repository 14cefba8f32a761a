using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Places;
using Fangkong.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

/// <summary>
/// Answers the gate's question (<see cref="IVenueClosures"/>): the orders in force in the group's districts, read in one
/// query (two when an order names venues) — a small table — and the rule in Domain picks the order closing each venue.
/// </summary>
public sealed class ClosureGate : IVenueClosures
{
    public IReadOnlyDictionary<long, VenueClosure> Closed(FangkongDb db, IReadOnlyCollection<Venue> venues, DateTime nowUtc)
    {
        var districts = venues.Select(v => v.DistrictCode).Distinct().ToList();
        var orders = db.ClosureOrders.AsNoTracking()
            .Where(o => o.Kind == ClosureKind.Close && districts.Contains(o.DistrictCode) && o.FromUtc <= nowUtc
                && (o.ReopenedFromUtc == null || o.ReopenedFromUtc > nowUtc))
            .ToList();
        if (orders.Count == 0) return new Dictionary<long, VenueClosure>();
        var ids = orders.Select(o => o.Id).ToList();
        var named = db.ClosureOrderVenues.AsNoTracking().Where(x => ids.Contains(x.OrderId)).ToList().ToLookup(x => x.OrderId, x => x.VenueId);
        var terms = orders.Select(o => new ClosureTerms(o.Id, o.DistrictCode, o.Types(), [.. named[o.Id]], o.FromUtc, o.ReopenedFromUtc)).ToList();
        var byId = orders.ToDictionary(o => o.Id);
        var closed = new Dictionary<long, VenueClosure>();
        foreach (var v in venues)
            if (Closures.Closing(v.Id, v.Type, v.DistrictCode, terms, nowUtc) is { } t)
                closed[v.Id] = new VenueClosure(t.OrderId, byId[t.OrderId].Number, byId[t.OrderId].Authority);
        return closed;
    }
}

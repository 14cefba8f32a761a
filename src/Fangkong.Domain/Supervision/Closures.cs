using Fangkong.Domain.Places;

namespace Fangkong.Domain.Supervision;

/// <summary>
/// A closure order in force as the rule sees it: a district's order closing venue types or named venues from an instant,
/// until an order reopens it (issue 24 part 3). Empty types and venues close nothing.
/// </summary>
public sealed record ClosureTerms(long OrderId, string DistrictCode, IReadOnlyCollection<VenueType> Types, IReadOnlyCollection<long> VenueIds,
    DateTime FromUtc, DateTime? ReopenedFromUtc);

/// <summary>Which order closes a venue now: the earliest in force that names it or its type in its district.</summary>
public static class Closures
{
    public static ClosureTerms? Closing(long venueId, VenueType type, string districtCode, IEnumerable<ClosureTerms> orders, DateTime nowUtc) =>
        orders.Where(o => InForce(o, nowUtc) && o.DistrictCode == districtCode && (o.VenueIds.Contains(venueId) || o.Types.Contains(type)))
            .OrderBy(o => o.FromUtc).ThenBy(o => o.OrderId).FirstOrDefault();

    public static bool InForce(ClosureTerms o, DateTime nowUtc) => o.FromUtc <= nowUtc && (o.ReopenedFromUtc is not { } r || r > nowUtc);
}

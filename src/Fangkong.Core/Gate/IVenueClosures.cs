using Fangkong.Core.Data;
using Fangkong.Core.Places;

namespace Fangkong.Core.Gate;

/// <summary>The closure order that closes a venue: its number and authority, for the gate's answer to name.</summary>
public sealed record VenueClosure(long OrderId, string Number, string Authority);

/// <summary>
/// The gate's one question to the closure orders (issue 24), which sit above it: which of a group's venues an order
/// closes now. Implemented by <c>Supervision.ClosureGate</c> and registered in CoreRegistration (ADR 0018's port pattern).
/// Synchronous: the gate's group runs on its lane's own thread (ADR 0032).
/// </summary>
public interface IVenueClosures
{
    IReadOnlyDictionary<long, VenueClosure> Closed(FangkongDb db, IReadOnlyCollection<Venue> venues, DateTime nowUtc);
}

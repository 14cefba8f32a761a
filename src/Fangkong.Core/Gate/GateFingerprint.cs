using Fangkong.Core.Common;

namespace Fangkong.Core.Gate;

/// <summary>
/// What makes two gate requests the same request, from the fields the stored event keeps: direction, the visitor (the
/// person the ID number or code resolves to), how they were identified, the temperature and the device's time. A retry
/// matches its first request; a reused key with anything else does not. (The name typed for a first-time visitor is
/// not kept per event and is not compared: it names the person, whom the document already identifies.)
/// </summary>
internal readonly record struct GateFingerprint(GateDirection Direction, long PersonId, EntryMethod Method, decimal? Temperature, long? DeviceTimeMicros)
{
    /// <remarks>A venue-code scan's direction is decided by the group: compared with a stored event, it takes that event's.</remarks>
    public static GateFingerprint Of(GateRequest r, EntryMethod method, long personId, GateDirection? stored = null) =>
        new(r.Direction == GateDirection.NextScan && stored is { } d ? d : r.Direction, personId, method, r.Temperature, Micros(r.DeviceTimeUtc));

    public static GateFingerprint Of(GateEvent e) =>
        new(e.Direction, e.PersonId ?? 0, e.Method, e.Temperature, Micros(e.DeviceTimeUtc));

    // PostgreSQL keeps microseconds; a retry must match what was stored, not the device's 100 ns ticks.
    private static long? Micros(DateTime? t) => t?.Ticks / 10;

    public static KeyReusedException Reused() => new("idempotencyKey", Messages.Get("Gate.KeyReused"));
}

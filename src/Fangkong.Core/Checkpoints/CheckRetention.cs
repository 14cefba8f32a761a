using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Checkpoints;

/// <summary>
/// Road checkpoints' checks older than <c>Policy:Retention:CheckpointDays</c> (default 28, like the gate's entries): the
/// passengers — names and ID numbers of travellers who are not the city's residents among them — and then the vehicles whose
/// passengers are gone, with their plates. Ids are time-ordered (ADR 0003), so the cut is a primary-key range. A returnee
/// registered from a check keeps its own record (Returnees); the pass uses keep only the vehicle's id.
/// </summary>
public sealed class CheckRetention(RetentionPolicy policy) : IRetentionClass
{
    public string Name => "checkpoint-checks";

    private long Bound(DateTime nowUtc) => TimeOrderedIds.LowerBound(nowUtc.AddDays(-policy.CheckpointDays));

    public async Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct)
    {
        var bound = Bound(nowUtc);
        return await db.PassengerChecks.LongCountAsync(p => p.Id < bound, ct) + await db.VehicleChecks.LongCountAsync(v => v.Id < bound && !db.PassengerChecks.Any(p => p.VehicleCheckId == v.Id && p.Id >= bound), ct);
    }

    public async Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct)
    {
        var bound = Bound(nowUtc);
        // Passengers first (the oldest, up to the batch's last id), then the vehicles left without passengers.
        var lastPassenger = await db.PassengerChecks.Where(p => p.Id < bound).OrderBy(p => p.Id).Take(batch).Select(p => (long?)p.Id).MaxAsync(ct);
        var deleted = lastPassenger is { } last ? await db.PassengerChecks.Where(p => p.Id <= last).ExecuteDeleteAsync(ct) : 0;
        if (deleted >= batch) return deleted;
        var lastVehicle = await db.VehicleChecks.Where(v => v.Id < bound && !db.PassengerChecks.Any(p => p.VehicleCheckId == v.Id))
            .OrderBy(v => v.Id).Take(batch - deleted).Select(v => (long?)v.Id).MaxAsync(ct);
        return deleted + (lastVehicle is { } end
            ? await db.VehicleChecks.Where(v => v.Id <= end && !db.PassengerChecks.Any(p => p.VehicleCheckId == v.Id)).ExecuteDeleteAsync(ct) : 0);
    }
}

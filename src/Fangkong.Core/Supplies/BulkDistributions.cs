using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

public sealed record DistributionRequest(long? ZoneId, long? PackId, int? PacksPerHousehold);

/// <summary>A zone in force a distribution can go to.</summary>
public sealed record DistributionZone(long Id, string Name, Domain.Zones.ZoneLevel Level, int Households);

public sealed record DistributionView(long Id, long ZoneId, long PackId, string Pack, int PacksPerHousehold, int Households, decimal WeightKg, DateTime AtUtc, string ByName);

/// <summary>
/// A district sends N packs to every household of a zone in one action (Liaoyuan: 71,000 vegetable packs): one free
/// order per household, each tracked through its steps like any other, special groups first in every queue. The
/// households are read and the orders written set by set — one query for the zone's households with their places and
/// ranks, then the orders and their lines in bulk (<see cref="DirectInserts"/>) in one transaction — so a zone of a
/// hundred thousand households takes seconds, not an order's round trips each.
/// </summary>
public sealed class BulkDistributions(SupplyPolicy policy, TimeOrderedIds ids, CityClock clock)
{
    /// <summary>The zones in force in the caller's area (ADR 0028), sealed first.</summary>
    public static async Task<IReadOnlyList<DistributionZone>> ZonesAsync(FangkongDb db, CancellationToken ct) =>
        await db.Zones.AsNoTracking().Where(z => z.State == Zones.ZoneState.Active).OrderByDescending(z => z.Level).ThenBy(z => z.Id)
            .Select(z => new DistributionZone(z.Id, z.Name, z.Level, z.Households)).Take(500).ToListAsync(ct);

    public async Task<DistributionView> SendAsync(FangkongDb db, SupplyActor actor, DistributionRequest body, CancellationToken ct)
    {
        if (actor.Role is not (Roles.Administrator or Roles.Epidemiologist)) throw new ForbiddenException(Messages.Get("Supplies.DistrictOnly"));
        var zoneId = body.ZoneId ?? throw new InputException("zoneId", Messages.Get("Supplies.ZoneRequired"));
        var packId = body.PackId ?? throw new InputException("packId", Messages.Get("Supplies.PackRequired"));
        if (body.PacksPerHousehold is not { } n || n < 1 || n > policy.MaxPacksPerHousehold)
            throw new InputException("packsPerHousehold", Messages.Get("Supplies.Quantity", policy.MaxPacksPerHousehold));
        // The zone as the caller's area sees it (ADR 0028): another district's zone is not found.
        var zone = await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId, ct)
            ?? throw new NotFoundException("zoneId", Messages.Get("Supplies.NoSuchZone"));
        if (zone.State != Zones.ZoneState.Active) throw new ConflictException(Messages.Get("Supplies.ZoneNotInForce"), "ZoneNotInForce");
        var pack = await db.SupplyPacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packId && p.Active, ct)
            ?? throw new NotFoundException("packId", Messages.Get("Supplies.NoSuchPack"));
        if (!await db.SupplierAreas.AnyAsync(a => a.SupplierId == pack.SupplierId && a.DistrictCode == zone.DistrictCode, ct))
            throw new InputException("packId", Messages.Get("Supplies.NotServed"));

        var households = await (from zh in db.ZoneHouseholds
                                where zh.ZoneId == zoneId
                                join h in db.Households on zh.HouseholdId equals h.Id
                                join u in db.Units on h.UnitId equals u.Id
                                join b in db.Buildings on u.BuildingId equals b.Id
                                join c in db.Compounds on b.CompoundId equals c.Id
                                join cm in db.Communities on c.CommunityId equals cm.Id
                                join s in db.Streets on cm.StreetId equals s.Id
                                join g in db.GridHouseholds on h.Id equals g.HouseholdId into grids
                                from g in grids.DefaultIfEmpty()
                                select new { h.Id, s.DistrictCode, CommunityId = cm.Id, CommunityName = cm.Name, GridId = (long?)g.GridId, Unit = (long?)g.JointUnitId })
            .Distinct().ToListAsync(ct);
        var groups = (await (from m in db.SpecialGroupMembers
                             where m.EndedAtUtc == null
                             join p in db.Persons on m.PersonId equals p.Id
                             join zh in db.ZoneHouseholds on p.HouseholdId equals zh.HouseholdId
                             where zh.ZoneId == zoneId
                             select new { zh.HouseholdId, m.Group }).ToListAsync(ct))
            .ToLookup(x => x.HouseholdId, x => x.Group);

        var now = clock.UtcNow;
        var distribution = new SupplyDistribution
        {
            Id = ids.Next(),
            ZoneId = zoneId,
            PackId = packId,
            PacksPerHousehold = n,
            Households = households.Count,
            ByUserId = actor.UserId,
            ByName = actor.Name,
            AtUtc = now,
        };
        var due = DeliveryDeadline.DueAt(now, policy.DeliveryHours);
        var orders = new List<SupplyOrder>(households.Count);
        var lines = new List<SupplyOrderLine>(households.Count);
        foreach (var h in households.DistinctBy(h => h.Id))
        {
            var order = new SupplyOrder
            {
                Id = ids.Next(),
                HouseholdId = h.Id,
                DistrictCode = h.DistrictCode,
                CommunityId = h.CommunityId,
                GridId = h.GridId,
                SupplierId = pack.SupplierId,
                Route = SupplyRouting.For(h.Unit is not null || GridDivision.IsVillage(h.CommunityName), enterprise: false),
                Channel = OrderChannel.Bulk,
                State = OrderState.Placed,
                Priority = SupplyPriority.Rank(groups[h.Id]),
                Free = true,
                Amount = 0,
                Packs = n,
                WeightKg = pack.WeightKg * n,
                PlacedAtUtc = now,
                DueAtUtc = due,
                PlacedByUserId = actor.UserId,
                PlacedByName = actor.Name,
                DistributionId = distribution.Id,
            };
            orders.Add(order);
            lines.Add(new SupplyOrderLine { OrderId = order.Id, PackId = packId, Quantity = n, WeightKg = pack.WeightKg, Price = 0 });
        }
        distribution.Households = orders.Count;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SupplyDistributions.Add(distribution);
        await db.SaveChangesAsync(ct);
        // The bulk insert bypasses SaveChanges, so the orders take their numbers here, in the same transaction.
        await RecordNumbers.AssignAsync(db, [.. orders], async: true, ct);
        await DirectInserts.InsertAsync(db, orders, ct);
        await DirectInserts.InsertAsync(db, lines, ct);
        await tx.CommitAsync(ct);
        return new DistributionView(distribution.Id, zoneId, packId, pack.Name, n, orders.Count, pack.WeightKg * n * orders.Count, now, actor.Name);
    }
}

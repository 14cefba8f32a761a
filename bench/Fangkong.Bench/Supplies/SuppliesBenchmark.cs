using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;

// The SQL below is built from numbers and constants of this file, never from input.
#pragma warning disable EF1002
using Fangkong.Core.Supplies;
using Fangkong.Core.Zones;
using Fangkong.Domain.Supplies;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Supplies;

/// <summary>
/// Supplies to sealed homes (issue 20): a district's bulk distribution to every household of a zone (100,000 by default)
/// through the use case, against one plain INSERT … SELECT of the same orders and lines; then a day of orders (50,000 by
/// default) placed one by one on households' behalf, accepted and handed over in bulk by the supplier and delivered door
/// by door, through the use cases, against plain SQL writing the same rows with the same commits (one per order, one per
/// bulk step, one per door). Both in the same run over the same store; the baseline's rows are taken out again.
/// </summary>
public static class SuppliesBenchmark
{
    private const long ZoneId = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var residents = a.Int("residents", 250_000);
        var households = a.Int("households", 100_000);
        var orders = a.Int("orders", 50_000);
        Console.WriteLine($"Supplies benchmark: {residents:N0} residents, a zone of {households:N0} households, a day of {orders:N0} orders, {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "supplies");
            await using var host = await BenchHost.StartAsync(storage, async _ =>
            {
                var watch = Stopwatch.StartNew();
                await DemoCitySeeder.SeedAsync(storage, new SeedOptions { Residents = residents, Days = 0 }, null, TimeProvider.System, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  city of {residents:N0} residents ready in {watch.Elapsed.TotalSeconds:F1} s"));
            });
            var sealedCount = await SealAsync(storage, households);
            Console.WriteLine($"  zone of {sealedCount:N0} households sealed");
            var services = host.Services;
            var rows = new List<(string Step, double Ms, int Rows)>();

            // Bulk distribution: the plain INSERT … SELECT first, taken out again, then the use case.
            await using (var db = new FangkongDb(storage.BuildOptions()))
            {
                var start = Stopwatch.GetTimestamp();
                var n = await SupplySql.DistributeAsync(db, ZoneId);
                rows.Add(("plain SQL: INSERT … SELECT of the orders and lines", Stopwatch.GetElapsedTime(start).TotalMilliseconds, n));
                await SupplySql.UndoAsync(db);
            }
            await using (var db = new FangkongDb(storage.BuildOptions()))
            {
                var actor = await SupplyActor.ForAsync(db, 3, default); // epi
                var start = Stopwatch.GetTimestamp();
                var d = await services.GetRequiredService<BulkDistributions>().SendAsync(db, actor, new DistributionRequest(ZoneId, 1, 1), default);
                rows.Add(("use case: bulk distribution to the zone", Stopwatch.GetElapsedTime(start).TotalMilliseconds, d.Households * 2));
            }

            // A day of orders: the plain SQL first (and out again), then the use cases.
            var day = await HouseholdsAsync(storage, orders);
            await using (var db = new FangkongDb(storage.BuildOptions()))
            {
                await db.SupplyPacks.ExecuteUpdateAsync(s => s.SetProperty(p => p.DailyStock, 10_000_000));
                var (place, steps, doors) = await SupplySql.DayAsync(db, day);
                rows.Add(("plain SQL: orders placed one by one", place, day.Count * 2));
                rows.Add(("plain SQL: accepted and handed over, 2,000 a step", steps, day.Count * 2));
                rows.Add(("plain SQL: delivered door by door", doors, day.Count));
                await SupplySql.UndoAsync(db);
            }
            var (uPlace, uSteps, uDoors) = await DayAsync(services, storage, day);
            rows.Add(("use case: orders placed one by one (on behalf)", uPlace, day.Count * 2));
            rows.Add(("use case: accepted and handed over, 2,000 a step", uSteps, day.Count * 2));
            rows.Add(("use case: delivered door by door, with proof", uDoors, day.Count));

            Console.WriteLine();
            Console.WriteLine($"### {provider}: {sealedCount:N0} households, {day.Count:N0} orders");
            Console.WriteLine("| step                                                   |        ms |  rows/s |");
            Console.WriteLine("|--------------------------------------------------------|-----------|---------|");
            foreach (var (step, ms, n) in rows)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step,-54} | {ms,9:F0} | {n / (ms / 1000),7:F0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| throughput ratio, use case / plain SQL: bulk {rows[0].Ms / rows[1].Ms:F2}, place {rows[2].Ms / rows[5].Ms:F2}, steps {rows[3].Ms / rows[6].Ms:F2}, doors {rows[4].Ms / rows[7].Ms:F2} |"));
        }
        return 0;
    }

    // The first households of the city sealed in one zone.
    private static async Task<int> SealAsync(StorageOptions storage, int households)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        var district = await db.Districts.OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var now = DateTime.UtcNow;
        db.Zones.Add(new Zone
        {
            Id = ZoneId,
            Name = "基准封控区",
            Level = ZoneLevel.Sealed,
            DistrictCode = district,
            State = ZoneState.Active,
            ProposedAtUtc = now,
            StartedAtUtc = now,
            LevelSince = DateOnly.FromDateTime(now),
            ReasonKey = "Zones.Reason.Officer",
            ReasonArgs = ["基准"],
            PolicyVersion = "bench",
            Households = households,
        });
        await db.SaveChangesAsync();
        return await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO zone_households ("ZoneId", "HouseholdId", "CompoundId")
            SELECT {ZoneId}, h."Id", b."CompoundId" FROM households h JOIN units u ON u."Id" = h."UnitId" JOIN buildings b ON b."Id" = u."BuildingId"
            ORDER BY h."Id" LIMIT {households}
            """);
    }

    private static async Task<List<long>> HouseholdsAsync(StorageOptions storage, int orders)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        return await db.ZoneHouseholds.Where(h => h.ZoneId == ZoneId && db.GridHouseholds.Any(g => g.HouseholdId == h.HouseholdId))
            .OrderBy(h => h.HouseholdId).Select(h => h.HouseholdId).Take(orders).ToListAsync();
    }

    private static async Task<(double Place, double Steps, double Doors)> DayAsync(IServiceProvider services, StorageOptions storage, List<long> day)
    {
        var place = services.GetRequiredService<SupplyOrders>();
        var steps = services.GetRequiredService<OrderSteps>();
        await using var db = new FangkongDb(storage.BuildOptions());
        // The demo accounts: 1 is the administrator (orders on households' behalf, carries to the doors), 13 the supermarket's supplier.
        var admin = await SupplyActor.ForAsync(db, 1, default);
        var supplier = await SupplyActor.ForAsync(db, 13, default);
        var ids = new List<long>(day.Count);
        var start = Stopwatch.GetTimestamp();
        foreach (var h in day)
        {
            var o = await place.PlaceAsync(db, admin, new OrderRequest(h, [new OrderItem(1, 1)], $"bench-order-{h}", null), default);
            ids.Add(o.Id);
            db.ChangeTracker.Clear();
        }
        var placeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        foreach (var to in new[] { OrderState.Accepted, OrderState.AtGate })
            foreach (var chunk in ids.Chunk(OrderSteps.MaxBulk))
            {
                await steps.SupplierStepAsync(db, supplier, new OrderStepRequest(chunk, to), default);
                db.ChangeTracker.Clear();
            }
        var stepMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        foreach (var id in ids)
        {
            await steps.DeliverAsync(db, admin, id, new DeliveryRequest(DeliveryProof.ResidentConfirmed, null), default);
            db.ChangeTracker.Clear();
        }
        return (placeMs, stepMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}

/// <summary>The baselines: the same rows written by plain SQL, no rule read, no view returned.</summary>
internal static class SupplySql
{
    public const string Marker = "bench-sql";

    public static async Task<int> DistributeAsync(FangkongDb db, long zoneId)
    {
        var now = DateTime.UtcNow;
        var first = TimeOrderedIds.LowerBound(now.AddYears(1));
        await using var tx = await db.Database.BeginTransactionAsync();
        var orders = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO supply_orders ("Id", "HouseholdId", "DistrictCode", "CommunityId", "GridId", "SupplierId", "Route", "Channel", "State", "Priority", "Free",
                "Amount", "Packs", "WeightKg", "PlacedAtUtc", "DueAtUtc", "PlacedByUserId", "PlacedByName", "Note", "Number")
            SELECT {first} + zh."HouseholdId", zh."HouseholdId", s."DistrictCode", c."Id", g."GridId", 1, 1, 3, 1, 0, TRUE, 0, 1, 6, {"{0}"}, {"{1}"}, 3, 'bench', '{Marker}', 'X' || zh."HouseholdId"
            FROM zone_households zh JOIN households h ON h."Id" = zh."HouseholdId" JOIN units u ON u."Id" = h."UnitId" JOIN buildings b ON b."Id" = u."BuildingId"
            JOIN compounds cp ON cp."Id" = b."CompoundId" JOIN communities c ON c."Id" = cp."CommunityId" JOIN streets s ON s."Id" = c."StreetId"
            LEFT JOIN grid_households g ON g."HouseholdId" = h."Id"
            WHERE zh."ZoneId" = {zoneId}
            """, now, now.AddHours(12));
        var lines = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO supply_order_lines ("OrderId", "PackId", "Quantity", "WeightKg", "Price")
            SELECT o."Id", 1, 1, 6, 0 FROM supply_orders o WHERE o."Note" = '{Marker}'
            """);
        await tx.CommitAsync();
        return orders + lines;
    }

    /// <summary>The day's orders as plain statements: an order and its line per commit, bulk updates per step, one update per door.</summary>
    public static async Task<(double Place, double Steps, double Doors)> DayAsync(FangkongDb db, List<long> households)
    {
        var places = await (from gh in db.GridHouseholds
                            where households.Contains(gh.HouseholdId)
                            join c in db.Communities on gh.CommunityId equals c.Id
                            join s in db.Streets on c.StreetId equals s.Id
                            select new { gh.HouseholdId, gh.CommunityId, gh.GridId, s.DistrictCode }).ToDictionaryAsync(x => x.HouseholdId);
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var first = TimeOrderedIds.LowerBound(DateTime.UtcNow.AddYears(2));
        var ids = new List<long>();
        var start = Stopwatch.GetTimestamp();
        await using (var insert = conn.CreateCommand())
        await using (var line = conn.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO supply_orders ("Id", "HouseholdId", "DistrictCode", "CommunityId", "GridId", "SupplierId", "Route", "Channel", "State", "Priority", "Free",
                    "Amount", "Packs", "WeightKg", "PlacedAtUtc", "DueAtUtc", "PlacedByUserId", "PlacedByName", "IdempotencyKey", "Note", "Number")
                VALUES (@id, @h, @d, @c, @g, 1, 1, 2, 1, 0, FALSE, 39, 1, 6, @at, @due, 1, 'bench', @key, 'bench-sql', @key)
                """;
            line.CommandText = """INSERT INTO supply_order_lines ("OrderId", "PackId", "Quantity", "WeightKg", "Price") VALUES (@id, 1, 1, 6, 39)""";
            foreach (var h in households)
            {
                var p = places[h];
                var id = first + h;
                await using var tx = await conn.BeginTransactionAsync();
                insert.Transaction = tx; line.Transaction = tx;
                insert.Parameters.Clear(); line.Parameters.Clear();
                Add(insert, "id", id); Add(insert, "h", h); Add(insert, "d", p.DistrictCode); Add(insert, "c", p.CommunityId); Add(insert, "g", p.GridId);
                Add(insert, "at", DateTime.UtcNow); Add(insert, "due", DateTime.UtcNow.AddHours(12)); Add(insert, "key", $"sql-{h}");
                Add(line, "id", id);
                await insert.ExecuteNonQueryAsync();
                await line.ExecuteNonQueryAsync();
                await tx.CommitAsync();
                ids.Add(id);
            }
        }
        var placeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        foreach (var state in new[] { OrderState.Accepted, OrderState.AtGate })
            foreach (var chunk in ids.Chunk(2000))
            {
                var list = string.Join(",", chunk.Select(x => x.ToString(CultureInfo.InvariantCulture)));
                var column = state == OrderState.Accepted ? "\"AcceptedAtUtc\"" : "\"AtGateAtUtc\"";
                await db.Database.ExecuteSqlRawAsync($"UPDATE supply_orders SET \"State\" = {(int)state}, {column} = {{0}} WHERE \"Id\" IN ({list})", DateTime.UtcNow);
            }
        var stepMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        await using (var door = conn.CreateCommand())
        {
            door.CommandText = """UPDATE supply_orders SET "State" = 5, "DeliveredAtUtc" = @at, "Proof" = 2, "DeliveredByUserId" = 1, "DeliveredByName" = 'bench' WHERE "Id" = @id""";
            foreach (var id in ids)
            {
                door.Parameters.Clear();
                Add(door, "at", DateTime.UtcNow); Add(door, "id", id);
                await door.ExecuteNonQueryAsync();
            }
        }
        return (placeMs, stepMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public static async Task UndoAsync(FangkongDb db)
    {
        await db.SupplyOrderLines.Where(l => db.SupplyOrders.Any(o => o.Id == l.OrderId && o.Note == Marker)).ExecuteDeleteAsync();
        await db.SupplyOrders.Where(o => o.Note == Marker).ExecuteDeleteAsync();
    }

    private static void Add(DbCommand c, string name, object? value)
    {
        var p = c.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        c.Parameters.Add(p);
    }
}

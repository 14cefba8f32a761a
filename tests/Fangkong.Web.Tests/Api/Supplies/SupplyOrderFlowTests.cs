using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Supplies;
using Fangkong.Domain.Community;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Supplies;

public sealed class SupplyOrderFlowTestsSqlite() : SupplyOrderFlowTests(StorageProvider.Sqlite);
public sealed class SupplyOrderFlowTestsPostgres() : SupplyOrderFlowTests(StorageProvider.Postgres);

/// <summary>
/// A sealed household's order to its door (issue 20): placed from the resident's phone, accepted and handed over by the
/// supplier, received at the gate and carried to the door with proof, inside the 12 hours; an order past them is raised
/// to the community and the district; figures equal their lists; bad input names its field and writes nothing.
/// </summary>
public abstract class SupplyOrderFlowTests(StorageProvider provider)
{
    [Fact]
    public async Task A_sealed_household_orders_and_the_order_reaches_the_door_with_proof_inside_the_deadline()
    {
        await using var host = await ApiHost.StartAsync(provider);
        await SupplyWorld.SealAsync(host);
        var resident = await host.LoginAsync("resident");

        var catalogue = await (await resident.GetAsync("/api/supplies/catalogue")).JsonAsync();
        Assert.Equal("蔬菜包", catalogue[0].GetProperty("packs")[0].GetProperty("name").GetString());

        var placed = await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("flow-key-0001"));
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = await placed.JsonAsync();
        var id = order.GetProperty("id").GetInt64();
        // The order is named by a short number people read out on the phone; the API keeps the id beside it.
        var number = order.GetProperty("number").GetString()!;
        Assert.Matches(@"^S\d{4}-0001$", number);
        Assert.Equal("Placed", order.GetProperty("state").GetString());
        Assert.Equal("CompoundGate", order.GetProperty("route").GetString());
        Assert.Equal(78m, order.GetProperty("amount").GetDecimal());
        // A double tap: the same key answers with the same order.
        var again = await (await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("flow-key-0001"))).JsonAsync();
        Assert.Equal(id, again.GetProperty("id").GetInt64());

        host.Time.Advance(TimeSpan.FromHours(1));
        var supplier = await host.LoginAsync("supplier");
        var queue = await (await supplier.GetAsync("/api/supplies/queue")).JsonAsync();
        Assert.Equal(id, queue.GetProperty("items")[0].GetProperty("id").GetInt64());
        // Found by its number as people type it: any case, no dash, no leading zeros.
        var typed = number.ToLowerInvariant().Replace("-0001", " 1", StringComparison.Ordinal);
        Assert.Equal(1, (await (await supplier.GetAsync($"/api/supplies/queue?q={Uri.EscapeDataString(typed)}")).JsonAsync()).GetProperty("total").GetInt64());
        Assert.Equal(0, (await (await supplier.GetAsync($"/api/supplies/queue?q={number[..6]}-0002")).JsonAsync()).GetProperty("total").GetInt64());
        var notANumber = await supplier.GetAsync("/api/supplies/queue?q=白菜");
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Contains("q", (await notANumber.JsonAsync()).ProblemFields());
        Assert.Equal(HttpStatusCode.OK, (await supplier.PostAsJsonAsync("/api/supplies/queue/step", new { orderIds = new[] { id }, to = "Accepted" })).StatusCode);
        host.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, (await supplier.PostAsJsonAsync("/api/supplies/queue/step", new { orderIds = new[] { id }, to = "AtGate" })).StatusCode);
        // Accepting again what is already at the gate cannot move it back.
        var back = await supplier.PostAsJsonAsync("/api/supplies/queue/step", new { orderIds = new[] { id }, to = "Accepted" });
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);

        var grid = await host.LoginAsync("grid");
        var run = await (await grid.GetAsync("/api/supplies/run")).JsonAsync();
        Assert.Equal(id, run.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(id, (await (await grid.GetAsync($"/api/supplies/run?q={number}")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync("/api/supplies/run/gate", new { orderIds = new[] { id } })).StatusCode);
        host.Time.Advance(TimeSpan.FromHours(1));
        var noPhoto = await grid.PostAsJsonAsync($"/api/supplies/orders/{id}/delivered", new { proof = "Photo" });
        Assert.Equal(HttpStatusCode.BadRequest, noPhoto.StatusCode);
        Assert.Contains("photo", (await noPhoto.JsonAsync()).ProblemFields());
        var delivered = await (await grid.PostAsJsonAsync($"/api/supplies/orders/{id}/delivered", new { proof = "Photo", photo = SupplyWorld.Photo })).JsonAsync();
        Assert.Equal("Delivered", delivered.GetProperty("state").GetString());
        Assert.False(delivered.GetProperty("late").GetBoolean());
        Assert.Equal("image/png", (await grid.GetAsync($"/api/supplies/orders/{id}/photo")).Content.Headers.ContentType?.MediaType);

        var mine = await (await resident.GetAsync("/api/supplies/me/orders")).JsonAsync();
        Assert.Equal("Delivered", mine[0].GetProperty("state").GetString());
        Assert.Equal(number, mine[0].GetProperty("number").GetString());
        var epi = await host.LoginAsync("epi");
        var found = await (await epi.GetAsync($"/api/supplies/orders?q={number}")).JsonAsync();
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetInt64());
        var csv = await (await epi.GetAsync($"/api/supplies/orders.csv?q={number}")).Content.ReadAsStringAsync();
        Assert.Contains(number, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), csv, StringComparison.Ordinal);
        await using var db = host.Db();
        var stored = await db.SupplyOrders.SingleAsync();
        Assert.True(stored.DeliveredAtUtc <= stored.DueAtUtc);
        Assert.Equal(stored.PlacedAtUtc.AddHours(1), stored.AcceptedAtUtc);
        Assert.NotNull(stored.PackedAtUtc);
        Assert.Equal(stored.PlacedAtUtc.AddHours(4), stored.DeliveredAtUtc);
        Assert.Equal(DeliveryProof.Photo, stored.Proof);
    }

    [Fact]
    public async Task An_order_past_twelve_hours_is_raised_to_the_community_and_the_district_and_the_figures_equal_their_lists()
    {
        await using var host = await ApiHost.StartAsync(provider);
        await SupplyWorld.SealAsync(host);
        var resident = await host.LoginAsync("resident");
        var id = (await (await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("late-key-0001"))).JsonAsync()).GetProperty("id").GetInt64();
        var officer = await host.LoginAsync("officer");
        Assert.Equal(0, (await (await officer.GetAsync("/api/supplies/overdue")).JsonAsync()).GetProperty("total").GetInt64());

        host.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        // Sessions end after hours: everyone signs in again on the next day's shift.
        officer = await host.LoginAsync("officer");
        resident = await host.LoginAsync("resident");
        var overdue = await (await officer.GetAsync("/api/supplies/overdue")).JsonAsync();
        Assert.Equal(id, overdue.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        var district = await host.LoginAsync("epi-x");
        Assert.Equal(1, (await (await district.GetAsync("/api/supplies/overdue")).JsonAsync()).GetProperty("total").GetInt64());

        // Delivered late: no longer overdue, counted as late.
        var supplier = await host.LoginAsync("supplier");
        await supplier.PostAsJsonAsync("/api/supplies/queue/step", new { orderIds = new[] { id }, to = "AtGate" });
        var resident2 = await resident.PostAsync($"/api/supplies/me/orders/{id}/received", null);
        Assert.Equal(HttpStatusCode.OK, resident2.StatusCode);
        var late = await resident2.JsonAsync();
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.Equal("ResidentConfirmed", late.GetProperty("proof").GetString());
        // Another order, still open and soon overdue.
        await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("late-key-0002", quantity: 1));
        host.Time.Advance(TimeSpan.FromHours(13));

        var figures = host.Services.GetRequiredService<SupplyFigures>();
        IReadOnlyList<SupplyFigure> counted;
        await using (var db = host.Db()) counted = await figures.CountAsync(db, null, default);
        var epi = await host.LoginAsync("epi");
        foreach (var f in counted.Where(f => f.Key is not ("supplies.packsDelivered" or "supplies.kgDelivered")))
        {
            var query = Query(f.Filter);
            var list = await (await epi.GetAsync("/api/supplies/orders" + query)).JsonAsync();
            Assert.True(f.Value == list.GetProperty("count").GetInt64(), $"{f.Key} = {f.Value}, its list {query} holds {list.GetProperty("count")}");
        }
        Assert.Equal(1, counted.Single(f => f.Key == "supplies.overdue").Value);
        Assert.Equal(1, counted.Single(f => f.Key == "supplies.late").Value);
        Assert.Equal(2, counted.Single(f => f.Key == "supplies.packsDelivered").Value);
        Assert.Equal(10, counted.Single(f => f.Key == "supplies.kgDelivered").Value);

        // The bulletin's press line: each figure equals the order list behind it.
        Fangkong.Domain.Command.BulletinFigures press;
        var clock = host.Services.GetRequiredService<Fangkong.Core.Common.CityClock>();
        await using (var db = host.Db())
            press = await Fangkong.Core.Command.BulletinPressFigures.AddAsync(db, clock,
                new Fangkong.Domain.Command.BulletinFigures { Day = clock.Today, Level = Fangkong.Domain.Command.BulletinLevel.City, AreaName = "辽源市", AreaEnglishName = "Liaoyuan" }, default);
        var filters = Fangkong.Core.Command.BulletinPressFigures.PressFilters(clock.Today);
        async Task<List<System.Text.Json.JsonElement>> ListAsync(OrderLineFilter f)
        {
            var page = await (await epi.GetAsync("/api/supplies/orders" + Query(f))).JsonAsync();
            Assert.False(page.GetProperty("countCapped").GetBoolean());
            return [.. page.GetProperty("items").EnumerateArray()];
        }
        var deliveredList = await ListAsync(filters.Delivered);
        Assert.Equal((await ListAsync(filters.Placed)).Count, press.SupplyOrders);
        Assert.Equal((await ListAsync(filters.Today)).Count, press.SupplyOrdersToday);
        Assert.Equal((await ListAsync(filters.Overdue)).Count, press.SupplyOrdersOverdue);
        Assert.Equal(deliveredList.Select(o => o.GetProperty("householdId").GetInt64()).Distinct().Count(), press.SupplyHouseholdsServed);
        Assert.Equal(deliveredList.Sum(o => o.GetProperty("packs").GetInt32()), press.SupplyPacksDelivered);
        Assert.Equal(deliveredList.Sum(o => o.GetProperty("weightKg").GetDecimal()), press.SupplyKgDelivered);
        Assert.Equal((2, 1, 2, 10m, 1), (press.SupplyOrders, press.SupplyHouseholdsServed, press.SupplyPacksDelivered, press.SupplyKgDelivered, press.SupplyOrdersOverdue));
        Assert.Contains("累计2单；已送达1户，配送物资包2份（10公斤），超时未送达1单", Fangkong.Domain.Command.BulletinCityChinese.Text(press), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_names_its_field_and_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync(provider);
        await SupplyWorld.SealAsync(host);
        var resident = await host.LoginAsync("resident");
        (object Body, string Field)[] cases =
        [
            (new { items = new[] { new { packId = 1, quantity = 1 } } }, "idempotencyKey"),
            (new { items = new[] { new { packId = 1, quantity = 1 } }, idempotencyKey = "短" }, "idempotencyKey"),
            (new { items = Array.Empty<object>(), idempotencyKey = "bad-key-0001" }, "items"),
            (new { items = new[] { new { packId = 1, quantity = 99 } }, idempotencyKey = "bad-key-0002" }, "items[0].quantity"),
            (new { items = new[] { new { packId = 1, quantity = 0 } }, idempotencyKey = "bad-key-0003" }, "items[0].quantity"),
            (new { items = new[] { new { packId = 424242, quantity = 1 } }, idempotencyKey = "bad-key-0004" }, "items[0].packId"),
            (new { items = new[] { new { packId = 1, quantity = 1 }, new { packId = 1, quantity = 2 } }, idempotencyKey = "bad-key-0005" }, "items[1].packId"),
            (new { items = new[] { new { packId = 1, quantity = 1 } }, idempotencyKey = "bad-key-0006", note = new string('长', 201) }, "note"),
        ];
        foreach (var (body, field) in cases)
        {
            var r = await resident.PostAsJsonAsync("/api/supplies/orders", body);
            Assert.True((int)r.StatusCode is 400 or 404, $"{field}: {(int)r.StatusCode}");
            Assert.Contains(field, (await r.JsonAsync()).ProblemFields());
        }
        var grid = await host.LoginAsync("grid");
        var noHousehold = await grid.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("bad-key-0007"));
        Assert.Contains("householdId", (await noHousehold.JsonAsync()).ProblemFields());
        var noProof = await grid.PostAsJsonAsync("/api/supplies/orders/1/delivered", new { });
        Assert.Contains("proof", (await noProof.JsonAsync()).ProblemFields());
        var noReason = await resident.PostAsJsonAsync("/api/supplies/orders/1/close", new { to = "Cancelled" });
        Assert.Contains("reason", (await noReason.JsonAsync()).ProblemFields());
        var admin = await host.LoginAsync("admin");
        var badPack = await admin.PostAsJsonAsync($"/api/supplies/suppliers/{Scenario.SupplierId}/packs", new { name = "米", kind = "Rice", weightKg = -1, price = 10, dailyStock = 5 });
        Assert.Contains("weightKg", (await badPack.JsonAsync()).ProblemFields());
        var badList = await admin.GetAsync("/api/supplies/orders?stat=Placed");
        Assert.Equal(HttpStatusCode.BadRequest, badList.StatusCode);

        await using var db = host.Db();
        Assert.Equal(0, await db.SupplyOrders.CountAsync());
        Assert.Equal(0, await db.SupplyOrderLines.CountAsync());
        Assert.Equal(1, await db.SupplyPacks.CountAsync());
    }

    [Fact]
    public async Task Only_confined_households_order_a_pack_is_never_oversold_and_a_resident_cancels_before_packing()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var resident = await host.LoginAsync("resident");
        await using (var db = host.Db())
            await db.Persons.Where(p => p.Id == host.Scenario.Alice.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HouseholdId, Scenario.HouseholdId));
        var free = await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("open-key-0001"));
        Assert.Equal(HttpStatusCode.Conflict, free.StatusCode);

        await SupplyWorld.SealAsync(host, Fangkong.Domain.Zones.ZoneLevel.Controlled);
        await using (var db = host.Db())
            await db.SupplyPacks.Where(p => p.Id == Scenario.PackId).ExecuteUpdateAsync(s => s.SetProperty(p => p.DailyStock, 3));
        var first = await (await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("stock-key-0001", quantity: 2))).JsonAsync();
        var soldOut = await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("stock-key-0002", quantity: 2));
        Assert.Equal(HttpStatusCode.Conflict, soldOut.StatusCode);
        var id = first.GetProperty("id").GetInt64();
        var cancelled = await (await resident.PostAsJsonAsync($"/api/supplies/orders/{id}/close", new { to = "Cancelled", reason = "邻居送来了" })).JsonAsync();
        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());
        // The cancelled packs are back in stock.
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("stock-key-0003", quantity: 3))).StatusCode);
        // Another supplier's account sees nothing of it.
        await using (var db = host.Db())
        {
            db.Suppliers.Add(new Supplier { Id = 2, Name = "大药房", Kind = SupplierKind.Pharmacy, CreatedAtUtc = host.Time.GetUtcNow().UtcDateTime });
            await db.SupplierAccounts.Where(a => a.UserId == 16).ExecuteUpdateAsync(s => s.SetProperty(a => a.SupplierId, 2L));
            await db.SaveChangesAsync();
        }
        var other = await host.LoginAsync("supplier");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/supplies/orders/{id}")).StatusCode);
        Assert.Equal(0, (await (await other.GetAsync("/api/supplies/queue")).JsonAsync()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_bulk_distribution_gives_every_household_of_the_zone_a_free_tracked_order_special_groups_first()
    {
        await using var host = await ApiHost.StartAsync(provider, s => s.TwoDistricts = true);
        await SupplyWorld.SealAsync(host);
        await using (var db = host.Db())
        {
            // Erin's household joins the zone, and Erin is on dialysis: her household goes first.
            db.ZoneHouseholds.Add(new Fangkong.Core.Zones.ZoneHousehold { ZoneId = SupplyWorld.ZoneId, HouseholdId = Scenario.ErinHouseholdId, CompoundId = 1 });
            db.SpecialGroupMembers.Add(new Fangkong.Core.Community.SpecialGroupMember
            {
                Id = 1,
                PersonId = Scenario.ErinId,
                Group = SpecialGroup.Dialysis,
                CommunityId = Scenario.CommunityId,
                ResponsibleName = "王丽",
                RegisteredByUserId = 10,
                RegisteredAtUtc = host.Time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var admin = await host.LoginAsync("admin-x");
        var resident = await host.LoginAsync("resident");
        // A resident orders while the district sends the bulk distribution: every order still gets a number of its own.
        var both = await Task.WhenAll(
            admin.PostAsJsonAsync("/api/supplies/distributions", new { zoneId = SupplyWorld.ZoneId, packId = Scenario.PackId, packsPerHousehold = 2 }),
            resident.PostAsJsonAsync("/api/supplies/orders", SupplyWorld.Order("bulk-key-0001", quantity: 1)));
        var sent = both[0];
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Created, both[1].StatusCode);
        await using (var db = host.Db())
        {
            var numbers = await db.SupplyOrders.Select(o => o.Number).ToListAsync();
            Assert.Equal(3, numbers.Count);
            Assert.Equal(["0001", "0002", "0003"], numbers.Select(n => n[^4..]).Order(StringComparer.Ordinal));
        }
        var d = await sent.JsonAsync();
        Assert.Equal(2, d.GetProperty("households").GetInt32());
        Assert.Equal(20m, d.GetProperty("weightKg").GetDecimal());

        var supplier = await host.LoginAsync("supplier");
        var queue = await (await supplier.GetAsync("/api/supplies/queue")).JsonAsync();
        var items = queue.GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        Assert.Equal(Scenario.ErinHouseholdId, items[0].GetProperty("householdId").GetInt64());
        Assert.True(items[0].GetProperty("special").GetBoolean());
        Assert.All(items.EnumerateArray().Where(i => i.GetProperty("channel").GetString() == "Bulk"), i => Assert.True(i.GetProperty("free").GetBoolean()));
        Assert.Equal(2, items.EnumerateArray().Count(i => i.GetProperty("channel").GetString() == "Bulk"));
        var list = await (await admin.GetAsync($"/api/supplies/orders?distributionId={d.GetProperty("id").GetInt64()}")).JsonAsync();
        Assert.Equal(2, list.GetProperty("count").GetInt64());
        // A district officer of another district cannot send to this zone.
        var other = await host.LoginAsync("epi-y");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/supplies/distributions", new { zoneId = SupplyWorld.ZoneId, packId = Scenario.PackId, packsPerHousehold = 1 })).StatusCode);
    }

    private static string Query(OrderLineFilter f)
    {
        var q = new List<string>();
        if (f.State is { } s) q.Add($"state={s}");
        if (f.Overdue is { } o) q.Add($"overdue={o}");
        if (f.Late is { } l) q.Add($"late={l}");
        if (f.District is { } d) q.Add($"district={d}");
        if (f.PlacedFrom is { } pf) q.Add($"placedFrom={pf:yyyy-MM-dd}");
        if (f.PlacedTo is { } pt) q.Add($"placedTo={pt:yyyy-MM-dd}");
        if (f.DeliveredFrom is { } df) q.Add($"deliveredFrom={df:yyyy-MM-dd}");
        if (f.DeliveredTo is { } dt) q.Add($"deliveredTo={dt:yyyy-MM-dd}");
        return q.Count == 0 ? "" : "?" + string.Join('&', q);
    }
}

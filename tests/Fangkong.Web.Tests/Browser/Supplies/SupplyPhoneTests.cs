using Fangkong.Core.Supplies;
using Fangkong.Core.Zones;
using Fangkong.Domain.Supplies;
using Fangkong.Domain.Zones;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Supplies;

/// <summary>Supplies to sealed homes on a 390-px phone (issue 20): a resident orders, a community worker marks a delivery run.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class SupplyPhoneTests(CityBrowserFixture app)
{
    private static async Task FitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{page.Url} is {width}px wide on a 390px phone");
    }

    [Fact]
    public async Task A_sealed_resident_orders_a_vegetable_pack_on_a_phone()
    {
        long household;
        const long zoneId = 996_001;
        await using (var db = app.Db())
        {
            var person = await db.Users.Where(u => u.UserName == "resident").Select(u => u.PersonId!.Value).SingleAsync();
            household = await db.Persons.Where(p => p.Id == person).Select(p => p.HouseholdId!.Value).SingleAsync();
            var compound = await (from h in db.Households where h.Id == household join u in db.Units on h.UnitId equals u.Id join b in db.Buildings on u.BuildingId equals b.Id select b.CompoundId).SingleAsync();
            var district = await db.Persons.Where(p => p.Id == person).Select(p => p.DistrictCode!).SingleAsync();
            var at = DateTime.UtcNow.AddDays(-1);
            db.Zones.Add(new Zone
            {
                Id = zoneId,
                Name = "物资测试封控区",
                Level = ZoneLevel.Sealed,
                DistrictCode = district,
                State = ZoneState.Active,
                ProposedAtUtc = at,
                StartedAtUtc = at,
                LevelSince = DateOnly.FromDateTime(at),
                ReasonKey = "Zones.Reason.Officer",
                ReasonArgs = ["物资测试"],
                PolicyVersion = "test",
                Households = 1,
                Residents = 1,
            });
            db.ZoneHouseholds.Add(new ZoneHousehold { ZoneId = zoneId, HouseholdId = household, CompoundId = compound });
            await db.SaveChangesAsync();
        }
        try
        {
            var page = await app.SignInAsync("resident");
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/me/supplies");
            await Expect(page.Locator("[data-testid=supplier]").First).ToBeVisibleAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("物资保供");
            await FitsThePhoneAsync(page);
            await page.Locator("[data-testid=pack-qty]").First.FillAsync("2");
            await page.Locator("[data-testid=order-note]").FillAsync("放门口，先打电话");
            await page.Locator("[data-testid=order-submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=order-message]")).ToContainTextAsync("已下单");
            await Expect(page.Locator("[data-testid=order]").First).ToHaveAttributeAsync("data-state", "Placed");
            await FitsThePhoneAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "supplies-resident-order.png"), FullPage = true });

            await using var db = app.Db();
            var order = await db.SupplyOrders.Where(o => o.HouseholdId == household).OrderByDescending(o => o.Id).FirstAsync();
            Assert.Equal((OrderState.Placed, OrderChannel.Resident, 2, "放门口，先打电话"), (order.State, order.Channel, order.Packs, order.Note));
            Assert.Equal(order.PlacedAtUtc.AddHours(12), order.DueAtUtc);
        }
        finally
        {
            // The shared city goes back to how the other tests expect it: no zone of this test's in force.
            await using var db = app.Db();
            await db.Zones.Where(z => z.Id == zoneId).ExecuteUpdateAsync(s => s.SetProperty(z => z.State, ZoneState.Lifted).SetProperty(z => z.EndedAtUtc, DateTime.UtcNow));
        }
    }

    [Fact]
    public async Task A_grid_worker_ticks_the_gate_and_a_door_on_a_delivery_run()
    {
        const long arriving = 997_000_001, atGate = 997_000_002;
        await using (var db = app.Db())
        {
            var grid = await db.Users.Where(u => u.UserName == "grid").Select(u => u.JurisdictionId!.Value).SingleAsync();
            var rows = await db.GridHouseholds.Where(h => h.GridId == grid).OrderBy(h => h.HouseholdId).Take(2).ToListAsync();
            var district = await (from c in db.Communities where c.Id == rows[0].CommunityId join s in db.Streets on c.StreetId equals s.Id select s.DistrictCode).SingleAsync();
            var now = DateTime.UtcNow.AddHours(-3);
            SupplyOrder Order(long id, int i, OrderState state) => new()
            {
                Id = id,
                HouseholdId = rows[i].HouseholdId,
                DistrictCode = district,
                CommunityId = rows[i].CommunityId,
                GridId = grid,
                SupplierId = 1,
                Route = DeliveryRoute.CompoundGate,
                Channel = OrderChannel.OnBehalf,
                State = state,
                Priority = i == 1 ? 3 : 0,
                Packs = 1,
                WeightKg = 6,
                Amount = 39,
                PlacedAtUtc = now,
                DueAtUtc = now.AddHours(12),
                AcceptedAtUtc = now,
                PackedAtUtc = now,
                AtGateAtUtc = state == OrderState.AtGate ? now : null,
                PlacedByUserId = 11,
                PlacedByName = "王丽",
            };
            db.SupplyOrders.AddRange(Order(arriving, 0, OrderState.Packed), Order(atGate, 1, OrderState.AtGate));
            db.SupplyOrderLines.AddRange(new SupplyOrderLine { OrderId = arriving, PackId = 1, Quantity = 1, WeightKg = 6, Price = 39 },
                new SupplyOrderLine { OrderId = atGate, PackId = 1, Quantity = 1, WeightKg = 6, Price = 39 });
            await db.SaveChangesAsync();
        }

        var page = await app.SignInAsync("grid");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/supplies/run");
        await Expect(page.Locator($"[data-testid=order][data-id='{atGate}'] [data-testid=order-special]")).ToBeVisibleAsync();
        await FitsThePhoneAsync(page);
        await page.Locator($"[data-testid=order][data-id='{arriving}'] [data-testid=order-pick]").CheckAsync();
        await page.Locator("[data-testid=gate-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=run-message]")).ToHaveTextAsync("1单已到门口。");
        await Expect(page.Locator($"[data-testid=order][data-id='{arriving}']")).ToHaveAttributeAsync("data-state", "AtGate");

        // The worker reads the order's number, not its id.
        var number = await page.Locator($"[data-testid=order][data-id='{atGate}'] [data-testid=order-number]").InnerTextAsync();
        Assert.Matches(@"^S\d{4}-\d{4}$", number);
        await page.Locator($"[data-testid=order][data-id='{atGate}'] [data-testid=door-delivered]").ClickAsync();
        await Expect(page.Locator("[data-testid=run-message]")).ToHaveTextAsync($"订单{number}已送达。");
        await Expect(page.Locator($"[data-testid=order][data-id='{atGate}']")).ToHaveCountAsync(0);
        await FitsThePhoneAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "supplies-delivery-run.png"), FullPage = true });

        await using (var db = app.Db())
        {
            var done = await db.SupplyOrders.SingleAsync(o => o.Id == atGate);
            Assert.Equal((OrderState.Delivered, DeliveryProof.ResidentConfirmed), (done.State, done.Proof));
            Assert.Equal(OrderState.AtGate, (await db.SupplyOrders.SingleAsync(o => o.Id == arriving)).State);
        }
    }
}

using Fangkong.Core.Data;
using Fangkong.Core.Supplies;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// The demo city's suppliers (issue 20): a supermarket chain, the wholesale market and a pharmacy chain serving every
/// district, with the packs sealed homes ordered in 2022 — vegetable packs with their contents, rice, flour, oil, eggs
/// and medicines by name — and the demo supplier account working for the supermarket.
/// </summary>
internal static class DemoSupplies
{
    public static async Task SeedAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct)
    {
        var districts = await db.Districts.Select(d => d.Code).ToListAsync(ct);
        (long Id, string Name, SupplierKind Kind, string Phone)[] suppliers =
        [
            (1, "欧亚超市", SupplierKind.Supermarket, "0437-3222000"),
            (2, "辽源市农产品批发市场", SupplierKind.WholesaleMarket, "0437-3555100"),
            (3, "益丰大药房", SupplierKind.Pharmacy, "0437-3666200"),
        ];
        foreach (var s in suppliers)
        {
            db.Suppliers.Add(new Supplier { Id = s.Id, Name = s.Name, Kind = s.Kind, Phone = s.Phone, CreatedAtUtc = nowUtc });
            db.SupplierAreas.AddRange(districts.Select(d => new SupplierArea { SupplierId = s.Id, DistrictCode = d }));
        }
        (long Supplier, string Name, PackKind Kind, string? Contents, decimal Kg, decimal Price, int Stock)[] packs =
        [
            (1, "蔬菜包（家庭装）", PackKind.Vegetables, "白菜2kg、土豆1.5kg、胡萝卜1kg、洋葱0.5kg、西红柿1kg", 6m, 39m, 5000),
            (1, "大米", PackKind.Rice, "东北长粒香 10kg", 10m, 55m, 2000),
            (1, "面粉", PackKind.Flour, "雪花粉 5kg", 5m, 25m, 2000),
            (1, "豆油", PackKind.Oil, "非转基因大豆油 5L", 4.6m, 65m, 1000),
            (2, "蔬菜包（平价）", PackKind.Vegetables, "白菜2.5kg、土豆2kg、萝卜1kg", 5.5m, 29m, 10000),
            (2, "鸡蛋", PackKind.Other, "鲜鸡蛋 2.5kg", 2.5m, 28m, 3000),
            (3, "连花清瘟胶囊", PackKind.Medicine, "0.35g×24粒", 0.1m, 28m, 800),
            (3, "布洛芬缓释胶囊", PackKind.Medicine, "0.3g×20粒", 0.05m, 18m, 800),
            (3, "硝苯地平控释片", PackKind.Medicine, "降压药 30mg×7片", 0.05m, 32m, 500),
            (3, "血糖试纸", PackKind.Medicine, "50片/盒", 0.1m, 45m, 300),
        ];
        db.SupplyPacks.AddRange(packs.Select((p, i) => new SupplyPack
        {
            Id = i + 1,
            SupplierId = p.Supplier,
            Name = p.Name,
            Kind = p.Kind,
            Contents = p.Contents,
            WeightKg = p.Kg,
            Price = p.Price,
            DailyStock = p.Stock,
        }));
        db.SupplierAccounts.Add(new SupplierAccount { UserId = DemoAccounts.SupplierUserId, SupplierId = 1 });
        await db.SaveChangesAsync(ct);
    }
}

using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

public sealed record PackView(long Id, long SupplierId, string Name, PackKind Kind, string? Contents, decimal WeightKg, decimal Price, int DailyStock, int LeftToday);

public sealed record SupplierView(long Id, string Name, SupplierKind Kind, string? Phone, IReadOnlyList<string> Districts, IReadOnlyList<PackView> Packs);

public sealed record SupplierRequest(string? Name, SupplierKind? Kind, string? Phone, IReadOnlyList<string>? Districts);

public sealed record PackRequest(string? Name, PackKind? Kind, string? Contents, decimal? WeightKg, decimal? Price, int? DailyStock);

public sealed record SupplierAccountRequest(string? UserName);

/// <summary>
/// Suppliers (supermarket chains, wholesale markets, pharmacies), the districts they serve, and the packs they offer
/// with their contents, weight, price (or free) and stock per day. Administrators register suppliers and link their
/// accounts; a supplier's account keeps its own packs.
/// </summary>
public sealed class SupplyCatalogue(TimeOrderedIds ids, CityClock clock)
{
    /// <summary>What a household may order: the packs of the suppliers serving its district, with what is left today.</summary>
    public async Task<IReadOnlyList<SupplierView>> ForHouseholdAsync(FangkongDb db, SupplyActor actor, long? householdId, CancellationToken ct)
    {
        long household;
        if (actor.Role == Roles.Resident) household = await SupplyOrders.OwnHouseholdAsync(db, actor, ct);
        else household = householdId is { } h
            ? (await actor.Staff.HouseholdAsync(db, h, "householdId", ct)).HouseholdId
            : throw new InputException("householdId", Messages.Get("Supplies.HouseholdRequired"));
        var district = (await HouseholdPlaces.OfAsync(db, [household], ct)).GetValueOrDefault(household)?.DistrictCode
            ?? throw new NotFoundException("householdId", Messages.Get("Supplies.NoSuchHousehold"));
        return await ViewsAsync(db, db.Suppliers.Where(s => db.SupplierAreas.Any(a => a.SupplierId == s.Id && a.DistrictCode == district)), true, ct);
    }

    /// <summary>Every supplier (administrators, epidemiologists), or the supplier's own.</summary>
    public async Task<IReadOnlyList<SupplierView>> ListAsync(FangkongDb db, SupplyActor actor, CancellationToken ct) =>
        await ViewsAsync(db, actor.SupplierId is { } own ? db.Suppliers.Where(s => s.Id == own) : db.Suppliers, false, ct);

    public async Task<SupplierView> AddSupplierAsync(FangkongDb db, SupplierRequest body, CancellationToken ct)
    {
        var name = Text(body.Name, "name", 100);
        var kind = body.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputException("kind", Messages.Get("Supplies.KindRequired"));
        var phone = body.Phone?.Trim();
        if (phone is { Length: > 0 } && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ') || phone is { Length: > 20 })
            throw new InputException("phone", Messages.Get("Supplies.Phone"));
        var districts = (body.Districts ?? []).Select(d => d?.Trim() ?? "").Distinct().ToList();
        if (districts.Count == 0) throw new InputException("districts", Messages.Get("Supplies.DistrictsRequired"));
        var known = await db.Districts.Where(d => districts.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct);
        if (districts.FirstOrDefault(d => !known.Contains(d)) is { } unknown) throw new InputException("districts", Messages.Get("Supplies.NoSuchDistrict", unknown));
        var supplier = new Supplier { Id = ids.Next(), Name = name, Kind = kind, Phone = string.IsNullOrEmpty(phone) ? null : phone, CreatedAtUtc = clock.UtcNow };
        db.Suppliers.Add(supplier);
        db.SupplierAreas.AddRange(districts.Select(d => new SupplierArea { SupplierId = supplier.Id, DistrictCode = d }));
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, db.Suppliers.Where(s => s.Id == supplier.Id), false, ct))[0];
    }

    /// <summary>A pack added to a supplier's catalogue: by an administrator, or by the supplier's own account.</summary>
    public async Task<PackView> AddPackAsync(FangkongDb db, SupplyActor actor, long supplierId, PackRequest body, CancellationToken ct)
    {
        if (actor.SupplierId is { } own && own != supplierId || !await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
            throw new NotFoundException("supplierId", Messages.Get("Supplies.NoSuchSupplier"));
        var name = Text(body.Name, "name", 100);
        var kind = body.Kind is { } k && Enum.IsDefined(k) ? k : throw new InputException("kind", Messages.Get("Supplies.KindRequired"));
        var contents = body.Contents?.Trim();
        if (contents is { Length: > 500 }) throw new InputException("contents", Messages.Get("Supplies.NoteTooLong", 500));
        ControlCharacters.Check(contents, "contents");
        if (body.WeightKg is not { } w || w <= 0 || w > 1000) throw new InputException("weightKg", Messages.Get("Supplies.Weight"));
        if (body.Price is not { } price || price < 0 || price > 100_000) throw new InputException("price", Messages.Get("Supplies.Price"));
        if (body.DailyStock is not { } stock || stock < 0 || stock > 10_000_000) throw new InputException("dailyStock", Messages.Get("Supplies.Stock"));
        var pack = new SupplyPack
        {
            Id = ids.Next(),
            SupplierId = supplierId,
            Name = name,
            Kind = kind,
            Contents = string.IsNullOrEmpty(contents) ? null : contents,
            WeightKg = w,
            Price = price,
            DailyStock = stock,
        };
        db.SupplyPacks.Add(pack);
        await db.SaveChangesAsync(ct);
        return new PackView(pack.Id, supplierId, pack.Name, pack.Kind, pack.Contents, pack.WeightKg, pack.Price, pack.DailyStock, pack.DailyStock);
    }

    /// <summary>Links an account of role supplier to the supplier it works for.</summary>
    public static async Task LinkAccountAsync(FangkongDb db, long supplierId, SupplierAccountRequest body, CancellationToken ct)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct)) throw new NotFoundException("supplierId", Messages.Get("Supplies.NoSuchSupplier"));
        var name = body.UserName?.Trim();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, ct)
            ?? throw new NotFoundException("userName", Messages.Get("Supplies.NoSuchAccount"));
        if (user.Role != Roles.Supplier) throw new InputException("userName", Messages.Get("Supplies.NotASupplierAccount"));
        var link = await db.SupplierAccounts.FirstOrDefaultAsync(a => a.UserId == user.Id, ct);
        if (link is null) db.SupplierAccounts.Add(new SupplierAccount { UserId = user.Id, SupplierId = supplierId });
        else link.SupplierId = supplierId;
        await db.SaveChangesAsync(ct);
    }

    private async Task<IReadOnlyList<SupplierView>> ViewsAsync(FangkongDb db, IQueryable<Supplier> suppliers, bool activeOnly, CancellationToken ct)
    {
        var list = await suppliers.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var ids = list.Select(s => s.Id).ToList();
        var areas = (await db.SupplierAreas.AsNoTracking().Where(a => ids.Contains(a.SupplierId)).ToListAsync(ct)).ToLookup(a => a.SupplierId, a => a.DistrictCode);
        var packs = await db.SupplyPacks.AsNoTracking().Where(p => ids.Contains(p.SupplierId) && (!activeOnly || p.Active)).OrderBy(p => p.Id).ToListAsync(ct);
        var packIds = packs.Select(p => p.Id).ToList();
        var start = clock.StartOfDayUtc(clock.Today);
        var taken = await (from l in db.SupplyOrderLines
                           join o in db.SupplyOrders.IgnoreQueryFilters() on l.OrderId equals o.Id
                           where packIds.Contains(l.PackId) && o.PlacedAtUtc >= start && o.State != OrderState.Cancelled && o.State != OrderState.Failed
                               && o.Channel != OrderChannel.Bulk
                           group l by l.PackId into g
                           select new { g.Key, N = g.Sum(x => x.Quantity) }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var bySupplier = packs.ToLookup(p => p.SupplierId);
        return list.Select(s => new SupplierView(s.Id, s.Name, s.Kind, s.Phone, areas[s.Id].Order(StringComparer.Ordinal).ToList(),
            bySupplier[s.Id].Select(p => new PackView(p.Id, p.SupplierId, p.Name, p.Kind, p.Contents, p.WeightKg, p.Price, p.DailyStock,
                Math.Max(0, p.DailyStock - taken.GetValueOrDefault(p.Id)))).ToList())).ToList();
    }

    private static string Text(string? value, string field, int max)
    {
        var t = value?.Trim();
        if (string.IsNullOrEmpty(t)) throw new InputException(field, Messages.Get("Supplies.NameRequired"));
        if (t.Length > max) throw new InputException(field, Messages.Get("Supplies.NoteTooLong", max));
        ControlCharacters.Check(t, field);
        return t;
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.People;

/// <summary>A person as lists show them: masked unless the caller is entitled to and asks for the full record.</summary>
public sealed record PersonSummary(long Id, string Name, string DocumentType, string DocumentNumber, string? Phone, string Sex,
    DateOnly? BirthDate, string? Address, CodeColour Colour);

public sealed class PersonDirectory
{
    /// <summary>Search by name prefix, exact document number, or exact phone (see <see cref="PersonSearch"/>); masked.</summary>
    public async Task<Page<PersonSummary>> SearchAsync(FangkongDb db, string? q, int page, int size, CancellationToken ct)
    {
        var query = PersonSearch.Apply(db.Persons.AsNoTracking(), q);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderBy(p => p.Id).Skip((page - 1) * size).Take(size)
            .Select(p => new { p, Colour = db.Colours.Where(h => h.PersonId == p.Id).Select(h => (CodeColour?)h.Colour).FirstOrDefault() })
            .ToListAsync(ct);
        var items = rows.Select(r => Summarise(r.p, r.Colour ?? CodeColour.Green, null, mask: true)).ToList();
        return new Page<PersonSummary>(items, page, size, total);
    }

    public async Task<PersonSummary> GetAsync(FangkongDb db, long id, bool mask, CancellationToken ct)
    {
        var p = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("id", Messages.Get("People.NoSuchPerson"));
        var colour = await db.Colours.Where(h => h.PersonId == id).Select(h => (CodeColour?)h.Colour).FirstOrDefaultAsync(ct) ?? CodeColour.Green;
        return Summarise(p, colour, await AddressAsync(db, p.HouseholdId, ct), mask);
    }

    /// <summary>The district each person's household lies in; persons without a household are absent.</summary>
    public static async Task<Dictionary<long, string>> DistrictsAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        var rows = await (from p in db.Persons
                          where personIds.Contains(p.Id)
                          join h in db.Households on p.HouseholdId equals h.Id
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          join c in db.Compounds on b.CompoundId equals c.Id
                          join cm in db.Communities on c.CommunityId equals cm.Id
                          join s in db.Streets on cm.StreetId equals s.Id
                          select new { p.Id, s.DistrictCode }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.DistrictCode);
    }

    /// <summary>"龙山区 向阳街道 福镇社区 福民小区 3栋 2单元 301" for a household.</summary>
    public static async Task<string?> AddressAsync(FangkongDb db, long? householdId, CancellationToken ct) =>
        householdId is { } id ? (await AddressesAsync(db, [id], ct)).GetValueOrDefault(id) : null;

    /// <summary>The addresses of many households in one query, by household.</summary>
    public static async Task<Dictionary<long, string>> AddressesAsync(FangkongDb db, IReadOnlyCollection<long> householdIds, CancellationToken ct)
    {
        var rows = await (from h in db.Households
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          join c in db.Compounds on b.CompoundId equals c.Id
                          join cm in db.Communities on c.CommunityId equals cm.Id
                          join s in db.Streets on cm.StreetId equals s.Id
                          join d in db.Districts on s.DistrictCode equals d.Code
                          where householdIds.Contains(h.Id)
                          select new { h.Id, District = d.Name, Street = s.Name, Community = cm.Name, Compound = c.Name, Building = b.Number, Unit = u.Number, Door = h.Number })
            .ToListAsync(ct);
        return rows.ToDictionary(a => a.Id, a => $"{a.District} {a.Street} {a.Community} {a.Compound} {a.Building}栋 {a.Unit}单元 {a.Door}");
    }

    private static PersonSummary Summarise(Person p, CodeColour colour, string? address, bool mask) => new(
        p.Id,
        mask ? Masking.Name(p.Name) : p.Name,
        p.DocumentType.ToString(),
        mask ? Masking.DocumentNumber(p.DocumentNumber) : p.DocumentNumber,
        mask ? Masking.Phone(p.Phone) : p.Phone,
        p.Sex == Sex.Male ? "男" : "女",
        mask ? null : p.BirthDate,
        mask ? null : address,
        colour);
}

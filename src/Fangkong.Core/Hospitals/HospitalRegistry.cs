using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Hospitals;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Hospitals;

/// <summary>A ward as the administrator enters it: its name and how many beds, numbered 1 to N.</summary>
public sealed record WardInput(string? Name, int? Beds);

public sealed record NewHospital(string? Name, HospitalKind? Kind, string? DistrictCode, string? Address, IReadOnlyList<WardInput>? Wards);

/// <summary>A hospital with its beds and what is taken: capacity, cases in beds now, free beds.</summary>
public sealed record HospitalView(long Id, string Name, HospitalKind Kind, string DistrictCode, string? Address, int Wards, int Beds, int Occupied, int Free);

public sealed record HospitalName(long Id, string Name, HospitalKind Kind);

/// <summary>Hospitals that take cases, with their wards and beds; occupancy counts only cases in a bed now.</summary>
public sealed class HospitalRegistry(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxWards = 200;
    public const int MaxBedsPerWard = 2000;

    public async Task<HospitalView> CreateAsync(FangkongDb db, NewHospital r, CancellationToken ct)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) throw new InputException("name", Messages.Get("Hospitals.NameLength"));
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) throw new InputException("kind", Messages.Get("Hospitals.KindRequired"));
        var district = r.DistrictCode?.Trim() ?? "";
        if (!await db.Districts.AnyAsync(d => d.Code == district, ct)) throw new InputException("districtCode", Messages.Get("Hospitals.UnknownDistrict"));
        if (await db.Hospitals.AnyAsync(h => h.Name == name, ct)) throw new InputException("name", Messages.Get("Hospitals.NameTaken", name));
        if (r.Wards is null || r.Wards.Count is 0 or > MaxWards) throw new InputException("wards", Messages.Get("Hospitals.WardCount", MaxWards));
        var names = new HashSet<string>();
        for (var i = 0; i < r.Wards.Count; i++)
        {
            var ward = r.Wards[i].Name?.Trim();
            if (string.IsNullOrEmpty(ward) || ward.Length > 32) throw new InputException($"wards[{i}].name", Messages.Get("Hospitals.WardNameLength"));
            if (!names.Add(ward)) throw new InputException($"wards[{i}].name", Messages.Get("Hospitals.WardListedTwice", ward));
            if (r.Wards[i].Beds is not (>= 1 and <= MaxBedsPerWard)) throw new InputException($"wards[{i}].beds", Messages.Get("Hospitals.BedsPerWard", MaxBedsPerWard));
        }
        var h = new Hospital { Id = ids.Next(), Name = name, Kind = kind, DistrictCode = district, Address = r.Address?.Trim() is { Length: > 0 } a ? a[..Math.Min(a.Length, 200)] : null, CreatedAtUtc = clock.UtcNow };
        db.Hospitals.Add(h);
        foreach (var w in r.Wards)
        {
            var ward = new HospitalWard { Id = ids.Next(), HospitalId = h.Id, Name = w.Name!.Trim() };
            db.HospitalWards.Add(ward);
            for (var n = 1; n <= w.Beds!.Value; n++)
                db.HospitalBeds.Add(new HospitalBed { Id = ids.Next(), HospitalId = h.Id, WardId = ward.Id, Number = n.ToString(System.Globalization.CultureInfo.InvariantCulture), Position = n });
        }
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, db.Hospitals.Where(x => x.Id == h.Id), ct)).Single();
    }

    /// <summary>Every hospital by name, to pick from.</summary>
    public static async Task<IReadOnlyList<HospitalName>> NamesAsync(FangkongDb db, CancellationToken ct) =>
        await db.Hospitals.AsNoTracking().OrderBy(h => h.Kind).ThenBy(h => h.Name).Select(h => new HospitalName(h.Id, h.Name, h.Kind)).ToListAsync(ct);

    public static async Task<Page<HospitalView>> ListAsync(FangkongDb db, string? q, HospitalKind? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var hospitals = db.Hospitals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) hospitals = hospitals.Where(h => h.Name.Contains(q.Trim()));
        if (kind is { } k) hospitals = hospitals.Where(h => h.Kind == k);
        var total = await hospitals.LongCountAsync(ct);
        var items = await ViewsAsync(db, hospitals.OrderBy(h => h.Kind).ThenBy(h => h.Name).Skip((p - 1) * size).Take(size), ct);
        return new Page<HospitalView>(items, p, size, total);
    }

    /// <summary>One hospital with its load; null when there is none.</summary>
    public static async Task<HospitalView?> GetAsync(FangkongDb db, long id, CancellationToken ct) =>
        (await ViewsAsync(db, db.Hospitals.AsNoTracking().Where(h => h.Id == id), ct)).SingleOrDefault();

    /// <summary>Beds and cases in beds across all hospitals (the dashboard's figure).</summary>
    public static async Task<(int Beds, int Occupied)> TotalsAsync(FangkongDb db, HospitalKind? kind, CancellationToken ct)
    {
        var beds = db.HospitalBeds.AsNoTracking();
        var stays = db.BedStays.AsNoTracking().Where(s => s.State == BedStayState.InBed);
        if (kind is { } k)
        {
            var ofKind = db.Hospitals.Where(h => h.Kind == k).Select(h => h.Id);
            beds = beds.Where(b => ofKind.Contains(b.HospitalId));
            stays = stays.Where(s => ofKind.Contains(s.HospitalId));
        }
        return (await beds.CountAsync(ct), await stays.CountAsync(ct));
    }

    private static async Task<List<HospitalView>> ViewsAsync(FangkongDb db, IQueryable<Hospital> q, CancellationToken ct)
    {
        var rows = await q.ToListAsync(ct);
        var ids = rows.Select(h => h.Id).ToList();
        var beds = await db.HospitalBeds.Where(b => ids.Contains(b.HospitalId)).GroupBy(b => b.HospitalId)
            .Select(g => new { g.Key, Beds = g.Count(), Wards = g.Select(b => b.WardId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, ct);
        var taken = await db.BedStays.Where(s => ids.Contains(s.HospitalId) && s.State == BedStayState.InBed).GroupBy(s => s.HospitalId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return rows.Select(h =>
        {
            var b = beds.GetValueOrDefault(h.Id);
            var occupied = taken.GetValueOrDefault(h.Id);
            var capacity = b?.Beds ?? 0;
            return new HospitalView(h.Id, h.Name, h.Kind, h.DistrictCode, h.Address, b?.Wards ?? 0, capacity, occupied, capacity - occupied);
        }).ToList();
    }
}

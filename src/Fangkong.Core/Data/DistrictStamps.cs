using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fangkong.Core.Data;

/// <summary>A record about a person that carries the person's home district, so a district's lists filter it by one indexed column.</summary>
public interface IDistrictStamped
{
    long PersonId { get; }
    string? DistrictCode { get; set; }
}

/// <summary>
/// Stamps new person records with their person's district as they are saved, whoever writes them (use cases, imports,
/// tests), so none can be saved without it (ADR 0028). A person's home district never changes, so the stamp never goes stale.
/// </summary>
internal static class DistrictStamps
{
    public static async Task FillAsync(FangkongDb db, ChangeTracker tracker, bool async, CancellationToken ct)
    {
        List<IDistrictStamped>? pending = null;
        foreach (var e in tracker.Entries())
            if (e.State == EntityState.Added && e.Entity is IDistrictStamped { DistrictCode: null } r) (pending ??= []).Add(r);
        if (pending is null) return;
        var ids = pending.Select(r => r.PersonId).Distinct().ToList();
        // The person's home is the stamp even when a confined officer's act records a person of another district.
        using var whole = db.WholeCity();
        var query = db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id) && p.DistrictCode != null).Select(p => new { p.Id, p.DistrictCode });
        var districts = async ? await query.ToDictionaryAsync(p => p.Id, p => p.DistrictCode, ct) : query.ToDictionary(p => p.Id, p => p.DistrictCode);
        foreach (var r in pending) r.DistrictCode = districts.GetValueOrDefault(r.PersonId);
    }
}

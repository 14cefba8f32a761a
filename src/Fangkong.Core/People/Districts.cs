using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.People;

public sealed record DistrictView(string Code, string Name, string EnglishName, string CityCode);

/// <summary>The districts in the store, by code: what area pickers offer.</summary>
public sealed class Districts
{
    public async Task<IReadOnlyList<DistrictView>> AllAsync(FangkongDb db, CancellationToken ct) =>
        await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new DistrictView(d.Code, d.Name, d.EnglishName, d.CityCode)).ToListAsync(ct);
}

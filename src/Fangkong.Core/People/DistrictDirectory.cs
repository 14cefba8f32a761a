using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.People;

public sealed record DistrictView(string Code, string Name, string EnglishName, string CityCode);

/// <summary>The city's districts in code order, for district pickers and district names in lists.</summary>
public sealed class DistrictDirectory
{
    public async Task<IReadOnlyList<DistrictView>> AllAsync(FangkongDb db, CancellationToken ct) =>
        await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new DistrictView(d.Code, d.Name, d.EnglishName, d.CityCode)).ToListAsync(ct);
}

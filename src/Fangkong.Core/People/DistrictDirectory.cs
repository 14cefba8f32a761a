using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.People;

/// <summary>The city's districts in code order, for district pickers and district names in lists.</summary>
public sealed class DistrictDirectory
{
    public async Task<IReadOnlyList<DistrictRow>> AllAsync(FangkongDb db, CancellationToken ct) =>
        await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
}

using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>Coverage for a page that refreshes itself: each reading has its own context, so a timer tick never shares one with a render.</summary>
public sealed class LiveCoverage(IDbContextFactory<FangkongDb> dbs)
{
    public async Task<CoverageView> ByPlaceAsync(long roundId, CoverageLevel level, string? parent, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Coverage.ByPlaceAsync(db, roundId, level, parent, ct);
    }
}

using Fangkong.Core.Data;

namespace Fangkong.Core.Testing;

/// <summary>
/// Coverage for a page that refreshes itself: each reading has its own context, so a timer tick never shares one with a
/// render; the context is confined to the viewer's area (ADR 0028), so a district's officer counts their district only.
/// </summary>
public sealed class LiveCoverage(AreaContexts contexts)
{
    public async Task<CoverageView> ByPlaceAsync(AreaReach? area, long roundId, CoverageLevel level, string? parent, CancellationToken ct)
    {
        await using var db = await contexts.CreateAsync(area, ct);
        return await Coverage.ByPlaceAsync(db, roundId, level, parent, ct);
    }
}

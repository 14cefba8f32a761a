using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

/// <summary>
/// Short-lived contexts confined to an area (ADR 0028), for the live pages whose timers read on their own context —
/// a circuit's ticks must not share one with its renders — and must read through the caller's area all the same.
/// </summary>
public sealed class AreaContexts(IDbContextFactory<FangkongDb> dbs)
{
    /// <summary>A new context confined to <paramref name="area"/> (null: the whole city); the caller disposes it.</summary>
    public async Task<FangkongDb> CreateAsync(AreaReach? area, CancellationToken ct)
    {
        var db = await dbs.CreateDbContextAsync(ct);
        db.Confine(area);
        return db;
    }
}

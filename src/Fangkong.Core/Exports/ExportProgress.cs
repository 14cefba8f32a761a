using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Exports;

/// <summary>
/// A requester's exports for a live view that polls: each read takes its own short-lived context, as a long-lived
/// interactive component must not hold one across its timer's ticks.
/// </summary>
public sealed class ExportProgress(IDbContextFactory<FangkongDb> dbs, ExportJobs jobs)
{
    public async Task<IReadOnlyList<ExportJobView>> MineAsync(long userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await jobs.MineAsync(db, userId, ct);
    }
}

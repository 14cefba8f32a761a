using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

/// <summary>
/// Contexts for heavy reads that may lag the primary by the standby's replication delay (ADR 0047): dashboard builds, export
/// files and the contact index's bulk load. They go to <c>ConnectionStrings:Reads</c> (a standby when there is one, the
/// primary when none is up) and never write; without a reads connection they are the main store's contexts.
/// </summary>
public sealed class StaleReads(IDbContextFactory<FangkongDb> factory, TimeSpan lagAllowance)
{
    /// <summary>How much a reader of these contexts re-reads from the primary to cover the standby's lag (zero when they are the primary).</summary>
    public TimeSpan LagAllowance { get; } = lagAllowance;

    public Task<FangkongDb> CreateAsync(CancellationToken ct) => factory.CreateDbContextAsync(ct);
}

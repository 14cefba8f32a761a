using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

/// <summary>
/// Which period of a background task has been claimed, and by which instance (ADR 0047): one row per task, moved forward by
/// the one instance whose conditional update wins, so a period's work runs once across the cluster however many instances tick.
/// </summary>
public sealed class ClusterLease
{
    /// <summary>The task: "inferred-exits", "retention", "zone-review", "key-rotation".</summary>
    public required string Name { get; set; }
    /// <summary>The last period claimed (minutes, hours or days since the epoch, as the task counts them).</summary>
    public long Period { get; set; }
    /// <summary>The instance that claimed it (host name and process id), for an operator reading the table.</summary>
    public required string Holder { get; set; }
    public DateTime ClaimedAtUtc { get; set; }
}

internal static class ClusterModel
{
    public static void Configure(ModelBuilder b) => b.Entity<ClusterLease>(e =>
    {
        e.ToTable("cluster_leases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(40);
        e.Property(x => x.Holder).HasMaxLength(120);
    });
}

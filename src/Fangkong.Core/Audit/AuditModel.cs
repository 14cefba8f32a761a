using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Audit;

/// <summary>The audit log, its chain head and its alarms: their tables and indexes.</summary>
internal static class AuditModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.Seq).IsUnique();
            e.HasIndex(x => new { x.ActorUserId, x.AtUtc });
            e.HasIndex(x => new { x.PersonId, x.AtUtc });
            e.HasIndex(x => x.AtUtc);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Action).HasMaxLength(60);
            e.Property(x => x.ActorRole).HasMaxLength(40);
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.PurposeKey).HasMaxLength(500);
            e.Property(x => x.Reference).HasMaxLength(1000);
            e.Property(x => x.Detail).HasMaxLength(500);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<AuditChainHead>(e =>
        {
            e.ToTable("audit_chain_head");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<AuditAlarm>(e =>
        {
            e.ToTable("audit_alarms");
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.HasIndex(x => x.AtUtc);
            e.HasIndex(x => new { x.ActorUserId, x.Kind, x.AtUtc });
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Detail).HasMaxLength(500);
        });
    }
}

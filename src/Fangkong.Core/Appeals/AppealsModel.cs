using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>Appeals, their evidence files and employers' bulk unlocks: their tables and indexes.</summary>
internal static class AppealsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Appeal>(e =>
        {
            e.ToTable("appeals");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.HasIndex(x => new { x.SubmittedByUserId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.ColourChangeId });
            e.HasIndex(x => new { x.State, x.DueAtUtc });
            e.HasIndex(x => new { x.DistrictCode, x.State });
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Answer).HasMaxLength(500);
            e.Property(x => x.Rule).HasMaxLength(64);
            e.Property(x => x.Evidence).HasMaxLength(1000);
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Ignore(x => x.NumberKind);
            e.Ignore(x => x.NumberedAtUtc);
        });
        b.Entity<AppealFile>(e =>
        {
            e.ToTable("appeal_files");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.AppealId);
            e.Property(x => x.ContentType).HasMaxLength(40);
            e.Property(x => x.Content).HasMaxLength(AppealEvidence.MaxFileBytes);
        });
        b.Entity<BulkUnlock>(e =>
        {
            e.ToTable("bulk_unlocks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => new { x.State, x.SubmittedAtUtc });
            e.HasIndex(x => x.SubmittedByUserId);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.DecisionNote).HasMaxLength(500);
            e.Ignore(x => x.NumberKind);
            e.Ignore(x => x.NumberedAtUtc);
        });
        b.Entity<BulkUnlockLine>(e =>
        {
            e.ToTable("bulk_unlock_lines");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.BulkUnlockId, x.Line });
            e.HasIndex(x => x.PersonId);
            e.Property(x => x.RefusalKey).HasMaxLength(100);
            e.Property(x => x.RefusalEvidence).HasMaxLength(200);
        });
    }
}

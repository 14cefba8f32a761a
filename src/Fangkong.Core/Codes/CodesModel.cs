using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>Health codes, their changes and manual requests: their tables and indexes.</summary>
internal static class CodesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<HealthCodeState>(e => { e.ToTable("health_codes"); e.HasKey(x => x.PersonId); e.HasIndex(x => x.Colour); });
        b.Entity<HealthCodeChange>(e =>
        {
            e.ToTable("health_code_changes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.PersonId, x.AtUtc });
            e.HasIndex(x => x.AtUtc);
            e.Property(x => x.ExplanationKey).HasMaxLength(100);
            e.Property(x => x.ExplanationArgs).HasConversion(MessageArgs.Converter, MessageArgs.Comparer);
            e.Ignore(x => x.Explanation);
            e.Property(x => x.Evidence).HasMaxLength(1000);
        });
        b.Entity<ManualCodeRequest>(e =>
        {
            e.ToTable("manual_code_requests");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.PersonId, x.Status });
            e.HasIndex(x => x.Status);
            e.Property(x => x.Reason).HasMaxLength(500);
        });
    }
}

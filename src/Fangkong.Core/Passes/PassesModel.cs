using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Passes;

/// <summary>Passes and their uses: the officer's queue (state, applied), the revocation list (revoked since), the holder's phone (person).</summary>
internal static class PassesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Pass>(e =>
        {
            e.ToTable("passes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.HolderName).HasMaxLength(PassApplications.MaxName);
            e.Property(x => x.HolderIdNumber).HasMaxLength(18);
            e.Property(x => x.Employer).HasMaxLength(PassApplications.MaxText);
            e.Property(x => x.Route).HasMaxLength(PassApplications.MaxText);
            e.Property(x => x.Plate).HasMaxLength(16);
            e.Property(x => x.Cargo).HasMaxLength(PassApplications.MaxText);
            e.Property(x => x.SourceKey).HasMaxLength(100);
            e.Property(x => x.RefusalReason).HasMaxLength(PassApplications.MaxText);
            e.Property(x => x.RevocationNote).HasMaxLength(PassApplications.MaxText);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => new { x.State, x.Id });
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.RevokedAtUtc);
            e.HasIndex(x => x.DecidedAtUtc);
        });
        b.Entity<PassUse>(e =>
        {
            e.ToTable("pass_uses");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.PassId);
            e.HasIndex(x => x.AtUtc);
        });
    }
}

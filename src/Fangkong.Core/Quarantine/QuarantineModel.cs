using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>Quarantine sites, rooms, stays, transfers and check-ins: their tables and indexes.</summary>
internal static class QuarantineModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<QuarantineSite>(e =>
        {
            e.ToTable("quarantine_sites");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Address).HasMaxLength(200);
        });
        b.Entity<QuarantineRoom>(e =>
        {
            e.ToTable("quarantine_rooms");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => new { x.SiteId, x.Number }).IsUnique();
        });
        b.Entity<QuarantineStay>(e =>
        {
            e.ToTable("quarantine_stays");
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.PersonId, x.State });
            e.HasIndex(x => new { x.SiteId, x.State });
            e.HasIndex(x => x.ReturneeId);
            // A district's quarantine list, newest first, and its figures (ADR 0028).
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.HasIndex(x => new { x.DistrictCode, x.Id });
            e.HasIndex(x => new { x.DistrictCode, x.State });
            // One quarantine at a time per person.
            e.HasIndex(x => x.PersonId, "IX_quarantine_stays_active").IsUnique().HasFilter("\"State\" = 1");
        });
        b.Entity<QuarantineTransfer>(e =>
        {
            e.ToTable("quarantine_transfers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Vehicle).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.PlatformNotes).StoredAsKeys();
            e.HasIndex(x => new { x.State, x.DueDate });
            e.HasIndex(x => x.StayId);
        });
        b.Entity<QuarantineCheckIn>(e =>
        {
            e.ToTable("quarantine_check_ins");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Symptoms).HasMaxLength(200);
            e.Property(x => x.Temperature).HasPrecision(4, 1);
            e.HasIndex(x => new { x.StayId, x.Day }).IsUnique();
            // A team's output is counted per member and day (Teams/TeamOutput).
            e.HasIndex(x => new { x.ByUserId, x.AtUtc });
            e.HasIndex(x => new { x.Day, x.Alert });
        });
    }
}

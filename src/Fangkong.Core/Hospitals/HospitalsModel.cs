using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Hospitals;

/// <summary>Hospitals, wards, beds, the cases in them and case transfers: their tables and indexes.</summary>
internal static class HospitalsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Hospital>(e =>
        {
            e.ToTable("hospitals");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Address).HasMaxLength(200);
            e.HasIndex(x => x.Name).IsUnique();
        });
        b.Entity<HospitalWard>(e =>
        {
            e.ToTable("hospital_wards");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(32);
            e.HasIndex(x => new { x.HospitalId, x.Name }).IsUnique();
        });
        b.Entity<HospitalBed>(e =>
        {
            e.ToTable("hospital_beds");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => new { x.WardId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.HospitalId, x.WardId, x.Position });
        });
        b.Entity<BedStay>(e =>
        {
            e.ToTable("bed_stays");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.CaseId, x.FromUtc });
            e.HasIndex(x => new { x.HospitalId, x.State });
            // One case per bed and one bed per case at a time, whatever two officers click at once.
            e.HasIndex(x => x.BedId, "IX_bed_stays_bed_taken").IsUnique().HasFilter("\"State\" = 1");
            e.HasIndex(x => x.CaseId, "IX_bed_stays_case_in_bed").IsUnique().HasFilter("\"State\" = 1");
        });
        b.Entity<CaseTransferBatch>(e =>
        {
            e.ToTable("case_transfer_batches");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Note).HasMaxLength(200);
        });
        b.Entity<CaseTransfer>(e =>
        {
            e.ToTable("case_transfers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FromDistrictCode).HasMaxLength(6);
            e.Property(x => x.ToDistrictCode).HasMaxLength(6);
            e.Property(x => x.Vehicle).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasIndex(x => new { x.State, x.DueDate });
            e.HasIndex(x => x.BatchId);
            e.HasIndex(x => x.CaseId);
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Checkpoints;

/// <summary>Checkpoints, duty rosters, vehicle and passenger checks: the indexes the tablet, the counts per shift and the line list read.</summary>
internal static class CheckpointsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Checkpoint>(e =>
        {
            e.ToTable("checkpoints");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(CheckpointRegistry.MaxName);
            e.Property(x => x.Location).HasMaxLength(CheckpointRegistry.MaxName);
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.HasIndex(x => x.DistrictCode);
        });
        b.Entity<CheckpointDuty>(e =>
        {
            e.ToTable("checkpoint_duties");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.CheckpointId, x.Day, x.Shift, x.UserId }).IsUnique();
            e.HasIndex(x => new { x.UserId, x.Day });
        });
        b.Entity<VehicleCheck>(e =>
        {
            e.ToTable("vehicle_checks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.Plate).HasMaxLength(16);
            e.Property(x => x.Origin).HasMaxLength(VehicleChecks.MaxPlace);
            e.Property(x => x.Destination).HasMaxLength(VehicleChecks.MaxPlace);
            e.Property(x => x.PassVerdict).HasMaxLength(20);
            e.Property(x => x.SourceKey).HasMaxLength(100);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => new { x.CheckpointId, x.ShiftDay, x.Shift });
            e.HasIndex(x => new { x.DistrictCode, x.ShiftDay });
            e.HasIndex(x => x.ShiftDay);
        });
        b.Entity<PassengerCheck>(e =>
        {
            e.ToTable("passenger_checks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(VehicleChecks.MaxName);
            e.Property(x => x.IdNumber).HasMaxLength(18);
            e.Property(x => x.PolicyVersion).HasMaxLength(40);
            e.Property(x => x.Reasons).HasMaxLength(200);
            e.Property(x => x.Temperature).HasPrecision(4, 1);
            e.HasIndex(x => x.VehicleCheckId);
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => new { x.BoundForCity, x.ReturneeRegistered });
        });
    }
}

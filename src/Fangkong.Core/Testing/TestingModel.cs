using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>Mass-testing rounds, tubes, the chain to the lab, follow-up tasks and results: their tables and indexes.</summary>
internal static class TestingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TestResult>(e =>
        {
            e.ToTable("test_results");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.PersonId, x.SampledAtUtc });
        });
        b.Entity<TestingRound>(e =>
        {
            e.ToTable("testing_rounds");
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.StartUtc);
            e.Property(x => x.AreaIds).HasMaxLength(4000);
            e.Ignore(x => x.Policy);
        });
        b.Entity<SamplingSite>(e => { e.ToTable("sampling_sites"); e.Property(x => x.Id).ValueGeneratedNever(); e.HasIndex(x => x.RoundId); });
        b.Entity<RoundResident>(e =>
        {
            e.ToTable("round_residents");
            e.HasKey(x => new { x.RoundId, x.PersonId });
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            // Coverage groups a round by place; the place columns lead so each drill-down level reads one range.
            e.HasIndex(x => new { x.RoundId, x.DistrictCode, x.CommunityId, x.CompoundId, x.BuildingId, x.SampledAtUtc, x.ResultAtUtc }, "IX_round_residents_place");
            e.HasIndex(x => new { x.RoundId, x.HouseholdId });
            e.HasIndex(x => x.PersonId);
        });
        b.Entity<SiteCompound>(e => { e.ToTable("site_compounds"); e.HasKey(x => new { x.RoundId, x.CompoundId }); e.HasIndex(x => x.SiteId); });
        b.Entity<RoundWave>(e => { e.ToTable("round_waves"); e.HasKey(x => new { x.RoundId, x.UnitId }); e.HasIndex(x => new { x.SiteId, x.StartUtc }); });
        b.Entity<Tube>(e =>
        {
            e.ToTable("tubes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Barcode).HasMaxLength(16);
            e.Property(x => x.OpenKey).HasMaxLength(64);
            // A barcode names one tube for ever: reuse is refused even across rounds.
            e.HasIndex(x => x.Barcode).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.SiteId });
            // A team's output is counted per member and day (Teams/TeamOutput).
            e.HasIndex(x => new { x.ResultByUserId, x.ResultAtUtc });
            e.HasIndex(x => x.BoxId);
            // A sampler's device names each open by a key: a key reused for another tube is found anywhere in the store.
            e.HasIndex(x => new { x.OpenedByUserId, x.OpenKey });
        });
        b.Entity<Sample>(e =>
        {
            e.ToTable("samples");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.HasIndex(x => new { x.IdempotencyKey, x.SamplerUserId }).IsUnique();
            e.HasIndex(x => x.TubeId);
            e.HasIndex(x => new { x.PersonId, x.AtUtc });
            // A team's output is counted per member and day (Teams/TeamOutput).
            e.HasIndex(x => new { x.SamplerUserId, x.AtUtc });
            // One regular swab per person per round, even when two tables scan the same person at once.
            e.HasIndex(x => new { x.RoundId, x.PersonId }, "IX_samples_once_per_round").IsUnique().HasFilter("\"Resample\" = FALSE");
        });
        b.Entity<Box>(e =>
        {
            e.ToTable("boxes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Barcode).HasMaxLength(16);
            e.HasIndex(x => x.Barcode).IsUnique();
            e.HasIndex(x => x.RoundId);
        });
        b.Entity<Handover>(e =>
        {
            e.ToTable("handovers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.BoxId);
            e.Ignore(x => x.Reconciled);
        });
        b.Entity<ResampleTask>(e =>
        {
            e.ToTable("resample_tasks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.PersonId, x.DoneAtUtc });
            e.HasIndex(x => new { x.RoundId, x.DoneAtUtc });
            e.HasIndex(x => new { x.DueDate, x.RoundId });
            e.HasIndex(x => x.StayId);
        });
        b.Entity<DoorTask>(e =>
        {
            e.ToTable("door_tasks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Team).HasMaxLength(64);
            e.HasIndex(x => new { x.RoundId, x.HouseholdId }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.CompoundId });
        });
    }
}

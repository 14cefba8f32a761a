using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>
/// Zones, their members, the households they resolve to, their cases and their history. Keys lead with the zone or the
/// place, indexes with place or time: a gate or a colour finds a household's zones by the household, the map a
/// compound's, the bulletin a day's changes by time; zone ids are time-ordered (ADR 0003).
/// </summary>
internal static class ZonesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Zone>(e =>
        {
            e.ToTable("zones");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.ReasonKey).HasMaxLength(100);
            e.Property(x => x.ReasonArgs).HasMaxLength(1000).HasConversion(StoredMessages.ArgsConverter, StoredMessages.ArgsComparer);
            e.Ignore(x => x.Reason);
            e.Property(x => x.PolicyVersion).HasMaxLength(32);
            e.Property(x => x.PendingRule).HasMaxLength(64);
            e.HasIndex(x => new { x.State, x.Level });
            e.HasIndex(x => new { x.DistrictCode, x.State });
        });
        b.Entity<ZoneMember>(e =>
        {
            e.ToTable("zone_members");
            e.HasKey(x => new { x.ZoneId, x.Kind, x.AddressId });
            e.HasIndex(x => new { x.Kind, x.AddressId });
        });
        b.Entity<ZoneHousehold>(e =>
        {
            e.ToTable("zone_households");
            e.HasKey(x => new { x.ZoneId, x.HouseholdId });
            e.HasIndex(x => x.HouseholdId);
            e.HasIndex(x => new { x.CompoundId, x.ZoneId });
        });
        b.Entity<ZoneCase>(e =>
        {
            e.ToTable("zone_cases");
            e.HasKey(x => new { x.ZoneId, x.CaseId });
            e.HasIndex(x => x.CaseId);
            e.Property(x => x.EvidenceKey).HasMaxLength(100);
            e.Property(x => x.EvidenceArgs).HasMaxLength(1000).HasConversion(StoredMessages.ArgsConverter, StoredMessages.ArgsComparer);
            e.Ignore(x => x.Evidence);
        });
        b.Entity<ZoneChange>(e =>
        {
            e.ToTable("zone_changes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.ZoneId, x.AtUtc });
            e.HasIndex(x => new { x.AtUtc, x.Kind });
            e.Property(x => x.Rule).HasMaxLength(64);
            e.Property(x => x.Evidence).HasMaxLength(4000).HasConversion(StoredMessages.ListConverter, StoredMessages.ListComparer);
            e.Property(x => x.PolicyVersion).HasMaxLength(32);
        });
    }
}

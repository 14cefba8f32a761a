using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>Other regions' risk areas, returnees and their follow-ups: tables and the indexes their lists read.</summary>
internal static class ReturneesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<OtherRiskArea>(e =>
        {
            e.ToTable("other_risk_areas");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Province).HasMaxLength(RiskAreas.MaxPlace);
            e.Property(x => x.City).HasMaxLength(RiskAreas.MaxPlace);
            e.Property(x => x.County).HasMaxLength(RiskAreas.MaxPlace);
            e.Property(x => x.Name).HasMaxLength(RiskAreas.MaxName);
            // One row per published area and start: an import of the same list again adds nothing.
            e.HasIndex(x => new { x.Province, x.City, x.County, x.Name, x.FromDate }).IsUnique();
            e.HasIndex(x => x.County);
        });
        b.Entity<Returnee>(e =>
        {
            e.ToTable("returnees");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.WorkerName).HasMaxLength(40);
            e.Property(x => x.Origin).HasMaxLength(ReturneeRegistry.MaxOrigin);
            e.Property(x => x.TravelNumber).HasMaxLength(ReturneeRegistry.MaxTravelNumber);
            e.Property(x => x.SourceKey).HasMaxLength(100);
            e.Property(x => x.PolicyVersion).HasMaxLength(40);
            e.HasIndex(x => x.SourceKey).IsUnique();
            // Idempotent per person and arrival day: a checkpoint and the phone registering the same arrival make one.
            e.HasIndex(x => new { x.PersonId, x.ArrivedOn }).IsUnique();
            e.HasIndex(x => new { x.DistrictCode, x.State });
            e.HasIndex(x => new { x.CommunityId, x.State });
            e.HasIndex(x => new { x.GridId, x.State });
            e.HasIndex(x => new { x.State, x.EndsOn });
            e.HasIndex(x => x.StayId);
            e.HasIndex(x => x.RegisteredAtUtc);
            e.Ignore(x => x.Decision);
        });
        b.Entity<ReturneeFollowUp>(e =>
        {
            e.ToTable("returnee_follow_ups");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ByName).HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(ReturneeFollowUps.MaxNote);
            e.HasIndex(x => new { x.ReturneeId, x.Day }).IsUnique();
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

/// <summary>Grids, ten-household units, door-to-door screenings, problems and the special-groups register: their tables and indexes.</summary>
internal static class CommunityModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Grid>(e =>
        {
            e.ToTable("grids");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.CommunityId, x.Number }).IsUnique();
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.WorkerName).HasMaxLength(64);
        });
        b.Entity<JointUnit>(e =>
        {
            e.ToTable("joint_units");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.GridId, x.Number }).IsUnique();
        });
        b.Entity<GridHousehold>(e =>
        {
            e.ToTable("grid_households");
            e.HasKey(x => x.HouseholdId);
            e.Property(x => x.HouseholdId).ValueGeneratedNever();
            e.HasIndex(x => new { x.GridId, x.HouseholdId });
            e.HasIndex(x => new { x.CommunityId, x.GridId });
            e.HasIndex(x => x.JointUnitId);
        });
        b.Entity<Screening>(e =>
        {
            e.ToTable("screenings");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.HouseholdId, x.VisitedAtUtc });
            e.HasIndex(x => new { x.GridId, x.VisitedAtUtc });
            e.HasIndex(x => new { x.CommunityId, x.VisitedAtUtc });
            // A team's output is counted per member and day (Teams/TeamOutput).
            e.HasIndex(x => new { x.ByUserId, x.VisitedAtUtc });
            e.Property(x => x.ByName).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(500);
        });
        b.Entity<ScreeningMember>(e =>
        {
            e.ToTable("screening_members");
            e.HasKey(x => new { x.ScreeningId, x.PersonId });
            e.HasIndex(x => x.PersonId);
            e.Property(x => x.AwayAt).HasMaxLength(100);
            e.Property(x => x.ReturnedFrom).HasMaxLength(100);
            e.Property(x => x.Needs).HasMaxLength(200);
        });
        b.Entity<CommunityProblem>(e =>
        {
            e.ToTable("community_problems");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.CommunityId, x.State });
            e.HasIndex(x => new { x.GridId, x.State });
            e.HasIndex(x => x.RaisedByUserId);
            // A team's output is counted per member and day (Teams/TeamOutput).
            e.HasIndex(x => new { x.AnsweredByUserId, x.AnsweredAtUtc });
            e.Property(x => x.Text).HasMaxLength(500);
            e.Property(x => x.Answer).HasMaxLength(500);
            e.Property(x => x.RaisedByName).HasMaxLength(64);
            e.Property(x => x.AnsweredByName).HasMaxLength(64);
        });
        b.Entity<SpecialGroupMember>(e =>
        {
            e.ToTable("special_group_members");
            e.Property(x => x.Id).ValueGeneratedNever();
            // A person is in a group once at a time; ended registrations stay as the record.
            e.HasIndex(x => new { x.PersonId, x.Group }, "IX_special_group_members_active").IsUnique().HasFilter("\"EndedAtUtc\" IS NULL");
            e.HasIndex(x => new { x.CommunityId, x.Group });
            e.HasIndex(x => new { x.GridId, x.Group });
            e.Property(x => x.ResponsibleName).HasMaxLength(64);
            e.Property(x => x.ResponsiblePhone).HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(500);
        });
    }
}

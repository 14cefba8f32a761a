using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Teams;

/// <summary>Teams, their members and duty rosters: tables and indexes.</summary>
internal static class TeamsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Team>(e =>
        {
            e.ToTable("teams");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.WorkRole).HasMaxLength(32);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.From).HasMaxLength(100);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => new { x.DistrictCode, x.Kind });
        });
        b.Entity<TeamMember>(e =>
        {
            e.ToTable("team_members");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.TeamId, x.UserId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<TeamShift>(e =>
        {
            e.ToTable("team_shifts");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Post).HasMaxLength(64);
            e.HasIndex(x => new { x.TeamId, x.Day });
            e.HasIndex(x => new { x.UserId, x.Day });
        });
    }
}

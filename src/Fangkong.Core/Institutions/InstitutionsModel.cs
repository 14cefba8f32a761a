using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>Institutions, members, daily reports and readings, fever referrals, closed-loop shifts and their tests.</summary>
internal static class InstitutionsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Institution>(e =>
        {
            e.ToTable("institutions");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(InstitutionRegistry.MaxName);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Address).HasMaxLength(InstitutionRegistry.MaxText);
            e.Property(x => x.ResponsibleName).HasMaxLength(InstitutionRegistry.MaxPerson);
            e.Property(x => x.ResponsiblePhone).HasMaxLength(20);
            e.Property(x => x.PreventionPlan).HasMaxLength(InstitutionRegistry.MaxPlan);
            e.Property(x => x.SourceKey).HasMaxLength(200);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => new { x.DistrictCode, x.Kind });
        });
        b.Entity<InstitutionMember>(e =>
        {
            e.ToTable("institution_members");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Unit).HasMaxLength(InstitutionRegistry.MaxUnit);
            e.HasIndex(x => new { x.InstitutionId, x.PersonId }).IsUnique();
            e.HasIndex(x => new { x.InstitutionId, x.Unit });
            e.HasIndex(x => x.PersonId);
        });
        b.Entity<InstitutionReport>(e =>
        {
            e.ToTable("institution_reports");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Unit).HasMaxLength(InstitutionRegistry.MaxUnit);
            e.Property(x => x.SourceKey).HasMaxLength(100);
            e.Property(x => x.PolicyVersion).HasMaxLength(40);
            e.HasIndex(x => new { x.InstitutionId, x.Day, x.Unit }).IsUnique();
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => x.Day);
        });
        b.Entity<MemberReading>(e =>
        {
            e.ToTable("member_readings");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Celsius).HasPrecision(4, 1);
            e.HasIndex(x => new { x.ReportId, x.PersonId }).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.Day });
            e.HasIndex(x => x.Day);
        });
        b.Entity<FeverReferral>(e =>
        {
            e.ToTable("fever_referrals");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Unit).HasMaxLength(InstitutionRegistry.MaxUnit);
            e.Property(x => x.Celsius).HasPrecision(4, 1);
            e.HasIndex(x => new { x.InstitutionId, x.PersonId, x.Day }).IsUnique();
            e.HasIndex(x => x.Day);
        });
        b.Entity<StaffShift>(e =>
        {
            e.ToTable("staff_shifts");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.InstitutionId, x.EndedOn });
            e.HasIndex(x => x.PersonId);
        });
        b.Entity<ShiftTest>(e =>
        {
            e.ToTable("shift_tests");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.ShiftId, x.Day }).IsUnique();
        });
    }
}

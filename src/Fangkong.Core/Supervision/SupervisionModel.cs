using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

/// <summary>Gate alerts, closure orders, inspections and their findings, disinfection records (issue 24): by district, as read.</summary>
internal static class SupervisionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<GateAlert>(e =>
        {
            e.ToTable("gate_alerts");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.Signs).HasMaxLength(60);
            e.Property(x => x.PolicyVersion).HasMaxLength(40);
            e.HasIndex(x => new { x.VenueId, x.ClearedAtUtc });
            e.HasIndex(x => new { x.DistrictCode, x.ClearedAtUtc });
        });
        b.Entity<ClosureOrder>(e =>
        {
            e.ToTable("closure_orders");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(ClosureOrders.MaxShort);
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.VenueTypes).HasMaxLength(300);
            e.Property(x => x.Text).HasMaxLength(ClosureOrders.MaxText);
            e.Property(x => x.Authority).HasMaxLength(ClosureOrders.MaxShort);
            e.HasIndex(x => new { x.DistrictCode, x.Kind });
        });
        b.Entity<ClosureOrderVenue>(e =>
        {
            e.ToTable("closure_order_venues");
            e.HasKey(x => new { x.OrderId, x.VenueId });
            e.HasIndex(x => x.VenueId);
        });
        b.Entity<InspectionPlan>(e =>
        {
            e.ToTable("inspection_plans");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.PlaceName).HasMaxLength(Inspections.MaxShort);
            e.HasIndex(x => new { x.DistrictCode, x.Day });
        });
        b.Entity<Inspection>(e =>
        {
            e.ToTable("inspections");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.PlaceName).HasMaxLength(Inspections.MaxShort);
            e.Property(x => x.Note).HasMaxLength(Inspections.MaxText);
            e.HasIndex(x => new { x.DistrictCode, x.AtUtc });
        });
        b.Entity<Finding>(e =>
        {
            e.ToTable("inspection_findings");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.Description).HasMaxLength(Inspections.MaxText);
            e.Property(x => x.ResponsibleUnit).HasMaxLength(Inspections.MaxShort);
            e.Property(x => x.Answer).HasMaxLength(Inspections.MaxText);
            e.HasIndex(x => x.InspectionId);
            e.HasIndex(x => new { x.DistrictCode, x.Category });
            e.HasIndex(x => x.ClosureOrderId);
        });
        b.Entity<FindingPhoto>(e =>
        {
            e.ToTable("inspection_finding_photos");
            e.HasKey(x => x.FindingId);
            e.Property(x => x.ContentType).HasMaxLength(20);
        });
        b.Entity<DisinfectionRecord>(e =>
        {
            e.ToTable("disinfection_records");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.Area).HasMaxLength(DisinfectionRegister.MaxShort);
            e.Property(x => x.Agent).HasMaxLength(DisinfectionRegister.MaxShort);
            e.Property(x => x.Person).HasMaxLength(DisinfectionRegister.MaxShort);
            e.HasIndex(x => new { x.VenueId, x.AtUtc });
            e.HasIndex(x => new { x.DistrictCode, x.AtUtc });
        });
    }
}

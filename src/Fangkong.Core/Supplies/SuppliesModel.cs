using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>Suppliers and their packs, orders with their lines and proof, bulk distributions: their tables and indexes.</summary>
internal static class SuppliesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Supplier>(e =>
        {
            e.ToTable("suppliers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Phone).HasMaxLength(20);
        });
        b.Entity<SupplierArea>(e =>
        {
            e.ToTable("supplier_areas");
            e.HasKey(x => new { x.SupplierId, x.DistrictCode });
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.HasIndex(x => x.DistrictCode);
        });
        b.Entity<SupplierAccount>(e =>
        {
            e.ToTable("supplier_accounts");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).ValueGeneratedNever();
            e.HasIndex(x => x.SupplierId);
        });
        b.Entity<SupplyPack>(e =>
        {
            e.ToTable("supply_packs");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.SupplierId);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Contents).HasMaxLength(500);
            e.Property(x => x.WeightKg).HasPrecision(9, 2);
        });
        b.Entity<SupplyOrder>(e =>
        {
            e.ToTable("supply_orders");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Ignore(x => x.NumberKind);
            e.Ignore(x => x.NumberedAtUtc);
            e.Property(x => x.PlacedByName).HasMaxLength(64);
            e.Property(x => x.DeliveredByName).HasMaxLength(64);
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.WeightKg).HasPrecision(12, 2);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            // The household's orders (mine, the no-order list); the supplier's queue; the area's runs and overdue lists.
            e.HasIndex(x => new { x.HouseholdId, x.PlacedAtUtc });
            e.HasIndex(x => new { x.SupplierId, x.State, x.PlacedAtUtc });
            e.HasIndex(x => new { x.CommunityId, x.State });
            e.HasIndex(x => new { x.GridId, x.State });
            e.HasIndex(x => new { x.DistrictCode, x.PlacedAtUtc });
            e.HasIndex(x => new { x.State, x.DueAtUtc });
            e.HasIndex(x => x.DeliveredAtUtc);
            e.HasIndex(x => x.DistributionId);
            e.HasIndex(x => new { x.PlacedByUserId, x.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
        });
        b.Entity<SupplyOrderLine>(e =>
        {
            e.ToTable("supply_order_lines");
            e.HasKey(x => new { x.OrderId, x.PackId });
            e.HasIndex(x => x.PackId);
            e.Property(x => x.WeightKg).HasPrecision(9, 2);
        });
        b.Entity<SupplyProofPhoto>(e =>
        {
            e.ToTable("supply_proof_photos");
            e.HasKey(x => x.OrderId);
            e.Property(x => x.OrderId).ValueGeneratedNever();
            e.Property(x => x.ContentType).HasMaxLength(40);
            e.Property(x => x.Content).HasMaxLength(2_000_000);
        });
        b.Entity<SupplyDistribution>(e =>
        {
            e.ToTable("supply_distributions");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.ZoneId);
            e.Property(x => x.ByName).HasMaxLength(64);
        });
    }
}

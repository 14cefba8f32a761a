using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.VenueCodes;

/// <summary>Venue codes: one row per venue naming the device its scans are recorded under.</summary>
internal static class VenueCodesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<VenueCode>(e =>
        {
            e.ToTable("venue_codes");
            e.HasKey(x => x.VenueId);
            e.Property(x => x.VenueId).ValueGeneratedNever();
            e.HasIndex(x => x.DeviceId).IsUnique();
            e.Property(x => x.RevocationReason).HasMaxLength(VenueCodeIssuer.MaxReason);
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Places;

/// <summary>Venues and their gate devices: their tables and indexes.</summary>
internal static class PlacesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Venue>(e =>
        {
            e.ToTable("venues");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.DistrictCode);
            e.HasIndex(x => x.Type);
            e.HasIndex(x => x.Name);
            e.Ignore(x => x.Hours);
        });
        b.Entity<GateDevice>(e => { e.ToTable("gate_devices"); e.Property(x => x.Id).ValueGeneratedNever(); e.HasIndex(x => x.VenueId); });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>The demo city mark: their tables and indexes.</summary>
internal static class SeedingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DemoCityMark>(e => { e.ToTable("demo_city"); e.Property(x => x.Id).ValueGeneratedNever(); });
    }
}

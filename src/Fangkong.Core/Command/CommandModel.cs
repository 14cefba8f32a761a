using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Command;

/// <summary>Bulletins: their tables and indexes.</summary>
internal static class CommandModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Bulletin>(e =>
        {
            e.ToTable("bulletins");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.AreaCode).HasMaxLength(6);
            e.Property(x => x.TextZh).HasMaxLength(Bulletins.MaxText);
            e.Property(x => x.TextEn).HasMaxLength(Bulletins.MaxText);
            e.Property(x => x.FiguresJson).HasMaxLength(8_000);
            e.HasIndex(x => new { x.Day, x.Level, x.AreaCode });
            // One published bulletin per area and day; drafts may be many.
            e.HasIndex(x => new { x.Day, x.Level, x.AreaCode }, "IX_bulletins_published").IsUnique().HasFilter("\"State\" = 2");
        });
    }
}

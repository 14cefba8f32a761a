using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Exports;

/// <summary>Export jobs and their files: their tables and indexes.</summary>
internal static class ExportsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ExportJob>(e =>
        {
            e.ToTable("export_jobs");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.List).HasMaxLength(32);
            e.Property(x => x.Format).HasMaxLength(8);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.FilterJson).HasMaxLength(2000);
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.Error).HasMaxLength(500);
            e.Property(x => x.FileName).HasMaxLength(100);
            e.HasIndex(x => new { x.State, x.Id });
            e.HasIndex(x => new { x.RequestedByUserId, x.Id });
        });
        b.Entity<ExportFile>(e => { e.ToTable("export_files"); e.HasKey(x => x.JobId); e.Property(x => x.JobId).ValueGeneratedNever(); });
    }
}

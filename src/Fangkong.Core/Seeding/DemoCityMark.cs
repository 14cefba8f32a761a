using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Whether the demo city a first start generates was finished. Generating it takes minutes, and a newcomer may stop
/// the server (Ctrl-C, a closed terminal) in the middle: the mark, written before the first row and completed after
/// the last step, tells the next start to generate it again instead of serving half a city.
/// </summary>
public sealed class DemoCityMark
{
    public int Id { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? ReadyAtUtc { get; set; }

    public static Task<DemoCityMark?> ReadAsync(FangkongDb db, CancellationToken ct) =>
        db.DemoCityMarks.AsNoTracking().FirstOrDefaultAsync(m => m.Id == 1, ct);

    public static async Task StartedAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct)
    {
        await db.DemoCityMarks.Where(m => m.Id == 1).ExecuteDeleteAsync(ct);
        db.DemoCityMarks.Add(new DemoCityMark { Id = 1, StartedAtUtc = nowUtc });
        await db.SaveChangesAsync(ct);
    }

    public static Task ReadyAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct) =>
        db.DemoCityMarks.Where(m => m.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadyAtUtc, nowUtc), ct);
}

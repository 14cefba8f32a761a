using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Closes entries that never got an exit scan at the venue's closing time and flags them as inferred
/// (domain.md §2), so occupancy does not drift upward and trajectories have an end.
/// </summary>
public sealed class VisitCloser(CityClock clock)
{
    private const int Chunk = 2_000;

    public async Task<int> CloseOverdueAsync(FangkongDb db, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var venues = await db.Venues.AsNoTracking().Select(v => new { v.Id, v.Opens, v.Closes }).ToDictionaryAsync(v => v.Id, ct);
        // Only open visits are read, through the partial "open" index: as many as people inside, not the whole table.
        var open = await db.Visits.AsNoTracking().Where(v => v.ExitedAtUtc == null)
            .Select(v => new { v.Id, v.VenueId, v.EnteredAtUtc }).ToListAsync(ct);
        var due = new List<(long Id, DateTime CloseUtc)>();
        foreach (var v in open)
        {
            if (!venues.TryGetValue(v.VenueId, out var venue)) continue;
            var closeLocal = new Domain.Places.OpeningHours(venue.Opens, venue.Closes).ClosingAfter(clock.ToLocal(v.EnteredAtUtc));
            var closeUtc = clock.ToUtc(closeLocal);
            if (closeUtc <= now) due.Add((v.Id, closeUtc));
        }
        foreach (var chunk in due.Chunk(Chunk))
        {
            foreach (var (id, closeUtc) in chunk)
            {
                var stub = new Visit { Id = id };
                db.Visits.Attach(stub);
                stub.ExitedAtUtc = closeUtc;
                stub.ExitInferred = true;
                db.Entry(stub).Property(x => x.ExitedAtUtc).IsModified = true;
                db.Entry(stub).Property(x => x.ExitInferred).IsModified = true;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return due.Count;
    }
}

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
    public async Task<int> CloseOverdueAsync(FangkongDb db, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var venues = await db.Venues.AsNoTracking().Select(v => new { v.Id, v.Opens, v.Closes }).ToDictionaryAsync(v => v.Id, ct);
        var closed = 0;
        long after = long.MinValue;
        while (true)
        {
            // Walk open visits in id order, a slice at a time, so a backlog never loads at once.
            var open = await db.Visits.Where(v => v.ExitedAtUtc == null && v.Id > after)
                .OrderBy(v => v.Id).Take(2000).ToListAsync(ct);
            if (open.Count == 0) break;
            after = open[^1].Id;
            foreach (var v in open)
            {
                if (!venues.TryGetValue(v.VenueId, out var venue)) continue;
                var closeLocal = new Domain.Places.OpeningHours(venue.Opens, venue.Closes).ClosingAfter(clock.ToLocal(v.EnteredAtUtc));
                var closeUtc = clock.ToUtc(closeLocal);
                if (closeUtc > now) continue;
                v.ExitedAtUtc = closeUtc;
                v.ExitInferred = true;
                closed++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return closed;
    }
}

using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Command;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Command;

/// <summary>
/// The figures press conferences add to a bulletin (domain.md §9): people under isolation at the end of the day, at a
/// site and at home, and samplings that day and across all rounds to its end (人次), and citizens' requests received and resolved that day and to its end (群众诉求). They are the city's (and province's):
/// a district's bulletin leaves them out.
/// </summary>
public static class BulletinPressFigures
{
    public static async Task<BulletinFigures> AddAsync(FangkongDb db, CityClock clock, BulletinFigures f, CancellationToken ct)
    {
        if (f.Level == BulletinLevel.District) return f;
        var start = clock.StartOfDayUtc(f.Day);
        var end = clock.StartOfDayUtc(f.Day.AddDays(1));
        var isolated = await db.QuarantineStays.AsNoTracking()
            .Where(s => s.CreatedAtUtc < end && (s.ReleasedAtUtc == null || s.ReleasedAtUtc >= end))
            .GroupBy(s => s.Place).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var today = await db.Samples.AsNoTracking().CountAsync(s => s.AtUtc >= start && s.AtUtc < end, ct);
        var cumulative = await db.Samples.AsNoTracking().CountAsync(s => s.AtUtc < end, ct);
        var requests = await Requests.TicketFigures.PressAsync(db, clock, f.Day, ct);
        return f with
        {
            InCentralizedIsolation = isolated.GetValueOrDefault(QuarantinePlace.Centralized),
            InHomeIsolation = isolated.GetValueOrDefault(QuarantinePlace.Home),
            ScreenedToday = today,
            ScreenedCumulative = cumulative,
            RequestsReceivedToday = requests.ReceivedToday,
            RequestsResolvedToday = requests.ResolvedToday,
            RequestsReceived = requests.Received,
            RequestsResolved = requests.Resolved,
        };
    }
}

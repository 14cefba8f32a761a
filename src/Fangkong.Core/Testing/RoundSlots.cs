using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>A resident's own rounds: where and when to come down (or that samplers will knock), and what came of it.</summary>
public static class RoundSlots
{
    public static async Task<IReadOnlyList<MySlot>> ForPersonAsync(FangkongDb db, long personId, DateTime nowUtc, CancellationToken ct)
    {
        var since = nowUtc.AddDays(-14);
        var rows = await (from x in db.RoundResidents.AsNoTracking()
                          where x.PersonId == personId
                          join r in db.TestingRounds on x.RoundId equals r.Id
                          where r.DeadlineUtc >= since
                          join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                          join site in db.SamplingSites on sc.SiteId equals site.Id
                          join w in db.RoundWaves on new { x.RoundId, x.UnitId } equals new { w.RoundId, w.UnitId } into waves
                          from w in waves.DefaultIfEmpty()
                          orderby r.StartUtc descending
                          select new { r.Id, r.Name, r.Status, Site = site.Name, Start = (DateTime?)w.StartUtc, End = (DateTime?)w.EndUtc, x.AtHome, x.SampledAtUtc, x.Outcome })
            .Take(10).ToListAsync(ct);
        return rows.Select(r => new MySlot(r.Id, r.Name, r.Status, r.Site, r.AtHome ? null : r.Start, r.AtHome ? null : r.End, r.AtHome, r.SampledAtUtc,
            r.Outcome switch
            {
                null => null,
                PersonOutcome.Negative => Messages.Get("Testing.Outcome.Negative"),
                PersonOutcome.PoolPositive => Messages.Get("Testing.Outcome.PoolPositiveStayHome"),
                _ => Messages.Get("Testing.Outcome.Positive"),
            })).ToList();
    }
}

using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Passes;

/// <summary>One figure of passes with the line-list filter (query parameters of /api/passes) that selects exactly the passes it counts.</summary>
public sealed record PassFigure(string Key, int Value, IReadOnlyList<KeyValuePair<string, string>> Filter);

/// <summary>Passes issued (today and in all, by kind), applications waiting, revoked, and passes used at a checkpoint.</summary>
public static class PassFigures
{
    public static async Task<IReadOnlyList<PassFigure>> ReadAsync(FangkongDb db, CityClock clock, DateOnly today, CancellationToken ct)
    {
        var start = clock.StartOfDayUtc(today);
        var end = clock.StartOfDayUtc(today.AddDays(1));
        var rows = await db.Passes.AsNoTracking().GroupBy(p => new { p.Kind, p.State }).Select(g => new
        {
            g.Key.Kind,
            g.Key.State,
            N = g.Count(),
            Today = g.Count(p => p.DecidedAtUtc >= start && p.DecidedAtUtc < end),
            Used = g.Count(p => db.PassUses.Any(u => u.PassId == p.Id)),
        }).ToListAsync(ct);
        var d = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var list = new List<PassFigure>();
        void Add(string key, int value, params (string, string)[] filter) =>
            list.Add(new PassFigure(key, value, [.. filter.Select(x => KeyValuePair.Create(x.Item1, x.Item2))]));
        bool Issued(PassState s) => s is PassState.Approved or PassState.Revoked;
        Add("passes.issuedToday", rows.Where(r => Issued(r.State)).Sum(r => r.Today), ("issuedFrom", d), ("issuedTo", d));
        Add("passes.issued", rows.Where(r => Issued(r.State)).Sum(r => r.N), ("issuedTo", d));
        Add("passes.applied", rows.Where(r => r.State == PassState.Applied).Sum(r => r.N), ("state", nameof(PassState.Applied)));
        Add("passes.revoked", rows.Where(r => r.State == PassState.Revoked).Sum(r => r.N), ("state", nameof(PassState.Revoked)));
        Add("passes.used", rows.Sum(r => r.Used), ("used", "true"));
        foreach (var k in Enum.GetValues<PassKind>())
            Add($"passes.kind.{k}.issued", rows.Where(r => r.Kind == k && Issued(r.State)).Sum(r => r.N), ("kind", k.ToString()), ("issuedTo", d));
        return list;
    }
}

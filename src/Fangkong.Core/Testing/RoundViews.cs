using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>A round as listed: its view and how many of its residents have been sampled.</summary>
public sealed record RoundRow(RoundView Round, int Sampled);

/// <summary>A round or a site to pick in a filter.</summary>
public sealed record Choice(long Id, string Name);

/// <summary>
/// Rounds as the pages and the API show them. Sites and residents are counted for a whole page of rounds at once,
/// so a list costs the same few queries at any page size.
/// </summary>
public sealed class RoundViews
{
    public async Task<Page<RoundRow>> ListAsync(FangkongDb db, RoundStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.TestingRounds.AsNoTracking();
        if (status is { } s) q = q.Where(r => r.Status == s);
        var total = await q.LongCountAsync(ct);
        var rounds = await q.OrderByDescending(r => r.StartUtc).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Page<RoundRow>(await RowsAsync(db, rounds, ct), p, size, total);
    }

    /// <summary>One round with its counts; 404 when there is none.</summary>
    public async Task<RoundRow> GetAsync(FangkongDb db, long id, CancellationToken ct) =>
        (await RowsAsync(db, [await FindAsync(db, id, ct)], ct))[0];

    /// <summary>The view of a round just written (created, opened, closed, re-planned).</summary>
    public async Task<RoundView> ViewAsync(FangkongDb db, TestingRound round, CancellationToken ct) =>
        (await RowsAsync(db, [round], ct))[0].Round;

    /// <summary>404 when there is no such round.</summary>
    public async Task EnsureExistsAsync(FangkongDb db, long id, CancellationToken ct)
    {
        if (!await db.TestingRounds.AnyAsync(r => r.Id == id, ct)) throw new NotFoundException("id", Messages.Get("Testing.NoSuchRound"));
    }

    private static async Task<TestingRound> FindAsync(FangkongDb db, long id, CancellationToken ct) =>
        await db.TestingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Testing.NoSuchRound"));

    /// <summary>The latest rounds, newest first, to pick from.</summary>
    public async Task<IReadOnlyList<Choice>> LatestAsync(FangkongDb db, int count, CancellationToken ct) =>
        await db.TestingRounds.AsNoTracking().OrderByDescending(r => r.Id).Take(count).Select(r => new Choice(r.Id, r.Name)).ToListAsync(ct);

    /// <summary>Rounds not yet closed, latest start first: those door-to-door work belongs to.</summary>
    public async Task<IReadOnlyList<Choice>> NotClosedAsync(FangkongDb db, int count, CancellationToken ct) =>
        await db.TestingRounds.AsNoTracking().Where(r => r.Status != RoundStatus.Closed).OrderByDescending(r => r.StartUtc).Take(count)
            .Select(r => new Choice(r.Id, r.Name)).ToListAsync(ct);

    /// <summary>A round's sites by name.</summary>
    public async Task<IReadOnlyList<Choice>> SitesAsync(FangkongDb db, long roundId, CancellationToken ct) =>
        await db.SamplingSites.AsNoTracking().Where(s => s.RoundId == roundId).OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);

    /// <summary>Names of rounds and of sites by id, for rows that carry only the ids.</summary>
    public async Task<(Dictionary<long, string> Rounds, Dictionary<long, string> Sites)> NamesAsync(FangkongDb db,
        IReadOnlyCollection<long> roundIds, IReadOnlyCollection<long> siteIds, CancellationToken ct) =>
        (await db.TestingRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct),
         await db.SamplingSites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct));

    private static async Task<List<RoundRow>> RowsAsync(FangkongDb db, List<TestingRound> rounds, CancellationToken ct)
    {
        var ids = rounds.Select(r => r.Id).ToList();
        var sites = await db.SamplingSites.Where(s => ids.Contains(s.RoundId)).GroupBy(s => s.RoundId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var residents = await db.RoundResidents.Where(x => ids.Contains(x.RoundId)).GroupBy(x => x.RoundId)
            .Select(g => new { g.Key, AtHome = g.Count(x => x.AtHome), Sampled = g.Count(x => x.SampledAtUtc != null) }).ToDictionaryAsync(x => x.Key, ct);
        return rounds.Select(r =>
        {
            var counts = residents.GetValueOrDefault(r.Id);
            return new RoundRow(RoundView.From(r, sites.GetValueOrDefault(r.Id), counts?.AtHome ?? 0), counts?.Sampled ?? 0);
        }).ToList();
    }
}

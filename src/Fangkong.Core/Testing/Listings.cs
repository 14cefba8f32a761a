using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record ResampleView(long Id, long PersonId, string MaskedName, string Address, string SourceTube, DateTime CreatedAtUtc, DateTime? DoneAtUtc);

public static class SiteListing
{
    public static async Task<Page<SiteView>> ListAsync(FangkongDb db, long roundId, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var sites = db.SamplingSites.AsNoTracking().Where(s => s.RoundId == roundId);
        if (!string.IsNullOrWhiteSpace(q)) sites = sites.Where(s => s.Name.Contains(q.Trim()));
        var total = await sites.LongCountAsync(ct);
        var rows = await sites.OrderBy(s => s.Name).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(s => s.Id).ToList();
        var compounds = await db.SiteCompounds.Where(s => ids.Contains(s.SiteId)).GroupBy(s => s.SiteId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var waves = await db.RoundWaves.Where(w => ids.Contains(w.SiteId)).GroupBy(w => w.SiteId)
            .Select(g => new { g.Key, Residents = g.Sum(w => w.Residents), First = g.Min(w => w.StartUtc), Last = g.Max(w => w.EndUtc) }).ToDictionaryAsync(x => x.Key, ct);
        var names = await db.Communities.Where(c => rows.Select(r => r.CommunityId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new Page<SiteView>(rows.Select(s =>
        {
            var w = waves.GetValueOrDefault(s.Id);
            return new SiteView(s.Id, s.Name, s.CommunityId, names.GetValueOrDefault(s.CommunityId, ""), s.Tables, s.SwabsPerTablePerHour,
                compounds.GetValueOrDefault(s.Id), w?.Residents ?? 0, w?.First, w?.Last);
        }).ToList(), p, size, total);
    }
}

public static class ResampleListing
{
    public static async Task<Page<ResampleView>> ListAsync(FangkongDb db, long roundId, bool? done, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.ResampleTasks.AsNoTracking().Where(t => t.RoundId == roundId);
        if (done is { } d) q = d ? q.Where(t => t.DoneAtUtc != null) : q.Where(t => t.DoneAtUtc == null);
        var total = await q.LongCountAsync(ct);
        var rows = await (from t in q
                          join person in db.Persons on t.PersonId equals person.Id
                          join tube in db.Tubes on t.SourceTubeId equals (long?)tube.Id
                          orderby t.CreatedAtUtc, t.Id
                          select new { t, person.Name, person.HouseholdId, tube.Barcode }).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var addresses = await People.PersonDirectory.AddressesAsync(db, rows.Select(r => r.HouseholdId).OfType<long>().Distinct().ToList(), ct);
        var items = rows.Select(r => new ResampleView(r.t.Id, r.t.PersonId, Masking.Name(r.Name), r.HouseholdId is { } h ? addresses.GetValueOrDefault(h, "") : "",
            r.Barcode, r.t.CreatedAtUtc, r.t.DoneAtUtc)).ToList();
        return new Page<ResampleView>(items, p, size, total);
    }
}

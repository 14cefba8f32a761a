using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public enum CoverageLevel { District = 1, Community = 2, Compound = 3, Building = 4 }

public sealed record CoverageRow(string Id, string Name, int Residents, int Sampled, int ResultsOut, int Missed)
{
    public double SampledShare => Residents == 0 ? 0 : (double)Sampled / Residents;
}

public sealed record CoverageView(long RoundId, CoverageLevel Level, string? Parent, CoverageRow Total, IReadOnlyList<CoverageRow> Rows);

public sealed record MissingPerson(long PersonId, string MaskedName, string MaskedDocument, string Address, bool AtHome, bool HasDoorTask);

/// <summary>
/// Live progress of a round by place, read from the roster's place index: each drill-down level reads the range of
/// its parent (district → community → compound → building), so a level costs its own rows, not the city's.
/// </summary>
public static class Coverage
{
    public static async Task<CoverageView> ByPlaceAsync(FangkongDb db, long roundId, CoverageLevel level, string? parent, CancellationToken ct)
    {
        if (!await db.TestingRounds.AnyAsync(r => r.Id == roundId, ct)) throw new NotFoundException("roundId", Messages.Get("Testing.NoSuchRound"));
        if (!Enum.IsDefined(level)) throw new InputException("level", Messages.Get("Testing.UnknownLevel"));
        var q = db.RoundResidents.AsNoTracking().Where(x => x.RoundId == roundId);
        long parentId = 0;
        if (level != CoverageLevel.District)
        {
            if (string.IsNullOrWhiteSpace(parent)) throw new InputException("parent", Messages.Get("Testing.ParentRequired"));
            if (level != CoverageLevel.Community && !long.TryParse(parent, out parentId)) throw new InputException("parent", Messages.Get("Testing.ParentNotANumber"));
        }
        q = level switch
        {
            CoverageLevel.Community => q.Where(x => x.DistrictCode == parent),
            CoverageLevel.Compound => await WithinAsync(db, q, null, parentId, ct),
            CoverageLevel.Building => await WithinAsync(db, q, parentId, null, ct),
            _ => q,
        };
        var rows = level switch
        {
            CoverageLevel.District => await q.GroupBy(x => x.DistrictCode).Select(g => new Agg(g.Key, 0, g.Count(), g.Count(x => x.SampledAtUtc != null), g.Count(x => x.ResultAtUtc != null), g.Count(x => x.Missed))).ToListAsync(ct),
            CoverageLevel.Community => await q.GroupBy(x => x.CommunityId).Select(g => new Agg(null, g.Key, g.Count(), g.Count(x => x.SampledAtUtc != null), g.Count(x => x.ResultAtUtc != null), g.Count(x => x.Missed))).ToListAsync(ct),
            CoverageLevel.Compound => await q.GroupBy(x => x.CompoundId).Select(g => new Agg(null, g.Key, g.Count(), g.Count(x => x.SampledAtUtc != null), g.Count(x => x.ResultAtUtc != null), g.Count(x => x.Missed))).ToListAsync(ct),
            _ => await q.GroupBy(x => x.BuildingId).Select(g => new Agg(null, g.Key, g.Count(), g.Count(x => x.SampledAtUtc != null), g.Count(x => x.ResultAtUtc != null), g.Count(x => x.Missed))).ToListAsync(ct),
        };
        var names = await NamesAsync(db, level, rows, ct);
        var list = rows.Select(r => new CoverageRow(r.Code ?? r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                names.GetValueOrDefault(r.Code ?? r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "?"), r.Residents, r.Sampled, r.ResultsOut, r.Missed))
            .OrderBy(r => (double)r.Sampled / Math.Max(1, r.Residents)).ThenBy(r => r.Name, Domain.Text.CodePointOrder.Instance).ToList();
        var total = new CoverageRow(parent ?? "", Messages.Get("Testing.CoverageTotal"), list.Sum(r => r.Residents), list.Sum(r => r.Sampled), list.Sum(r => r.ResultsOut), list.Sum(r => r.Missed));
        return new CoverageView(roundId, level, parent, total, list);
    }

    private sealed record Agg(string? Code, long Id, int Residents, int Sampled, int ResultsOut, int Missed);

    private static async Task<Dictionary<string, string>> NamesAsync(FangkongDb db, CoverageLevel level, List<Agg> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        static string S(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return level switch
        {
            CoverageLevel.District => await db.Districts.ToDictionaryAsync(d => d.Code, d => d.Name, ct),
            CoverageLevel.Community => (await db.Communities.Where(c => ids.Contains(c.Id)).ToListAsync(ct)).ToDictionary(c => S(c.Id), c => c.Name),
            CoverageLevel.Compound => (await db.Compounds.Where(c => ids.Contains(c.Id)).ToListAsync(ct)).ToDictionary(c => S(c.Id), c => c.Name),
            _ => (await db.Buildings.Where(b => ids.Contains(b.Id)).ToListAsync(ct)).ToDictionary(b => S(b.Id), b => $"{b.Number}号楼"),
        };
    }

    /// <summary>Residents of a compound or building not yet sampled, masked, paged; the list door-knocking starts from.</summary>
    public static async Task<Page<MissingPerson>> MissingAsync(FangkongDb db, long roundId, long? compoundId, long? buildingId, int? page, int? pageSize, CancellationToken ct)
    {
        if (compoundId is null && buildingId is null) throw new InputException("compoundId", Messages.Get("Testing.CompoundOrBuilding"));
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.RoundResidents.AsNoTracking().Where(x => x.RoundId == roundId && x.SampledAtUtc == null);
        if (buildingId is { } b)
        {
            var compoundOfBuilding = await db.Buildings.Where(x => x.Id == b).Select(x => (long?)x.CompoundId).FirstOrDefaultAsync(ct);
            q = compoundOfBuilding is { } cb ? (await WithinAsync(db, q, cb, null, ct)).Where(x => x.BuildingId == b) : q.Where(_ => false);
        }
        else q = await WithinAsync(db, q, compoundId!.Value, null, ct);
        // The keys of a compound's missing are few (its residents at most): read them by the place index and order them
        // here, since ordering by household in SQL lets SQLite pick the household index and scan the whole round.
        var keys = (await q.Select(x => new { x.PersonId, x.HouseholdId, x.AtHome }).ToListAsync(ct))
            .OrderBy(x => x.HouseholdId).ThenBy(x => x.PersonId).ToList();
        var pageKeys = keys.Skip((p - 1) * size).Take(size).ToList();
        var ids = pageKeys.Select(k => k.PersonId).ToList();
        var households = pageKeys.Select(k => k.HouseholdId).Distinct().ToList();
        var people = await db.Persons.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var tasked = (await db.DoorTasks.Where(t => t.RoundId == roundId && households.Contains(t.HouseholdId)).Select(t => t.HouseholdId).ToListAsync(ct)).ToHashSet();
        var addresses = await People.PersonDirectory.AddressesAsync(db, households, ct);
        var items = pageKeys.Select(k =>
        {
            var person = people[k.PersonId];
            return new MissingPerson(k.PersonId, Masking.Name(person.Name), Masking.DocumentNumber(person.DocumentNumber),
                addresses.GetValueOrDefault(k.HouseholdId, ""), k.AtHome, tasked.Contains(k.HouseholdId));
        }).ToList();
        long total = keys.Count;
        return new Page<MissingPerson>(items, p, size, total);
    }
    /// <summary>
    /// Restricts the roster to a compound (or a community) with its whole place chain — district, community, compound —
    /// so the query reads one range of the place index instead of scanning the round: the index leads with the
    /// district, and a filter on a later column alone cannot use it.
    /// </summary>
    private static async Task<IQueryable<RoundResident>> WithinAsync(FangkongDb db, IQueryable<RoundResident> q, long? compoundId, long? communityId, CancellationToken ct)
    {
        if (compoundId is { } compound)
        {
            var chain = await (from cp in db.Compounds
                               where cp.Id == compound
                               join c in db.Communities on cp.CommunityId equals c.Id
                               join st in db.Streets on c.StreetId equals st.Id
                               select new { st.DistrictCode, CommunityId = c.Id }).FirstOrDefaultAsync(ct);
            return chain is null ? q.Where(_ => false)
                : q.Where(x => x.DistrictCode == chain.DistrictCode && x.CommunityId == chain.CommunityId && x.CompoundId == compound);
        }
        var community = communityId!.Value;
        var district = await (from c in db.Communities
                              where c.Id == community
                              join st in db.Streets on c.StreetId equals st.Id
                              select st.DistrictCode).FirstOrDefaultAsync(ct);
        return district is null ? q.Where(_ => false) : q.Where(x => x.DistrictCode == district && x.CommunityId == community);
    }
}

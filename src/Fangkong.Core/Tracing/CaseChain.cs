using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>Which cases the chain shows: reported in a period (city dates, both ends included), in a district, one cluster.</summary>
public sealed record CaseChainFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>The district the case was counted in (its home's, when reported).</summary>
    public string? District { get; init; }
    /// <summary>One cluster by its number in this view (1 = the largest).</summary>
    public int? Cluster { get; init; }
    public bool IncludeSecondary { get; init; }
    /// <summary>Also contacts the platform proposed that nobody has decided on yet.</summary>
    public bool IncludeProposed { get; init; }
    public int MaxCases { get; init; } = CaseChain.DefaultMaxCases;
}

/// <summary>A case in the chain with its contacts folded into counts (those who became cases are cases of their own).</summary>
public sealed record ChainCase(long CaseId, long PersonId, string Label, DateTime ReportedAtUtc, CaseClass Class, string? DistrictCode, int Cluster,
    int Close, int Secondary, int Proposed)
{
    public int Contacts => Close + Secondary + Proposed;
}

/// <summary>An infection link the contacts suggest: a contact of <see cref="FromCaseId"/> became <see cref="ToCaseId"/> (reported later).</summary>
public sealed record ChainLink(long FromCaseId, long ToCaseId);

public sealed record CaseCluster(int Id, int Cases, int Contacts, DateTime FirstUtc, DateTime LastUtc, IReadOnlyList<string> Districts);

/// <param name="TotalCases">Cases the period and district hold, before the cluster filter and the cap.</param>
/// <param name="TotalContacts">Distinct contacts (not cases themselves) of those cases.</param>
public sealed record CaseChainView(IReadOnlyList<ChainCase> Cases, IReadOnlyList<ChainLink> Links, IReadOnlyList<CaseCluster> Clusters,
    int TotalCases, int TotalContacts, int TotalClusters, bool Truncated);

/// <summary>One contact of a case, for the chain's "expand".</summary>
public sealed record ChainContact(long ContactId, long PersonId, string Label, ContactGrade Grade, ProposalStatus Status, DateTime FirstExposureUtc, long? BecameCaseId);

/// <summary>
/// The chain of transmission as an epidemiologist reads it at an outbreak's size: the cases, the infection links between
/// them (a contact of one became the next), and each case's other contacts as counts, not nodes — a thousand contacts
/// are a number beside forty cases, not a thousand dots. Cases are grouped into clusters (connected through shared
/// contacts, union–find), largest first; beyond <see cref="CaseChainFilter.MaxCases"/> the smallest clusters are left
/// out and the answer says so.
/// </summary>
public static class CaseChain
{
    public const int DefaultMaxCases = 400;
    public const int MaxCasesLimit = 5000;

    public static async Task<CaseChainView> BuildAsync(FangkongDb db, CaseChainFilter f, CityClock clock, CancellationToken ct)
    {
        if (f.From is { } a && f.To is { } b && b < a) throw new InputException("to", Messages.Get("Tracing.ChainToBeforeFrom"));
        if (f.District is { } d && (d.Length != 6 || !d.All(char.IsAsciiDigit))) throw new InputException("district", Messages.Get("Tracing.ChainDistrict"));
        if (f.Cluster is <= 0) throw new InputException("cluster", Messages.Get("Tracing.ClusterNumber"));
        var cases = db.Cases.AsNoTracking();
        if (f.From is { } from) { var t = clock.StartOfDayUtc(from); cases = cases.Where(c => c.ReportedAtUtc >= t); }
        if (f.To is { } to) { var t = clock.StartOfDayUtc(to.AddDays(1)); cases = cases.Where(c => c.ReportedAtUtc < t); }
        if (f.District is { } district) cases = cases.Where(c => c.DistrictCode == district);
        var caseRows = await cases.Select(c => new { c.Id, c.PersonId, c.ReportedAtUtc, c.Class, c.DistrictCode }).ToListAsync(ct);

        var contacts = new List<(long CaseId, long PersonId, ContactGrade Grade, ProposalStatus Status)>();
        foreach (var chunk in caseRows.Select(c => c.Id).Chunk(1000))
            contacts.AddRange((await db.ContactProposals.AsNoTracking()
                .Where(p => chunk.Contains(p.CaseId) && (p.Status == ProposalStatus.Confirmed || (f.IncludeProposed && p.Status == ProposalStatus.Proposed)))
                .Where(p => p.Grade == ContactGrade.Close || (f.IncludeSecondary && p.Grade == ContactGrade.Secondary))
                .Select(p => new { p.CaseId, p.PersonId, p.Grade, p.Status }).ToListAsync(ct))
                .Select(p => (p.CaseId, p.PersonId, p.Grade, p.Status)));

        // A contact who became a case (reported at any time) is a case, not a count; within the view, a link.
        var caseOfPerson = caseRows.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.MinBy(c => c.ReportedAtUtc)!);
        var becameCase = new HashSet<long>(caseOfPerson.Keys);
        foreach (var chunk in contacts.Select(c => c.PersonId).Distinct().Where(p => !becameCase.Contains(p)).Chunk(1000))
            becameCase.UnionWith(await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.PersonId)).Select(c => c.PersonId).ToListAsync(ct));
        var reported = caseRows.ToDictionary(c => c.Id);
        var links = new HashSet<ChainLink>();
        foreach (var x in contacts)
        {
            if (!caseOfPerson.TryGetValue(x.PersonId, out var other) || other.Id == x.CaseId) continue;
            var mine = reported[x.CaseId];
            // Who infected whom is read from the order of report: the earlier case is the source.
            links.Add(mine.ReportedAtUtc <= other.ReportedAtUtc ? new ChainLink(mine.Id, other.Id) : new ChainLink(other.Id, mine.Id));
        }

        // Clusters: cases joined through their contacts (a shared household member joins two cases).
        var ids = caseRows.Select(c => c.PersonId).Concat(contacts.Select(c => c.PersonId)).Distinct().ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var parent = Enumerable.Range(0, ids.Count).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        foreach (var x in contacts)
        {
            var p = Find(index[reported[x.CaseId].PersonId]);
            var q = Find(index[x.PersonId]);
            if (p != q) parent[p] = q;
        }
        var folded = contacts.Where(c => !becameCase.Contains(c.PersonId)).ToList();
        var contactsByRoot = folded.GroupBy(c => Find(index[c.PersonId])).ToDictionary(g => g.Key, g => g.Select(c => c.PersonId).Distinct().Count());
        var groups = caseRows.GroupBy(c => Find(index[c.PersonId]))
            .Select(g => (Root: g.Key, Cases: g.OrderBy(c => c.ReportedAtUtc).ThenBy(c => c.Id).ToList(), Contacts: contactsByRoot.GetValueOrDefault(g.Key)))
            .OrderByDescending(g => g.Cases.Count).ThenByDescending(g => g.Contacts).ThenBy(g => g.Cases[0].ReportedAtUtc).ToList();

        var counts = folded.GroupBy(c => c.CaseId).ToDictionary(g => g.Key, g => (
            Close: g.Where(c => c.Status == ProposalStatus.Confirmed && c.Grade == ContactGrade.Close).Select(c => c.PersonId).Distinct().Count(),
            Secondary: g.Where(c => c.Status == ProposalStatus.Confirmed && c.Grade == ContactGrade.Secondary).Select(c => c.PersonId).Distinct().Count(),
            Proposed: g.Where(c => c.Status == ProposalStatus.Proposed).Select(c => c.PersonId).Distinct().Count()));
        var max = Math.Clamp(f.MaxCases, 1, MaxCasesLimit);
        var kept = new List<(int Number, List<(long Id, long PersonId, DateTime ReportedAtUtc, CaseClass Class, string? DistrictCode)> Cases, int Contacts)>();
        var truncated = false;
        var shown = 0;
        foreach (var (g, n) in groups.Select((g, i) => (g, i + 1)))
        {
            if (f.Cluster is { } only && only != n) continue;
            if (shown + g.Cases.Count > max && shown > 0) { truncated = true; break; }
            kept.Add((n, g.Cases.Select(c => (c.Id, c.PersonId, c.ReportedAtUtc, c.Class, c.DistrictCode)).ToList(), g.Contacts));
            shown += g.Cases.Count;
        }

        var names = new Dictionary<long, string>();
        foreach (var chunk in kept.SelectMany(k => k.Cases.Select(c => c.PersonId)).Chunk(1000))
            foreach (var p in await db.Persons.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                names[p.Id] = Masking.Name(p.Name);
        var chainCases = kept.SelectMany(k => k.Cases.Select(c =>
        {
            var n = counts.GetValueOrDefault(c.Id);
            return new ChainCase(c.Id, c.PersonId, names.GetValueOrDefault(c.PersonId, "?"), c.ReportedAtUtc, c.Class, c.DistrictCode, k.Number, n.Close, n.Secondary, n.Proposed);
        })).ToList();
        var shownIds = chainCases.Select(c => c.CaseId).ToHashSet();
        var clusters = kept.Select(k => new CaseCluster(k.Number, k.Cases.Count, k.Contacts, k.Cases.Min(c => c.ReportedAtUtc), k.Cases.Max(c => c.ReportedAtUtc),
            k.Cases.Select(c => c.DistrictCode).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
        return new CaseChainView(chainCases, links.Where(l => shownIds.Contains(l.FromCaseId) && shownIds.Contains(l.ToCaseId)).ToList(), clusters,
            caseRows.Count, folded.Select(c => c.PersonId).Distinct().Count(), groups.Count, truncated);
    }

    /// <summary>A case's contacts, decided ones first, for the chain's "expand" (masked; at most <paramref name="max"/>).</summary>
    public static async Task<IReadOnlyList<ChainContact>> ContactsOfAsync(FangkongDb db, long caseId, bool includeSecondary, bool includeProposed, int max, CancellationToken ct)
    {
        var rows = await db.ContactProposals.AsNoTracking()
            .Where(p => p.CaseId == caseId && (p.Status == ProposalStatus.Confirmed || (includeProposed && p.Status == ProposalStatus.Proposed)))
            .Where(p => p.Grade == ContactGrade.Close || (includeSecondary && p.Grade == ContactGrade.Secondary))
            .OrderBy(p => p.Status == ProposalStatus.Confirmed ? 0 : 1).ThenBy(p => p.Grade).ThenBy(p => p.FirstExposureUtc).Take(Math.Clamp(max, 1, 1000))
            .Select(p => new
            {
                p.Id,
                p.PersonId,
                p.Grade,
                p.Status,
                p.FirstExposureUtc,
                Name = db.Persons.Where(x => x.Id == p.PersonId).Select(x => x.Name).FirstOrDefault(),
                BecameCaseId = db.Cases.Where(c => c.PersonId == p.PersonId && c.Id != caseId).OrderBy(c => c.ReportedAtUtc).Select(c => (long?)c.Id).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new ChainContact(r.Id, r.PersonId, Masking.Name(r.Name ?? "?"), r.Grade, r.Status, r.FirstExposureUtc, r.BecameCaseId)).ToList();
    }
}

using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>A person in the chain: a case, or a contact of one; a contact who became a case is one node, a case.</summary>
public sealed record ChainNode(long PersonId, string Label, string Kind, DateTime AtUtc, int Cluster, long? CaseId);

/// <summary>From a case to a contact of it (grade), or an infection link when that contact became a case.</summary>
public sealed record ChainEdge(long From, long To, string Kind);

public sealed record ChainCluster(int Id, int Cases, int Persons, DateTime FirstUtc, DateTime LastUtc);

public sealed record ChainGraph(IReadOnlyList<ChainNode> Nodes, IReadOnlyList<ChainEdge> Edges, IReadOnlyList<ChainCluster> Clusters,
    int TotalNodes, int TotalClusters, bool Truncated);

public sealed record ChainFilter(DateTime? FromUtc, DateTime? ToUtc, bool IncludeSecondary, bool IncludeCompanions, bool IncludeProposed, int MinClusterSize, int MaxNodes);

/// <summary>
/// The chain of transmission: cases reported in a period and their contacts (confirmed, or also proposed), joined
/// into clusters (connected components, union–find) so thousands of persons read as a few outbreaks. Largest clusters
/// come first; beyond <see cref="ChainFilter.MaxNodes"/> the smallest clusters are left out and the answer says so.
/// </summary>
public static class TransmissionChain
{
    public const int MaxNodesLimit = 10_000;

    public static async Task<ChainGraph> BuildAsync(FangkongDb db, ChainFilter f, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking();
        if (f.FromUtc is { } start) cases = cases.Where(c => c.ReportedAtUtc >= start);
        if (f.ToUtc is { } end) cases = cases.Where(c => c.ReportedAtUtc < end);
        var caseRows = await cases.Select(c => new { c.Id, c.PersonId, c.ReportedAtUtc }).ToListAsync(ct);
        var caseIds = caseRows.Select(c => c.Id).ToList();
        var contacts = new List<(long CaseId, long PersonId, ContactGrade Grade, DateTime At, long? Via)>();
        foreach (var chunk in caseIds.Chunk(1000))
            contacts.AddRange((await db.ContactProposals.AsNoTracking()
                .Where(p => chunk.Contains(p.CaseId) && (p.Status == ProposalStatus.Confirmed || (f.IncludeProposed && p.Status == ProposalStatus.Proposed)))
                .Where(p => p.Grade == ContactGrade.Close || (f.IncludeSecondary && p.Grade == ContactGrade.Secondary) || (f.IncludeCompanions && p.Grade == ContactGrade.Companion))
                .Select(p => new { p.CaseId, p.PersonId, p.Grade, p.FirstExposureUtc, p.ViaPersonId }).ToListAsync(ct))
                .Select(p => (p.CaseId, p.PersonId, p.Grade, p.FirstExposureUtc, p.ViaPersonId)));

        // Persons who are cases anywhere (also reported outside the period) are drawn as cases.
        var personIds = caseRows.Select(c => c.PersonId).Concat(contacts.Select(c => c.PersonId)).Distinct().ToList();
        var allCases = new Dictionary<long, (long Id, DateTime At)>();
        foreach (var chunk in personIds.Chunk(1000))
            foreach (var c in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.PersonId)).Select(c => new { c.PersonId, c.Id, c.ReportedAtUtc }).ToListAsync(ct))
                allCases.TryAdd(c.PersonId, (c.Id, c.ReportedAtUtc));
        var casePerson = caseRows.ToDictionary(c => c.Id, c => c.PersonId);

        var nodes = new Dictionary<long, (string Kind, DateTime At, long? CaseId)>();
        foreach (var c in caseRows) nodes[c.PersonId] = ("case", c.ReportedAtUtc, c.Id);
        var edges = new List<ChainEdge>();
        foreach (var x in contacts)
        {
            var kind = x.Grade switch { ContactGrade.Close => "close", ContactGrade.Secondary => "secondary", _ => "companion" };
            if (allCases.TryGetValue(x.PersonId, out var own)) nodes[x.PersonId] = ("case", own.At, own.Id);
            else if (!nodes.TryGetValue(x.PersonId, out var seen) || Rank(seen.Kind) > Rank(kind)) nodes[x.PersonId] = (kind, x.At, null);
            var from = x.Grade == ContactGrade.Secondary && x.Via is { } via ? via : casePerson[x.CaseId];
            if (!nodes.ContainsKey(from)) nodes[from] = (allCases.ContainsKey(from) ? "case" : "close", x.At, allCases.TryGetValue(from, out var fc) ? fc.Id : null);
            edges.Add(new ChainEdge(from, x.PersonId, allCases.ContainsKey(x.PersonId) ? "infection" : kind));
        }
        edges = edges.DistinctBy(e => (e.From, e.To)).ToList();

        var ids = nodes.Keys.ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var parent = Enumerable.Range(0, ids.Count).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        foreach (var e in edges) { var a = Find(index[e.From]); var b = Find(index[e.To]); if (a != b) parent[a] = b; }
        var groups = ids.GroupBy(id => Find(index[id])).Where(g => g.Count() >= Math.Max(1, f.MinClusterSize))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(id => nodes[id].At)).ToList();

        var max = Math.Clamp(f.MaxNodes, 1, MaxNodesLimit);
        var names = new Dictionary<long, string>();
        var kept = new List<ChainNode>();
        var clusters = new List<ChainCluster>();
        var truncated = false;
        foreach (var (g, n) in groups.Select((g, n) => (g, n + 1)))
        {
            if (kept.Count + g.Count() > max) { truncated = true; break; }
            var members = g.ToList();
            foreach (var chunk in members.Chunk(1000))
                foreach (var p in await db.Persons.Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                    names[p.Id] = Masking.Name(p.Name);
            kept.AddRange(members.Select(id => new ChainNode(id, names.GetValueOrDefault(id, "?"), nodes[id].Kind, nodes[id].At, n, nodes[id].CaseId)));
            clusters.Add(new ChainCluster(n, members.Count(id => nodes[id].Kind == "case"), members.Count, members.Min(id => nodes[id].At), members.Max(id => nodes[id].At)));
        }
        var keptIds = kept.Select(k => k.PersonId).ToHashSet();
        return new ChainGraph(kept.OrderBy(k => k.Cluster).ThenBy(k => k.AtUtc).ToList(), edges.Where(e => keptIds.Contains(e.From) && keptIds.Contains(e.To)).ToList(),
            clusters, nodes.Count, groups.Count, truncated);
    }

    private static int Rank(string kind) => kind switch { "case" => 0, "close" => 1, "secondary" => 2, _ => 3 };
}

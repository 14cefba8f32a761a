using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// The epidemiologist's afternoon for each new case, through the use cases: search its contacts
/// (<see cref="ContactSearch"/>), decide them in bulk — the household and the <see cref="MaxVenueContacts"/> shared visits
/// with the longest overlaps confirmed, the rest dismissed as general contacts after the interview (a venue is a whole
/// workplace or school here, where an investigator asks who shared the office), and persons who are cases themselves
/// dismissed —, optionally the secondary contacts, and quarantine the confirmed (<see cref="QuarantinePlacement"/>) at a site with free rooms,
/// opening a new site (a hotel of 2,000 rooms) whenever the ones in use are full.
/// </summary>
internal static class OutbreakTracing
{
    public const int RoomsPerSite = 2000;

    /// <summary>Shared-visit contacts an investigator confirms for one case, longest overlaps first; the rest are general contacts.</summary>
    public const int MaxVenueContacts = 30;

    /// <summary>Returns the contacts confirmed.</summary>
    public static async Task<int> TraceAsync(OutbreakWorld w, IReadOnlyList<CaseRecord> cases, CancellationToken ct)
    {
        var search = w.Get<ContactSearch>();
        var decisions = w.Get<ContactDecisions>();
        var placement = w.Get<QuarantinePlacement>();
        var confirmed = 0;
        foreach (var c in cases)
        {
            w.At(16);
            await using (var db = await w.DbAsync(ct)) await search.ProposeAsync(db, c.Id, w.Reader, ct);
            confirmed += await DecideAsync(w, decisions, c.Id, ct);
            if (w.Options.Secondary && TracingPolicy.For(c.Edition).IdentifiesSecondaryContacts)
            {
                await using (var db = await w.DbAsync(ct)) await search.ProposeSecondaryAsync(db, c.Id, w.Reader, ct);
                confirmed += await DecideAsync(w, decisions, c.Id, ct);
            }
            w.At(17);
            await PlaceAsync(w, placement, c.Id, ct);
        }
        return confirmed;
    }

    private static async Task<int> DecideAsync(OutbreakWorld w, ContactDecisions decisions, long caseId, CancellationToken ct)
    {
        List<ContactProposal> proposed;
        HashSet<long> cases = [];
        await using (var db = await w.DbAsync(ct))
        {
            proposed = await db.ContactProposals.AsNoTracking().Where(p => p.CaseId == caseId && p.Status == ProposalStatus.Proposed).OrderBy(p => p.Id).ToListAsync(ct);
            foreach (var chunk in proposed.Select(p => p.PersonId).Chunk(1000))
                cases.UnionWith(await db.Cases.Where(x => chunk.Contains(x.PersonId)).Select(x => x.PersonId).ToListAsync(ct));
        }
        var open = proposed.Where(p => !cases.Contains(p.PersonId)).ToList();
        var confirm = open.Where(p => p.Kind != ContactKind.SharedVisit)
            .Concat(open.Where(p => p.Kind == ContactKind.SharedVisit).OrderByDescending(p => p.OverlapMinutes).ThenBy(p => p.Id).Take(MaxVenueContacts))
            .Select(p => p.Id).ToHashSet();
        var general = open.Where(p => !confirm.Contains(p.Id)).Select(p => p.Id).ToList();
        var inHospital = proposed.Where(p => cases.Contains(p.PersonId)).Select(p => p.Id).ToList();
        await DecideAsync(w, decisions, caseId, confirm.ToList(), ProposalStatus.Confirmed, "模拟疫情：流调确认", ct);
        await DecideAsync(w, decisions, caseId, general, ProposalStatus.Dismissed, "面谈后判为一般接触者", ct);
        await DecideAsync(w, decisions, caseId, inHospital, ProposalStatus.Dismissed, "已是病例，在院治疗", ct);
        return confirm.Count;
    }

    private static async Task DecideAsync(OutbreakWorld w, ContactDecisions decisions, long caseId, List<long> ids, ProposalStatus status, string note, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(ContactDecisions.MaxBulk))
            await using (var db = await w.DbAsync(ct))
                await decisions.DecideAsync(db, caseId, new ContactDecision(chunk, status, note), w.Epidemiologist, ct);
    }

    /// <summary>Quarantines the case's confirmed contacts not yet placed; a family the site cannot hold goes to a new site.</summary>
    private static async Task PlaceAsync(OutbreakWorld w, QuarantinePlacement placement, long caseId, CancellationToken ct)
    {
        List<long> ids;
        await using (var db = await w.DbAsync(ct))
        {
            var placed = db.QuarantineStays.Where(s => s.CaseId == caseId && s.ContactId != null).Select(s => s.ContactId!.Value);
            ids = await db.ContactProposals.AsNoTracking()
                .Where(p => p.CaseId == caseId && p.Status == ProposalStatus.Confirmed && p.ReleasedAtUtc == null && p.Grade != ContactGrade.Companion && !placed.Contains(p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        }
        for (var attempt = 0; ids.Count > 0 && attempt < 3; attempt++)
        {
            var site = await SiteWithRoomAsync(w, ids.Count, attempt > 0, ct);
            var noRoom = new List<long>();
            foreach (var chunk in ids.Chunk(ContactDecisions.MaxBulk))
            {
                await using var db = await w.DbAsync(ct);
                var answer = await placement.PlaceAsync(db, caseId, new PlaceRequest(chunk, site), ct);
                // A person in quarantine already has it restarted or covered by the placement itself; only a full site is retried elsewhere.
                noRoom.AddRange(answer.Refused.Where(r => r.Reason.Contains("no free room", StringComparison.Ordinal)).Select(r => r.Id));
            }
            ids = noRoom;
        }
    }

    /// <summary>The newest site with at least <paramref name="persons"/> free rooms (or a fresh one).</summary>
    private static async Task<long> SiteWithRoomAsync(OutbreakWorld w, int persons, bool fresh, CancellationToken ct)
    {
        await using var db = await w.DbAsync(ct);
        if (!fresh)
        {
            var sites = await db.QuarantineSites.AsNoTracking().OrderByDescending(s => s.Id).Select(s => s.Id).Take(3).ToListAsync(ct);
            foreach (var id in sites)
            {
                var rooms = await db.QuarantineRooms.CountAsync(r => r.SiteId == id, ct);
                var taken = await db.QuarantineStays.Where(s => s.SiteId == id && s.State == QuarantineState.InQuarantine && s.RoomId != null).Select(s => s.RoomId).Distinct().CountAsync(ct);
                if (rooms - taken >= persons) return id;
            }
        }
        var n = await db.QuarantineSites.CountAsync(ct) + 1;
        var district = await db.Districts.OrderBy(d => d.Code).Select(d => d.Code).Skip((n - 1) % Math.Max(1, await db.Districts.CountAsync(ct))).FirstAsync(ct);
        var site = await w.Get<QuarantineSites>().CreateAsync(db, new NewSite($"集中隔离点{n}号", district, $"模拟隔离酒店{n}", Rooms()), ct);
        return site.Id;
    }

    /// <summary>Mostly single rooms, some family rooms up to eight beds (a family shares one room).</summary>
    private static List<RoomInput> Rooms()
    {
        var rooms = new List<RoomInput>(RoomsPerSite);
        for (var i = 0; i < RoomsPerSite; i++)
        {
            var beds = (i % 100) switch { < 60 => 1, < 80 => 2, < 90 => 3, < 96 => 4, < 99 => 6, _ => 8 };
            rooms.Add(new RoomInput($"{i / 50 + 1}{i % 50 + 1:00}", beds));
        }
        return rooms;
    }
}

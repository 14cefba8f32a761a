using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

public sealed record ReleaseRequest(IReadOnlyList<long>? Ids);

public sealed record ReleaseRefusal(long Id, string Reason);

public sealed record ReleaseAnswer(int Released, IReadOnlyList<ReleaseRefusal> Refused);

/// <summary>
/// One contact's release as <see cref="ContactRelease.ReleaseAsync"/> will make it: the place they leave, the scheduled
/// tests not yet sampled that are dropped, the person's other designations released along, and the code colour now and after.
/// </summary>
public sealed record ReleasePreview(long ContactId, long PersonId, string Name, ContactGrade Grade, QuarantinePlace? Place, string? Site, string? Room,
    DateOnly? Day1, int TestsCancelled, IReadOnlyList<long> AlsoReleased, ColourPreview Colour);

public sealed record ReleasePreviewAnswer(IReadOnlyList<ReleasePreview> Released, IReadOnlyList<ReleaseRefusal> Refused);

/// <summary>
/// Releases confirmed contacts from management (domain.md §6): only when the case's policy preset has been served in
/// full from the day management began, and every test its schedule calls for is negative. A test counts for a
/// scheduled day when the person was sampled that day (city time). Released contacts' codes are re-derived.
/// A person's quarantine may serve several designations (a later exposure restarted it, or it covered a shorter one):
/// those are released with the designation the stay serves, once their own preset's days are over, not on their own.
/// The decision is one plan (<see cref="PlanAsync"/>): <see cref="PreviewAsync"/> shows it without writing,
/// <see cref="ReleaseAsync"/> carries it out.
/// </summary>
public sealed class ContactRelease(CityClock clock, ICodeRecompute codes)
{
    /// <param name="Along">Other open designations of the released persons, released with the stay's owner (by contact id).</param>
    private sealed record Plan(List<ContactProposal> Released, List<ReleaseRefusal> Refused, List<(ContactProposal Other, long Owner)> Along);

    public async Task<ReleaseAnswer> ReleaseAsync(FangkongDb db, long caseId, ReleaseRequest r, CancellationToken ct)
    {
        var plan = await PlanAsync(db, caseId, r, ct);
        var now = clock.UtcNow;
        foreach (var x in plan.Released) x.ReleasedAtUtc = now;
        await db.SaveChangesAsync(ct);
        if (plan.Released.Count > 0)
        {
            // Their quarantine ends with the release: the room is free again.
            await Quarantine.StayEnding.EndAsync(db, plan.Released.Select(x => x.Id).ToList(), now, ct);
            // Named by the case's number, as people name it (ADR 0016): every owner here is this case's contact.
            var number = await db.Cases.Where(x => x.Id == caseId).Select(x => x.Number).SingleAsync(ct);
            foreach (var (other, _) in plan.Along)
            {
                other.ReleasedAtUtc = now;
                other.AddPlatformNote(new Message("Quarantine.ReleasedAlong", number));
            }
            await db.SaveChangesAsync(ct);
            await codes.RecomputeManyAsync(db, plan.Released.Select(x => x.PersonId).ToList(), ct);
            await db.SaveChangesAsync(ct);
        }
        return new ReleaseAnswer(plan.Released.Count, plan.Refused);
    }

    /// <summary>What <see cref="ReleaseAsync"/> would do with the same request now, person by person; writes nothing.</summary>
    public async Task<ReleasePreviewAnswer> PreviewAsync(FangkongDb db, long caseId, ReleaseRequest r, CancellationToken ct)
    {
        var plan = await PlanAsync(db, caseId, r, ct);
        var ids = plan.Released.Select(x => (long?)x.Id).ToList();
        var persons = plan.Released.Select(x => x.PersonId).Distinct().ToList();
        var stays = await (from q in db.QuarantineStays.AsNoTracking()
                           where ids.Contains(q.ContactId) && q.State == QuarantineState.InQuarantine
                           join site in db.QuarantineSites on q.SiteId equals (long?)site.Id into ss
                           from site in ss.DefaultIfEmpty()
                           join room in db.QuarantineRooms on q.RoomId equals (long?)room.Id into rs
                           from room in rs.DefaultIfEmpty()
                           select new { q.Id, ContactId = q.ContactId!.Value, q.Place, q.Day1, Site = site == null ? null : site.Name, Room = room == null ? null : room.Number })
                          .ToDictionaryAsync(x => x.ContactId, ct);
        var stayIds = stays.Values.Select(x => (long?)x.Id).ToList();
        // The tests StayEnding drops: those of the ending stays not yet sampled.
        var tests = (await db.ResampleTasks.AsNoTracking().Where(t => stayIds.Contains(t.StayId) && t.DoneAtUtc == null).Select(t => t.StayId!.Value).ToListAsync(ct))
            .CountBy(x => x).ToDictionary(x => x.Key, x => x.Value);
        var names = await db.Persons.AsNoTracking().Where(p => persons.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => Masking.Name(p.Name), ct);
        var ended = plan.Released.Select(x => x.Id).Concat(plan.Along.Select(a => a.Other.Id)).Select(id => $"contact:{id.ToString(CultureInfo.InvariantCulture)}").ToList();
        var colours = await codes.PreviewAsync(db, persons, ended, ct);
        return new ReleasePreviewAnswer(plan.Released.Select(x =>
        {
            var stay = stays.GetValueOrDefault(x.Id);
            return new ReleasePreview(x.Id, x.PersonId, names.GetValueOrDefault(x.PersonId) ?? "", x.Grade, stay?.Place, stay?.Site, stay?.Room, stay?.Day1,
                stay is null ? 0 : tests.GetValueOrDefault(stay.Id), plan.Along.Where(a => a.Owner == x.Id).Select(a => a.Other.Id).ToList(), colours[x.PersonId]);
        }).ToList(), plan.Refused);
    }

    /// <summary>Decides who may be released and why not the others; reads only.</summary>
    private async Task<Plan> PlanAsync(FangkongDb db, long caseId, ReleaseRequest r, CancellationToken ct)
    {
        var (c, contacts) = await ContactDecisions.OfCaseAsync(db, caseId, r.Ids, ct);
        var persons = contacts.Select(x => x.PersonId).ToList();
        var tests = (await db.TestResults.AsNoTracking().Where(t => persons.Contains(t.PersonId)).Select(t => new { t.PersonId, t.SampledAtUtc, t.Outcome }).ToListAsync(ct))
            .ToLookup(t => t.PersonId);
        var staying = (await db.QuarantineStays.AsNoTracking().Where(s => persons.Contains(s.PersonId) && s.State == QuarantineState.InQuarantine)
            .Select(s => new { s.PersonId, s.ContactId }).ToListAsync(ct)).ToLookup(s => s.PersonId, s => s.ContactId);
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var refused = new List<ReleaseRefusal>();
        var released = new List<ContactProposal>();
        foreach (var x in contacts)
        {
            if (x.Status != ProposalStatus.Confirmed || x.ReleasedAtUtc is not null)
            {
                refused.Add(new(x.Id, Messages.Get(x.ReleasedAtUtc is null ? "Quarantine.ReleaseOnlyConfirmed" : "Quarantine.ReleasedAlready")));
                continue;
            }
            if (x.Grade == ContactGrade.Companion)
            {
                if (!CompanionRule.MayRelease(x.ContactOutUtc ?? x.FirstExposureUtc, tests[x.PersonId].Select(t => (t.SampledAtUtc, t.Outcome == TestOutcome.Positive))))
                {
                    refused.Add(new(x.Id, Messages.Get("Quarantine.CompanionNeedsTwoNegatives")));
                    continue;
                }
            }
            else if (staying[x.PersonId].FirstOrDefault(s => s != x.Id) is { } owner && !staying[x.PersonId].Contains(x.Id))
            {
                var ownerCase = await (from p in db.ContactProposals where p.Id == owner join oc in db.Cases on p.CaseId equals oc.Id select oc.Number).SingleAsync(ct);
                refused.Add(new(x.Id, Messages.Get("Quarantine.ServesAnotherDesignation", ownerCase)));
                continue;
            }
            else if (QuarantinePresets.For(c.Edition, x.Grade == ContactGrade.Close ? ContactRole.CloseContact : ContactRole.SecondaryContact) is { } plan)
            {
                var schedule = QuarantineSchedule.Generate(plan, DateOnly.FromDateTime(clock.ToLocal(x.DecidedAtUtc ?? x.ProposedAtUtc)));
                var states = schedule.Tests.Select(s => State(tests[x.PersonId].Where(t => DateOnly.FromDateTime(clock.ToLocal(t.SampledAtUtc)) == s.Date).Select(t => t.Outcome))).ToList();
                var check = ReleaseRule.Check(schedule, states, today);
                if (!check.MayRelease) { refused.Add(new(x.Id, Messages.Get(check.Reason))); continue; }
            }
            released.Add(x);
        }
        var along = await AlongAsync(db, released, released.Where(x => staying[x.PersonId].Contains(x.Id)).ToList(), today, ct);
        return new Plan(released, refused, along);
    }

    /// <summary>
    /// The person's other open designations their quarantine served (earlier ones it restarted from, shorter ones it
    /// covered) are released with it — each once its own preset's days are over; one still running stays open.
    /// </summary>
    private async Task<List<(ContactProposal Other, long Owner)>> AlongAsync(FangkongDb db, List<ContactProposal> released, List<ContactProposal> owners, DateOnly today, CancellationToken ct)
    {
        if (owners.Count == 0) return [];
        var persons = owners.Select(x => x.PersonId).ToList();
        // Released in this request already: not along with another.
        var ownerIds = released.Select(x => x.Id).ToList();
        var others = await (from p in db.ContactProposals
                            join k in db.Cases on p.CaseId equals k.Id
                            where persons.Contains(p.PersonId) && !ownerIds.Contains(p.Id) && p.Status == ProposalStatus.Confirmed && p.ReleasedAtUtc == null
                                && p.Grade != ContactGrade.Companion
                            select new { p, k.Edition }).ToListAsync(ct);
        var by = owners.ToDictionary(x => x.PersonId, x => x.Id);
        var along = new List<(ContactProposal, long)>();
        foreach (var o in others)
        {
            var role = o.p.Grade == ContactGrade.Close ? ContactRole.CloseContact : ContactRole.SecondaryContact;
            var day1 = DateOnly.FromDateTime(clock.ToLocal(o.p.DecidedAtUtc ?? o.p.ProposedAtUtc));
            if (QuarantinePresets.For(o.Edition, role) is { } plan && QuarantineSchedule.Generate(plan, day1).ReleaseDate > today) continue;
            along.Add((o.p, by[o.p.PersonId]));
        }
        return along;
    }

    private static TestState State(IEnumerable<TestOutcome> sameDay)
    {
        var list = sameDay.ToList();
        if (list.Contains(TestOutcome.Positive)) return TestState.Positive;
        return list.Count > 0 ? TestState.Negative : TestState.Pending;
    }
}

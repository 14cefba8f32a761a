using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
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
/// Releases confirmed contacts from management (domain.md §6): only when the case's policy preset has been served in
/// full from the day management began, and every test its schedule calls for is negative. A test counts for a
/// scheduled day when the person was sampled that day (city time). Released contacts' codes are re-derived.
/// A person's quarantine may serve several designations (a later exposure restarted it, or it covered a shorter one):
/// those are released with the designation the stay serves, once their own preset's days are over, not on their own.
/// </summary>
public sealed class ContactRelease(CityClock clock, ICodeRecompute codes)
{
    public async Task<ReleaseAnswer> ReleaseAsync(FangkongDb db, long caseId, ReleaseRequest r, CancellationToken ct)
    {
        var (c, contacts) = await ContactDecisions.OfCaseAsync(db, caseId, r.Ids, ct);
        var persons = contacts.Select(x => x.PersonId).ToList();
        var tests = (await db.TestResults.AsNoTracking().Where(t => persons.Contains(t.PersonId)).Select(t => new { t.PersonId, t.SampledAtUtc, t.Outcome }).ToListAsync(ct))
            .ToLookup(t => t.PersonId);
        var staying = (await db.QuarantineStays.AsNoTracking().Where(s => persons.Contains(s.PersonId) && s.State == QuarantineState.InQuarantine)
            .Select(s => new { s.PersonId, s.ContactId }).ToListAsync(ct)).ToLookup(s => s.PersonId, s => s.ContactId);
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var refused = new List<ReleaseRefusal>();
        var released = new List<long>();
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
                refused.Add(new(x.Id, Messages.Get("Quarantine.ServesAnotherDesignation", owner)));
                continue;
            }
            else if (QuarantinePresets.For(c.Edition, x.Grade == ContactGrade.Close ? ContactRole.CloseContact : ContactRole.SecondaryContact) is { } plan)
            {
                var schedule = QuarantineSchedule.Generate(plan, DateOnly.FromDateTime(clock.ToLocal(x.DecidedAtUtc ?? x.ProposedAtUtc)));
                var states = schedule.Tests.Select(s => State(tests[x.PersonId].Where(t => DateOnly.FromDateTime(clock.ToLocal(t.SampledAtUtc)) == s.Date).Select(t => t.Outcome))).ToList();
                var check = ReleaseRule.Check(schedule, states, today);
                if (!check.MayRelease) { refused.Add(new(x.Id, Messages.Get(check.Reason))); continue; }
            }
            x.ReleasedAtUtc = clock.UtcNow;
            released.Add(x.PersonId);
        }
        await db.SaveChangesAsync(ct);
        if (released.Count > 0)
        {
            // Their quarantine ends with the release: the room is free again.
            var releasedContacts = contacts.Where(x => x.ReleasedAtUtc is not null && released.Contains(x.PersonId)).ToList();
            await Quarantine.StayEnding.EndAsync(db, releasedContacts.Select(x => x.Id).ToList(), clock.UtcNow, ct);
            await AlongAsync(db, releasedContacts.Where(x => staying[x.PersonId].Contains(x.Id)).ToList(), today, ct);
            await codes.RecomputeManyAsync(db, released, ct);
            await db.SaveChangesAsync(ct);
        }
        return new ReleaseAnswer(released.Count, refused);
    }

    /// <summary>
    /// The person's other open designations their quarantine served (earlier ones it restarted from, shorter ones it
    /// covered) are released with it — each once its own preset's days are over; one still running stays open.
    /// </summary>
    private async Task AlongAsync(FangkongDb db, List<ContactProposal> owners, DateOnly today, CancellationToken ct)
    {
        if (owners.Count == 0) return;
        var persons = owners.Select(x => x.PersonId).ToList();
        var ownerIds = owners.Select(x => x.Id).ToList();
        var others = await (from p in db.ContactProposals
                            join k in db.Cases on p.CaseId equals k.Id
                            where persons.Contains(p.PersonId) && !ownerIds.Contains(p.Id) && p.Status == ProposalStatus.Confirmed && p.ReleasedAtUtc == null
                                && p.Grade != ContactGrade.Companion
                            select new { p, k.Edition }).ToListAsync(ct);
        var by = owners.ToDictionary(x => x.PersonId, x => x.Id);
        foreach (var o in others)
        {
            var role = o.p.Grade == ContactGrade.Close ? ContactRole.CloseContact : ContactRole.SecondaryContact;
            var day1 = DateOnly.FromDateTime(clock.ToLocal(o.p.DecidedAtUtc ?? o.p.ProposedAtUtc));
            if (QuarantinePresets.For(o.Edition, role) is { } plan && QuarantineSchedule.Generate(plan, day1).ReleaseDate > today) continue;
            o.p.ReleasedAtUtc = clock.UtcNow;
            o.p.AddPlatformNote(new Message("Quarantine.ReleasedAlong", by[o.p.PersonId].ToString(CultureInfo.InvariantCulture)));
        }
        await db.SaveChangesAsync(ct);
    }

    private static TestState State(IEnumerable<TestOutcome> sameDay)
    {
        var list = sameDay.ToList();
        if (list.Contains(TestOutcome.Positive)) return TestState.Positive;
        return list.Count > 0 ? TestState.Negative : TestState.Pending;
    }
}

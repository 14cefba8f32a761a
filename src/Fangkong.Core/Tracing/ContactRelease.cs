using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

public sealed record ReleaseRequest(IReadOnlyList<long>? Ids);

public sealed record ReleaseRefusal(long Id, string Reason);

public sealed record ReleaseAnswer(int Released, IReadOnlyList<ReleaseRefusal> Refused);

/// <summary>
/// Releases confirmed contacts from management (domain.md §6): only when the case's policy preset has been served in
/// full from the day management began, and every test its schedule calls for is negative. A test counts for a
/// scheduled day when the person was sampled that day (city time). Released contacts' codes are re-derived.
/// </summary>
public sealed class ContactRelease(CityClock clock, HealthCodeService codes)
{
    public async Task<ReleaseAnswer> ReleaseAsync(FangkongDb db, long caseId, ReleaseRequest r, CancellationToken ct)
    {
        var (c, contacts) = await ContactDecisions.OfCaseAsync(db, caseId, r.Ids, ct);
        var persons = contacts.Select(x => x.PersonId).ToList();
        var tests = (await db.TestResults.AsNoTracking().Where(t => persons.Contains(t.PersonId)).Select(t => new { t.PersonId, t.SampledAtUtc, t.Outcome }).ToListAsync(ct))
            .ToLookup(t => t.PersonId);
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var refused = new List<ReleaseRefusal>();
        var released = new List<long>();
        foreach (var x in contacts)
        {
            if (x.Status != ProposalStatus.Confirmed || x.ReleasedAtUtc is not null)
            {
                refused.Add(new(x.Id, x.ReleasedAtUtc is null ? "未确认的接触者无需解除 / only confirmed contacts are released" : "已解除 / released already"));
                continue;
            }
            if (x.Grade == ContactGrade.Companion)
            {
                if (!CompanionRule.MayRelease(x.ContactOutUtc ?? x.FirstExposureUtc, tests[x.PersonId].Select(t => (t.SampledAtUtc, t.Outcome == TestOutcome.Positive))))
                {
                    refused.Add(new(x.Id, "须访后两次核酸阴性且间隔24小时 / needs two negative tests 24 h apart after the visit"));
                    continue;
                }
            }
            else if (QuarantinePresets.For(c.Edition, x.Grade == ContactGrade.Close ? ContactRole.CloseContact : ContactRole.SecondaryContact) is { } plan)
            {
                var schedule = QuarantineSchedule.Generate(plan, DateOnly.FromDateTime(clock.ToLocal(x.DecidedAtUtc ?? x.ProposedAtUtc)));
                var states = schedule.Tests.Select(s => State(tests[x.PersonId].Where(t => DateOnly.FromDateTime(clock.ToLocal(t.SampledAtUtc)) == s.Date).Select(t => t.Outcome))).ToList();
                var check = ReleaseRule.Check(schedule, states, today);
                if (!check.MayRelease) { refused.Add(new(x.Id, check.Reason)); continue; }
            }
            x.ReleasedAtUtc = clock.UtcNow;
            released.Add(x.PersonId);
        }
        await db.SaveChangesAsync(ct);
        if (released.Count > 0)
        {
            // Their quarantine ends with the release: the room is free again.
            var releasedContacts = contacts.Where(x => x.ReleasedAtUtc is not null && released.Contains(x.PersonId)).Select(x => x.Id).ToList();
            await Quarantine.StayEnding.EndAsync(db, releasedContacts, clock.UtcNow, ct);
            await codes.RecomputeManyAsync(db, released, ct);
            await db.SaveChangesAsync(ct);
        }
        return new ReleaseAnswer(released.Count, refused);
    }

    private static TestState State(IEnumerable<TestOutcome> sameDay)
    {
        var list = sameDay.ToList();
        if (list.Contains(TestOutcome.Positive)) return TestState.Positive;
        return list.Count > 0 ? TestState.Negative : TestState.Pending;
    }
}

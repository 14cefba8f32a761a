using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

public sealed record SecondaryFollowUpSummary(int Upgraded, int Released);

/// <summary>
/// Edition 9's rule for secondary contacts, applied as their close contact's results come in: a positive among the
/// close contact's first two tests (since being confirmed a close contact) upgrades the secondary contacts met through
/// them to close contacts — red, with the close contacts' longer schedule from the same day 1; two negatives release
/// them — green, their quarantine ended.
/// </summary>
public sealed class SecondaryFollowUp(CityClock clock, ICodeRecompute codes, QuarantineTesting testing)
{
    public async Task<SecondaryFollowUpSummary> ApplyAsync(FangkongDb db, IReadOnlyCollection<long> testedPersons, CancellationToken ct)
    {
        var tested = testedPersons.Distinct().ToList();
        var secondaries = new List<ContactProposal>();
        foreach (var chunk in tested.Chunk(1000))
            secondaries.AddRange(await db.ContactProposals.Where(x => x.Grade == ContactGrade.Secondary && x.Status == ProposalStatus.Confirmed
                && x.ReleasedAtUtc == null && x.ViaPersonId != null && chunk.Contains(x.ViaPersonId.Value)).ToListAsync(ct));
        if (secondaries.Count == 0) return new(0, 0);

        var via = secondaries.Select(x => x.ViaPersonId!.Value).Distinct().ToList();
        var since = (await db.ContactProposals.AsNoTracking().Where(x => x.Grade == ContactGrade.Close && x.Status == ProposalStatus.Confirmed && via.Contains(x.PersonId))
            .Select(x => new { x.CaseId, x.PersonId, At = x.DecidedAtUtc ?? x.ProposedAtUtc }).ToListAsync(ct))
            .ToDictionary(x => (x.CaseId, x.PersonId), x => x.At);
        var results = (await db.TestResults.AsNoTracking().Where(t => via.Contains(t.PersonId)).Select(t => new { t.PersonId, t.SampledAtUtc, t.Outcome }).ToListAsync(ct))
            .ToLookup(t => t.PersonId);
        var now = clock.UtcNow;
        var upgraded = new List<ContactProposal>();
        var released = new List<ContactProposal>();
        foreach (var x in secondaries)
        {
            if (!since.TryGetValue((x.CaseId, x.ViaPersonId!.Value), out var from)) continue;
            var outcomes = results[x.ViaPersonId.Value].Where(t => t.SampledAtUtc >= from).OrderBy(t => t.SampledAtUtc).Select(t => t.Outcome == TestOutcome.Positive).ToList();
            switch (SecondaryContactRule.Decide(outcomes))
            {
                case SecondaryContactDecision.Upgrade:
                    x.Grade = ContactGrade.Close;
                    x.AddPlatformNote(new Message("Quarantine.SecondaryUpgraded"));
                    upgraded.Add(x);
                    break;
                case SecondaryContactDecision.Release:
                    x.ReleasedAtUtc = now;
                    x.AddPlatformNote(new Message("Quarantine.SecondaryReleased"));
                    released.Add(x);
                    break;
            }
        }
        if (upgraded.Count + released.Count == 0) return new(0, 0);
        // A person may already be a close contact of the case on their own account: that row stands, this one is released.
        var closeKeys = (await db.ContactProposals.AsNoTracking().Where(c => c.Grade == ContactGrade.Close && upgraded.Select(u => u.CaseId).Contains(c.CaseId))
            .Select(c => new { c.CaseId, c.PersonId }).ToListAsync(ct)).Select(c => (c.CaseId, c.PersonId)).ToHashSet();
        foreach (var x in upgraded.Where(u => closeKeys.Contains((u.CaseId, u.PersonId))).ToList())
        {
            x.Grade = ContactGrade.Secondary;
            x.ReleasedAtUtc = now;
            upgraded.Remove(x);
        }
        await db.SaveChangesAsync(ct);
        await LengthenAsync(db, upgraded, ct);
        await StayEnding.EndAsync(db, released.Select(x => x.Id).ToList(), now, ct);
        await codes.RecomputeManyAsync(db, upgraded.Concat(released).Select(x => x.PersonId).ToHashSet(), ct);
        await db.SaveChangesAsync(ct);
        return new(upgraded.Count, released.Count);
    }

    /// <summary>Upgraded persons in quarantine serve the close contacts' preset from the same day 1: later release, more tests.</summary>
    private async Task LengthenAsync(FangkongDb db, List<ContactProposal> upgraded, CancellationToken ct)
    {
        var contactIds = upgraded.Select(x => (long?)x.Id).ToList();
        var stays = await db.QuarantineStays.Where(q => contactIds.Contains(q.ContactId) && q.State == QuarantineState.InQuarantine).ToListAsync(ct);
        var stayIds = stays.Select(s => (long?)s.Id).ToList();
        var planned = (await db.ResampleTasks.Where(t => stayIds.Contains(t.StayId)).Select(t => new { t.StayId, t.DueDate }).ToListAsync(ct))
            .Select(t => (t.StayId!.Value, t.DueDate!.Value)).ToHashSet();
        var round = stays.Count > 0 ? await db.ResampleTasks.Where(t => stayIds.Contains(t.StayId)).Select(t => (long?)t.RoundId).FirstOrDefaultAsync(ct) : null;
        foreach (var stay in stays)
        {
            if (QuarantinePresets.For(stay.Edition, ContactRole.CloseContact) is not { } plan) continue;
            var schedule = QuarantineSchedule.Generate(plan, stay.Day1);
            stay.Role = ContactRole.CloseContact;
            stay.ReleaseDate = schedule.ReleaseDate;
            if (round is not { } roundId) continue;
            foreach (var test in schedule.Tests.Where(t => !planned.Contains((stay.Id, t.Date))))
                db.ResampleTasks.Add(testing.Task(roundId, stay, test, clock.UtcNow));
        }
        await db.SaveChangesAsync(ct);
    }
}

using System.Diagnostics;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record FanOutSummary(int Tubes, int NegativePersons, int PoolPositivePersons, int PositivePersons, int NewCases, int ResampleTasks,
    int CodeChanges, double Milliseconds);

/// <summary>
/// Carries tube results to persons (domain.md §4): a negative tube makes each member negative; a positive pool puts
/// each member under control and creates a single-tube re-sampling task; a positive single tube is that person's
/// positive result and opens a case. Colours are re-derived only for persons the result can change: members of
/// positive tubes and members whose code is not green. The million rows of a city's round (results, roster) are
/// written by a few set statements in the store (<see cref="FanOutStatements"/>, ADR 0034); the few positives go
/// through the model.
/// </summary>
public sealed class ResultFanOut(TimeOrderedIds ids, CityClock clock, ICodeRecompute codes, IResultFollowUp followUp)
{
    /// <summary>Runs inside the caller's transaction (all or nothing) for tubes whose results were just set.</summary>
    public async Task<FanOutSummary> ApplyAsync(FangkongDb db, IReadOnlyCollection<long> tubeIds, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("The fan-out runs inside the caller's transaction.");
        var watch = Stopwatch.StartNew();
        var distinct = tubeIds.Distinct().ToList();
        if (distinct.Count == 0) return new FanOutSummary(0, 0, 0, 0, 0, 0, 0, 0);
        // A tube's result concerns everyone swabbed into it, whoever's area the lab technician works in (ADR 0028).
        using var wholeCity = db.WholeCity();
        var now = clock.UtcNow;

        using (FanOutSections.Start("stage"))
            await FanOutStatements.StageAsync(db, distinct, ct);
        try
        {
            return await ApplyStagedAsync(db, distinct, now, watch, ct);
        }
        finally
        {
            await FanOutStatements.DropAsync(db, distinct.Count, CancellationToken.None);
        }
    }

    private async Task<FanOutSummary> ApplyStagedAsync(FangkongDb db, List<long> distinct, DateTime now, Stopwatch watch, CancellationToken ct)
    {
        using (FanOutSections.Start("results"))
            await FanOutStatements.InsertResultsAsync(db, ct);
        int negative, pool, positive;
        using (FanOutSections.Start("roster"))
        {
            // In this order, so a person in two tubes of one file keeps the graver outcome, as tube by tube.
            negative = await FanOutStatements.MarkRosterAsync(db, PersonOutcome.Negative, now, ct);
            pool = await FanOutStatements.MarkRosterAsync(db, PersonOutcome.PoolPositive, now, ct);
            positive = await FanOutStatements.MarkRosterAsync(db, PersonOutcome.Positive, now, ct);
        }

        var section = FanOutSections.Start("positives");
        var positiveTubes = await db.Tubes.AsNoTracking().Where(t => EF.Parameter(distinct).Contains(t.Id) && t.Outcome == TubeOutcome.Positive)
            .Select(t => new { t.Id, t.Count }).ToListAsync(ct);
        var poolTubes = positiveTubes.Where(t => t.Count > 1).Select(t => t.Id).ToList();
        var singleTubes = positiveTubes.Where(t => t.Count == 1).Select(t => t.Id).ToList();
        var tasks = await AddResampleTasksAsync(db, poolTubes, now, ct);
        var poolMembers = tasks.Members;

        var positives = await (from s in db.Samples
                               where singleTubes.Contains(s.TubeId)
                               join t in db.Tubes on s.TubeId equals t.Id
                               select new { s.PersonId, s.AtUtc, t.Id, t.RoundId, t.Kind, SampleId = s.Id }).ToListAsync(ct);
        // A positive scheduled test of a quarantined person: found among contacts under quarantine.
        var sampleIds = positives.Select(p => p.SampleId).ToList();
        var quarantined = (await db.ResampleTasks.Where(t => t.SampleId != null && sampleIds.Contains(t.SampleId.Value) && t.Reason == SingleTubeReason.QuarantineSchedule)
            .Select(t => t.SampleId!.Value).ToListAsync(ct)).ToHashSet();
        var opened = positives.Select(p => new PositiveSample(p.PersonId, p.AtUtc, p.Id, p.RoundId,
            quarantined.Contains(p.SampleId) ? CaseFoundBy.ContactUnderQuarantine : p.Kind == TubeKind.Resample ? CaseFoundBy.PoolResampling : CaseFoundBy.SingleTube)).ToList();
        var cases = await followUp.OpenCasesAsync(db, opened, now, ct);
        await db.SaveChangesAsync(ct);
        section?.Dispose();

        // Colours: every member of a positive tube; members of negative tubes only when not green — a green person
        // stays green on a negative, with no need to look.
        section = FanOutSections.Start("colours");
        var recompute = poolMembers.Concat(positives.Select(p => p.PersonId)).ToHashSet();
        recompute.UnionWith(await FanOutStatements.NotGreenNegativesAsync(db, ct));
        var changes = await codes.RecomputeAndWriteAsync(db, recompute, ct);
        section?.Dispose();
        // Contacts and companions are never green, so every one tested here is in the recomputed set: their follow-ups run.
        using (FanOutSections.Start("follow-ups"))
            await followUp.AfterTestsAsync(db, recompute, ct);
        db.ChangeTracker.Clear();
        return new FanOutSummary(distinct.Count, negative, pool, positive, cases, tasks.Added, changes, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>A single-tube re-sampling task for each member of a positive pool who has no open one; written untracked.</summary>
    private async Task<(List<long> Members, int Added)> AddResampleTasksAsync(FangkongDb db, List<long> poolTubes, DateTime now, CancellationToken ct)
    {
        if (poolTubes.Count == 0) return ([], 0);
        var members = await db.Samples.AsNoTracking().Where(s => EF.Parameter(poolTubes).Contains(s.TubeId))
            .Select(s => new { s.PersonId, s.RoundId, s.TubeId }).ToListAsync(ct);
        var persons = members.Select(m => m.PersonId).Distinct().ToList();
        var open = (await db.ResampleTasks.Where(t => t.DoneAtUtc == null && t.Reason == SingleTubeReason.PositivePool && EF.Parameter(persons).Contains(t.PersonId))
            .Select(t => t.PersonId).ToListAsync(ct)).ToHashSet();
        var tasks = members.Where(m => open.Add(m.PersonId))
            .Select(m => new ResampleTask { Id = ids.Next(), RoundId = m.RoundId, PersonId = m.PersonId, SourceTubeId = m.TubeId, CreatedAtUtc = now }).ToList();
        await DirectInserts.InsertAsync(db, tasks, ct);
        return (persons, tasks.Count);
    }
}
